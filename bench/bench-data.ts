/**
 * Fixtures and synthetic ticket text for the ticket benchmarks: organisations, users, teams,
 * catalog services and API tokens written straight into a scratch database (the way the app
 * stores them), and realistic Spanish (es-MX) service-desk titles, descriptions and replies
 * from word lists with a seeded generator, so two runs load the same data.
 */
import type { ClientBase } from 'pg';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../src/modules/identity/secrets';

/** Seeded PRNG (mulberry32): the same seed gives the same data set. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];
export const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

/** Cumulative weights → index, for skewed distributions (teams, states). */
export function weighted(weights: readonly number[]): (r: Rand) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return (r) => {
    const x = r();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// ---- Spanish service-desk vocabulary ----

const PROBLEMS = [
  'No funciona',
  'Falla en',
  'Error al abrir',
  'Sin acceso a',
  'Lentitud en',
  'Solicitud de alta en',
  'Restablecer contraseña de',
  'Instalación de',
  'Configuración de',
  'Reemplazo de',
  'Actualización de',
  'Intermitencia en',
  'Bloqueo de cuenta en',
  'Revisión de',
  'Mantenimiento preventivo de',
  'No enciende',
  'No imprime',
  'Mensaje de error en',
  'Baja de usuario en',
  'Cambio de ubicación de',
];
const OBJECTS = [
  'la impresora',
  'el correo institucional',
  'el sistema de nómina',
  'la red inalámbrica',
  'el equipo de cómputo',
  'la VPN',
  'el portal de transparencia',
  'el escáner',
  'el teléfono IP',
  'el sistema de control escolar',
  'la firma electrónica',
  'el expediente clínico electrónico',
  'el sistema de recursos humanos',
  'la unidad compartida',
  'Office',
  'el antivirus',
  'el proyector de la sala de juntas',
  'el monitor',
  'el no-break',
  'la cuenta de usuario',
  'el sistema de contabilidad gubernamental',
  'el navegador',
  'la videoconferencia',
  'el servidor de archivos',
  'el sistema de adquisiciones',
  'el conmutador',
  'el lector de huella',
  'el padrón de beneficiarios',
  'el sistema de citas',
  'la plataforma de trámites en línea',
  'el reloj checador',
  'la copiadora',
];
const QUALIFIERS = [
  '',
  '',
  '',
  ' en la oficina',
  ' del área de archivo',
  ' (urgente)',
  ' en el piso 2',
  ' del titular',
  ' desde ayer',
  ' en recepción',
  ' de la dirección',
  ' en el almacén',
  ' de la sala de juntas',
  ' en ventanilla',
  ' del departamento jurídico',
];
const OPENINGS = ['Buen día,', 'Buenas tardes,', 'Hola,', 'Estimados,', 'Por medio del presente', 'Buenos días, les escribo porque'];
const SINCE = ['desde esta mañana', 'desde ayer', 'desde el lunes', 'desde hace una semana', 'después de la actualización', 'al regresar de vacaciones'];
const SYMPTOMS = [
  'el equipo se reinicia solo',
  'aparece un mensaje de error al iniciar sesión',
  'no imprime y marca papel atascado',
  'la conexión a internet es muy lenta',
  'no llegan los correos externos',
  'no puedo acceder con mi contraseña',
  'la pantalla se queda en negro',
  'el sistema marca tiempo de espera agotado',
  'no reconoce el certificado de la firma electrónica',
  'la impresora no aparece en la lista de dispositivos',
  'se desconecta la red inalámbrica cada pocos minutos',
  'no abre el sistema de nómina y muestra una página en blanco',
  'el teléfono no tiene tono',
  'el escáner guarda archivos vacíos',
  'no puedo adjuntar documentos en el portal',
  'la VPN rechaza mis credenciales',
  'el navegador bloquea el sitio por certificado vencido',
  'el monitor parpadea',
  'se perdió el acceso a la unidad compartida',
  'el reloj checador no registra mi huella',
];
const ASKS = [
  'Solicito su apoyo para revisarlo.',
  'Es urgente porque tenemos cierre de mes.',
  'Adjunto captura de pantalla del error.',
  'Quedo atento a sus comentarios.',
  'Afecta a todo el departamento.',
  'Ya se reinició el equipo sin éxito.',
  'Necesitamos el servicio para atender a la ciudadanía.',
  'Agradezco de antemano su atención.',
  'Pueden llamarme a mi extensión.',
];
const REPLIES_PUBLIC = [
  'Buen día, recibimos su reporte; un técnico lo atenderá en breve.',
  'Se reinició el servicio y ya debería funcionar, ¿puede confirmarnos?',
  'Le pedimos reiniciar el equipo y volver a intentar.',
  'Se restableció la contraseña; la temporal se envió a su correo.',
  'Se programó una visita del técnico de campo para mañana por la mañana.',
  'Gracias, ya quedó funcionando correctamente.',
  'Se actualizó el controlador del equipo.',
  'Se liberó espacio en el buzón de correo.',
  'Confirmo que ya tengo acceso, gracias.',
  'Seguimos revisando con el proveedor; le informaremos cualquier avance.',
  'Se cambió el tóner y se imprimió una página de prueba.',
  'Se configuró de nuevo la cuenta en Outlook.',
  'Se reemplazó el cable de red del nodo.',
  'Le compartimos la guía para configurar la VPN.',
  'Se escaló al área de infraestructura.',
  'El servicio se restableció a las 14:30.',
  'Por favor indíquenos su número de inventario.',
];
const NOTES_INTERNAL = [
  'Se revisó de forma remota; el servicio de cola de impresión estaba detenido.',
  'Escalado al equipo de redes por falla en el switch del piso.',
  'El usuario no tiene licencia asignada; se solicita al área de adquisiciones.',
  'Se detectó certificado vencido en el servidor.',
  'Pendiente refacción del no-break; se pidió cotización.',
  'Falla recurrente, posible problema: revisar con gestión de problemas.',
  'Se reinstaló el agente del antivirus.',
  'Se validó la identidad del usuario por teléfono antes del cambio.',
];
/** Words that appear in about one ticket in 10,000 (the "rare" search terms). */
export const RARE_WORDS = ['microfichas', 'telepresencia', 'sismógrafo'] as const;
/** A word in about one ticket in 100,000. */
export const VERY_RARE_WORD = 'tomógrafo';
export const COMMON_WORDS = ['impresora', 'correo', 'contraseña'] as const;

export function ticketTitle(r: Rand): string {
  return `${pick(r, PROBLEMS)} ${pick(r, OBJECTS)}${pick(r, QUALIFIERS)}`;
}

export function ticketDescription(r: Rand): string {
  const parts = [`${pick(r, OPENINGS)} ${pick(r, SINCE)} ${pick(r, SYMPTOMS)}.`];
  if (r() < 0.6) parts.push(`También ${pick(r, SYMPTOMS)}.`);
  parts.push(pick(r, ASKS));
  if (r() < 0.5) parts.push(`Número de inventario ${int(r, 100000, 999999)}, extensión ${int(r, 1000, 9999)}.`);
  const x = r();
  if (x < 3e-4) parts.push(`El equipo está conectado al lector de ${RARE_WORDS[Math.floor((x / 3e-4) * 3)]}.`);
  else if (x < 3.1e-4) parts.push(`Es la estación del ${VERY_RARE_WORD} del hospital.`);
  return parts.join(' ');
}

export function articleBody(r: Rand, kind: 'public' | 'internal'): string {
  return kind === 'public' ? pick(r, REPLIES_PUBLIC) + (r() < 0.3 ? ` ${pick(r, ASKS)}` : '') : pick(r, NOTES_INTERNAL);
}

const GIVEN = [
  'María',
  'José',
  'Juan',
  'Guadalupe',
  'Luis',
  'Ana',
  'Carlos',
  'Laura',
  'Jorge',
  'Patricia',
  'Miguel',
  'Verónica',
  'Ricardo',
  'Alejandra',
  'Fernando',
  'Gabriela',
  'Roberto',
  'Claudia',
  'Eduardo',
  'Silvia',
];
const SURNAMES = [
  'Hernández',
  'García',
  'Martínez',
  'López',
  'González',
  'Pérez',
  'Rodríguez',
  'Sánchez',
  'Ramírez',
  'Cruz',
  'Flores',
  'Gómez',
  'Morales',
  'Vázquez',
  'Reyes',
  'Jiménez',
  'Torres',
  'Díaz',
  'Gutiérrez',
  'Ruiz',
];
export const personName = (r: Rand) => `${pick(r, GIVEN)} ${pick(r, SURNAMES)} ${pick(r, SURNAMES)}`;

const DEPENDENCIES = [
  'Secretaría de Finanzas',
  'Secretaría de Educación',
  'Instituto de Salud Pública',
  'Secretaría de Seguridad',
  'Secretaría de Desarrollo Social',
];
const UNITS = ['Dirección de Informática', 'Dirección Administrativa'];
const AREAS = ['Recursos Humanos', 'Control Escolar', 'Archivo', 'Jurídico', 'Adquisiciones'];

// ---- Fixture rows (plain SQL, as test/support/factories.ts does) ----

/** A password hash no login matches: fixture users authenticate with API tokens only. */
const NO_PASSWORD = '!bench-no-login';

export type OrgTree = { dependencies: string[]; units: string[]; areas: { id: string; unitId: string }[] };

/** dependency → UR → area; 5 × 2 × 5 = 50 areas by default. */
export async function createOrgTree(c: ClientBase, shape = { dependencies: 5, unitsPer: 2, areasPer: 5 }): Promise<OrgTree> {
  const tree: OrgTree = { dependencies: [], units: [], areas: [] };
  const insert = async (kind: string, code: string, name: string, parentId: string | null) =>
    (
      (await c.query(`INSERT INTO organisations (kind, code, name, parent_id, version) VALUES ($1, $2, $3, $4, 1) RETURNING id`, [kind, code, name, parentId]))
        .rows[0] as { id: string }
    ).id;
  for (let d = 0; d < shape.dependencies; d++) {
    const dep = await insert('dependency', `BD${d}`, `${DEPENDENCIES[d % DEPENDENCIES.length]} ${d}`, null);
    tree.dependencies.push(dep);
    for (let u = 0; u < shape.unitsPer; u++) {
      const unit = await insert('responsible_unit', `BD${d}-U${u}`, `${UNITS[u % UNITS.length]} ${d}.${u}`, dep);
      tree.units.push(unit);
      for (let a = 0; a < shape.areasPer; a++) {
        tree.areas.push({ id: await insert('area', `BD${d}-U${u}-A${a}`, `${AREAS[a % AREAS.length]} ${d}.${u}.${a}`, unit), unitId: unit });
      }
    }
  }
  return tree;
}

export type UserSpec = { email: string; fullName: string; roles: string[]; organisationId: string | null; isVip?: boolean };

/** Bulk insert (one statement per 1,000 users); returns ids in input order. */
export async function createUsers(c: ClientBase, users: UserSpec[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < users.length; i += 1000) {
    const chunk = users.slice(i, i + 1000);
    const { rows } = await c.query(
      `INSERT INTO users (email, full_name, password_hash, roles, organisation_id, is_vip, version)
       SELECT e, n, $3, string_to_array(r, ','), o, v, 1
         FROM unnest($1::text[], $2::text[], $4::text[], $5::uuid[], $6::boolean[]) WITH ORDINALITY AS x(e, n, r, o, v, ord)
        ORDER BY ord
       RETURNING id, email`,
      [
        chunk.map((u) => u.email),
        chunk.map((u) => u.fullName),
        NO_PASSWORD,
        chunk.map((u) => u.roles.join(',')),
        chunk.map((u) => u.organisationId),
        chunk.map((u) => u.isVip ?? false),
      ],
    );
    const byEmail = new Map((rows as { id: string; email: string }[]).map((r) => [r.email, r.id]));
    for (const u of chunk) ids.push(byEmail.get(u.email)!);
  }
  return ids;
}

/** A personal API token stored as the app stores one (sha256 of the secret, visible prefix). */
export async function createApiToken(c: ClientBase, userId: string, name = 'bench'): Promise<string> {
  const token = API_TOKEN_PREFIX + newSecret();
  await c.query(`INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4)`, [
    userId,
    name,
    sha256(token),
    token.slice(0, API_TOKEN_PREFIX.length + 6),
  ]);
  return token;
}

export async function createTeam(c: ClientBase, name: string, supportLevel: string, memberIds: string[]): Promise<string> {
  const { rows } = await c.query(`INSERT INTO teams (name, support_level, coordinator_id, version) VALUES ($1, $2, $3, 1) RETURNING id`, [
    name,
    supportLevel,
    memberIds[0] ?? null,
  ]);
  const id = (rows[0] as { id: string }).id;
  if (memberIds.length) await c.query(`INSERT INTO team_members (team_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, memberIds]);
  return id;
}

const SERVICE_NAMES = [
  'Correo institucional',
  'Impresión y digitalización',
  'Red inalámbrica',
  'Telefonía IP',
  'Cuentas de usuario',
  'VPN',
  'Equipo de cómputo',
  'Nómina',
  'Control escolar',
  'Expediente clínico',
  'Firma electrónica',
  'Portal de trámites',
  'Videoconferencia',
  'Antivirus',
  'Unidades compartidas',
  'Ofimática',
  'Recursos humanos',
  'Contabilidad gubernamental',
  'Adquisiciones',
  'Padrón de beneficiarios',
  'Sistema de citas',
  'Reloj checador',
  'Conmutador',
  'Proyectores y salas',
  'Energía y no-break',
  'Servidores de archivos',
  'Transparencia',
  'Bases de datos',
  'Desarrollo de sistemas',
  'Soporte en sitio',
];

export async function createService(c: ClientBase, i: number, teams: { l1?: string | null; l2?: string | null } = {}): Promise<string> {
  const { rows } = await c.query(
    `INSERT INTO catalog_services (code, name, category, type, status, team_l1_id, team_l2_id, version)
     VALUES ($1, $2, $3, 'both', 'active', $4, $5, 1) RETURNING id`,
    [
      `SVC-${String(i).padStart(3, '0')}`,
      SERVICE_NAMES[i % SERVICE_NAMES.length] + (i >= SERVICE_NAMES.length ? ` ${i}` : ''),
      'Soporte',
      teams.l1 ?? null,
      teams.l2 ?? null,
    ],
  );
  return (rows[0] as { id: string }).id;
}
