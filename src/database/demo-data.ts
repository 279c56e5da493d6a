import type { EntityManager } from 'typeorm';
import { ROLES, type Role } from '../common/auth/roles';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Team, TeamMember } from '../modules/identity/entities/team.entity';
import { User } from '../modules/identity/entities/user.entity';
import { Location } from '../modules/organisations/entities/location.entity';
import { CatalogServiceRecord } from '../modules/catalog/entities/catalog-service.entity';
import { CatalogServiceVersion } from '../modules/catalog/entities/catalog-service-version.entity';
import { type FormField, validateForm } from '../modules/catalog/request-form.rules';
import { Article } from '../modules/tickets/entities/article.entity';
import { TicketHistory } from '../modules/tickets/entities/ticket-history.entity';
import { Ticket } from '../modules/tickets/entities/ticket.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';
import { TextModule } from '../modules/text-modules/entities/text-module.entity';
import { hashPassword } from '../modules/identity/argon2';
import { createDataSource } from './data-source';

/** Public demo credential, printed at start-up; it satisfies the seed's password policy. */
export const DEMO_PASSWORD = 'Mesa#2026demo';
const DEMO_DOMAIN = 'demo.mesa.local';

export type DemoLogin = { role: Role; email: string; password: string };

const DEMO_NAMES: Record<Role, string> = {
  requester: 'Lucía Hernández (solicitante)',
  agent_l1: 'Carlos Ramírez (mesa de servicio)',
  resolver_l2: 'Ana Torres (nivel 2)',
  resolver_l3: 'Miguel Ángel Soto (nivel 3)',
  team_coordinator: 'Patricia Núñez (coordinadora de equipo)',
  field_technician: 'Jorge Castillo (técnico de campo)',
  field_chief: 'Rosa Medina (jefa de campo)',
  desk_coordinator: 'Fernando López (coordinador de mesa)',
  director: 'Elena Vargas (directora de operaciones)',
  problem_manager: 'Raúl Ortega (gestor de problemas)',
  change_manager: 'Sofía Mendoza (gestora de cambios)',
  catalog_manager: 'Diego Flores (gestor del catálogo)',
  admin: 'Administrador Mesa',
};

export const demoLogins = (): DemoLogin[] => ROLES.map((role) => ({ role, email: `${role.replace(/_/g, '.')}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }));

const NETWORK_KINDS = {
  project: ['Conexión a la Red de Gobierno', 'Configuración de equipo activo', 'Infraestructura de telecomunicaciones'],
  access: ['Acceso a internet', 'Bloqueo o desbloqueo de sitios web', 'Apertura de puertos'],
};
const VOICE_AUTHORISED = ['Asignación de clave de marcación', 'Permiso especial de marcación'];

/** Seed 003 "datos requeridos" (DGST-P01 procedures, policy items cited per form) and the 15-day lead time of event support. */
export function demoForms(): Record<string, FormField[]> {
  return {
    // DGST-P01-PR05 3.c.1–3.c.11: the kind of request decides which data it carries (c.7–c.11).
    'RED-DATOS': [
      {
        key: 'tipo',
        type: 'select',
        label: 'Tipo de solicitud',
        required: true,
        validation: { options: [...NETWORK_KINDS.project, ...NETWORK_KINDS.access, 'Falla de conexión'] },
      },
      { key: 'dependencia', type: 'text', label: 'Dependencia', required: true },
      { key: 'area', type: 'text', label: 'Área', required: true },
      { key: 'usuario', type: 'text', label: 'Usuario', required: true },
      { key: 'telefono', type: 'phone', label: 'Teléfono', required: true },
      { key: 'extension', type: 'text', label: 'Extensión', required: false, validation: { regex: '^\\d{3,6}$', regexMessage: 'debe tener de 3 a 6 dígitos' } },
      { key: 'ip', type: 'ipv4_cidr', label: 'Dirección IP', required: true },
      // c.9–c.11: each only for its kind of request, and then obligatory.
      { key: 'url', type: 'url', label: 'URL o sitio web', required: true, showWhen: { field: 'tipo', values: ['Bloqueo o desbloqueo de sitios web'] } },
      { key: 'puertos', type: 'port_list', label: 'Puertos o servicios', required: true, showWhen: { field: 'tipo', values: ['Apertura de puertos'] } },
      { key: 'periodo', type: 'date_range', label: 'Periodo del acceso', required: true, showWhen: { field: 'tipo', values: ['Acceso a internet'] } },
      {
        key: 'proyecto',
        type: 'long_text',
        label: 'Descripción del proyecto o de los requerimientos',
        help: 'Conexión a la Red de Gobierno, configuración de equipo activo o requerimientos de infraestructura de telecomunicaciones.',
        required: true,
        showWhen: { field: 'tipo', values: NETWORK_KINDS.project },
      },
      // c.7: who authorises and why, for accesses and special permissions.
      { key: 'autoriza', type: 'text', label: 'Quién autoriza', required: true, showWhen: { field: 'tipo', values: NETWORK_KINDS.access } },
      { key: 'justificacion', type: 'long_text', label: 'Por qué se autoriza', required: true, showWhen: { field: 'tipo', values: NETWORK_KINDS.access } },
    ],
    // DGST-P01-PR04 3.c: issued by the head of IT or the administrative officer; who authorises only for codes and special permissions.
    'RED-VOZ': [
      {
        key: 'emite',
        type: 'select',
        label: 'Quién emite la solicitud',
        help: 'Solo el jefe de informática o el administrativo de la dependencia solicitan movimientos de telefonía.',
        required: true,
        validation: { options: ['Jefe(a) de informática', 'Administrativo(a) de la dependencia'] },
      },
      { key: 'dependencia', type: 'text', label: 'Dependencia', required: true },
      { key: 'area', type: 'text', label: 'Área', required: true },
      { key: 'usuario', type: 'text', label: 'Nombre del usuario', required: true },
      { key: 'telefono', type: 'phone', label: 'Teléfono de contacto', required: true },
      {
        key: 'extension',
        type: 'text',
        label: 'Número de extensión',
        help: 'La extensión que cambia, se da de baja o falla; en un alta, déjala vacía si aún no tiene número.',
        required: false,
        validation: { regex: '^\\d{3,6}$', regexMessage: 'debe tener de 3 a 6 dígitos' },
      },
      {
        key: 'movimiento',
        type: 'select',
        label: 'Tipo de movimiento',
        required: true,
        validation: {
          options: [
            'Alta de extensión',
            'Baja de extensión',
            'Cambio de extensión (usuario, ubicación o aparato)',
            'Asignación de clave de marcación',
            'Permiso especial de marcación',
            'Falla de la línea o del aparato',
          ],
        },
      },
      {
        key: 'permisos',
        type: 'multi_select',
        label: 'Permisos de marcación',
        help: 'A qué destinos podrá llamar la extensión.',
        required: false,
        validation: { options: ['Llamadas locales', 'Celulares locales', 'Larga distancia nacional', 'Celulares nacionales', 'Larga distancia internacional'] },
        showWhen: { field: 'movimiento', values: ['Alta de extensión', ...VOICE_AUTHORISED] },
        requiredWhen: { field: 'movimiento', values: VOICE_AUTHORISED },
      },
      // 3.c: the name of who authorises and why, only for dialling codes and special permissions.
      { key: 'autoriza', type: 'text', label: 'Nombre de quien autoriza', required: true, showWhen: { field: 'movimiento', values: VOICE_AUTHORISED } },
      { key: 'justificacion', type: 'long_text', label: 'Justificación', required: true, showWhen: { field: 'movimiento', values: VOICE_AUTHORISED } },
    ],
    // DGST-P01-PR02 3.a–3.e: a written justification, the system or project and its people, the structure per engine.
    BD: [
      {
        key: 'tipo',
        type: 'select',
        label: 'Tipo de solicitud',
        required: true,
        validation: {
          options: ['Creación de base de datos', 'Permisos de acceso a usuarios autorizados', 'Modificación de estructura', 'Respaldo o restauración'],
        },
      },
      { key: 'sistema', type: 'text', label: 'Sistema o proyecto', help: 'El sistema o proyecto en el que está involucrada la base de datos.', required: true },
      { key: 'motor', type: 'select', label: 'Manejador de base de datos', required: true, validation: { options: ['SQL Server', 'INFORMIX'] } },
      { key: 'base_datos', type: 'text', label: 'Nombre de la base de datos (si ya existe)', required: false, validation: { maxLength: 128 } },
      {
        key: 'estructura',
        type: 'text',
        label: 'Servidor de pruebas con la estructura (SQL Server)',
        help: 'En SQL Server indica el servidor de pruebas donde está la base de datos o adjunta al ticket los archivos .mdf y .ldf; en INFORMIX adjunta la estructura en un archivo de texto.',
        required: false,
      },
      {
        key: 'usuarios',
        type: 'long_text',
        label: 'Usuarios autorizados y sus permisos',
        required: true,
        showWhen: { field: 'tipo', values: ['Permisos de acceso a usuarios autorizados'] },
      },
      {
        key: 'involucrados',
        type: 'long_text',
        label: 'Personas involucradas',
        help: 'Nombre de las personas del sistema o proyecto a quienes consultar dudas sobre la estructura.',
        required: true,
      },
      {
        key: 'justificacion',
        type: 'long_text',
        label: 'Justificación',
        help: 'La razón y las necesidades de la solicitud, como en la solicitud por escrito.',
        required: true,
        validation: { minLength: 20 },
      },
    ],
    EVENTOS: [
      { key: 'fecha_evento', type: 'date', label: 'Fecha del evento', required: true },
      { key: 'sede', type: 'text', label: 'Sede', required: true },
      { key: 'asistentes', type: 'number', label: 'Número de asistentes', required: true, validation: { min: 1, max: 5000, integer: true } },
    ],
    // DGST-P01-PR06: critical and sensitive information only, kept for fiscal, financial, labour or legal purposes; manual backups are scheduled, preferably off-hours.
    RESPALDOS: [
      { key: 'dependencia', type: 'text', label: 'Dependencia', required: true },
      { key: 'area', type: 'text', label: 'Área', required: true },
      {
        key: 'informacion',
        type: 'long_text',
        label: 'Información a respaldar',
        help: 'Solo información crítica y sensible para la operación de la dependencia: sistemas, bases de datos o carpetas.',
        required: true,
      },
      { key: 'servidor', type: 'text', label: 'Servidor o sistema donde reside', required: true },
      {
        key: 'uso',
        type: 'multi_select',
        label: 'Para qué se conserva',
        required: true,
        validation: { options: ['Fiscal', 'Financiero', 'Laboral', 'Legal', 'Contingencia operativa'] },
      },
      { key: 'periodicidad', type: 'select', label: 'Periodicidad', required: true, validation: { options: ['Única', 'Semanal', 'Quincenal', 'Mensual'] } },
      {
        key: 'inicio',
        type: 'date',
        label: 'Fecha del primer respaldo',
        help: 'El respaldo manual se programa de preferencia en horas inhábiles.',
        required: true,
      },
    ],
    // DGST-P01-PR07 3.a: the administrative area fills in the user form, attached to the ticket.
    CUENTAS: [
      { key: 'movimiento', type: 'select', label: 'Tipo de movimiento', required: true, validation: { options: ['Alta', 'Baja', 'Cambio'] } },
      { key: 'usuario', type: 'text', label: 'Nombre del usuario', required: true },
      { key: 'dependencia', type: 'text', label: 'Dependencia', required: true },
      { key: 'area', type: 'text', label: 'Área', required: true },
      { key: 'plataforma', type: 'text', label: 'Servidor o plataforma', required: true },
      { key: 'cambios', type: 'long_text', label: 'Cambios solicitados', required: true, showWhen: { field: 'movimiento', values: ['Cambio'] } },
      {
        key: 'requisita',
        type: 'text',
        label: 'Quién requisita el formato en el área administrativa',
        help: 'Adjunta al ticket el formato de alta, baja o cambio de usuario firmado por el área administrativa.',
        required: true,
      },
    ],
    // DGST-P01-PR08 3.a–3.e: name, extension, adscription, application and permissions, validated with the information owner; never admin rights.
    SIGUE: [
      { key: 'nombre', type: 'text', label: 'Nombre del usuario', required: true },
      {
        key: 'extension',
        type: 'text',
        label: 'Extensión telefónica',
        required: true,
        validation: { regex: '^\\d{3,6}$', regexMessage: 'debe tener de 3 a 6 dígitos' },
      },
      { key: 'adscripcion', type: 'text', label: 'Adscripción', help: 'Dependencia y área a la que pertenece el usuario.', required: true },
      { key: 'tipo_usuario', type: 'select', label: 'Tipo de usuario', required: true, validation: { options: ['Consulta', 'Producción'] } },
      { key: 'aplicacion', type: 'text', label: 'Aplicación', help: 'La aplicación del SIGUE a la que tendrá acceso.', required: true },
      {
        key: 'permisos',
        type: 'multi_select',
        label: 'Permisos dentro de la aplicación',
        help: 'No se otorgan derechos únicos ni de administrador.',
        required: true,
        validation: { options: ['Impresión', 'Visualización', 'Visualización de notas', 'Modificación de registro'], min: 1 },
      },
      {
        key: 'dueno',
        type: 'text',
        label: 'Dueño de la información que autoriza',
        help: 'La solicitud espera la aprobación del titular de su área antes de crear el usuario.',
        required: true,
      },
      { key: 'dueno_correo', type: 'email', label: 'Correo del dueño de la información', required: true },
    ],
  };
}

/**
 * Loads the demo organisation tree, one user per role and the resolver teams, once.
 * Idempotent: a database that already has the demo admin is left alone.
 * Also catalog services with the request forms of seeds 003/004 and some tickets in different states.
 */
export async function loadDemoData(databaseUrl: string): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const logins = demoLogins();
  const ds = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'mesa-demo-data' });
  await ds.initialize();
  try {
    const created = await ds.transaction(async (m) => {
      if (await m.getRepository(User).exists({ where: { email: `admin@${DEMO_DOMAIN}` } })) {
        await upgradeDemoForms(m);
        return false;
      }
      await seed(m, logins);
      return true;
    });
    return { created, logins };
  } finally {
    await ds.destroy();
  }
}

/**
 * Demo databases loaded before request forms had conditions (issue 11) get the conditional forms
 * as a new published version: open tickets keep the version they were answered against, so their
 * answers stay valid. Only a published form with no condition and the keys the demo shipped then
 * (RED-DATOS had no request kind) is replaced; a form the catalog manager reworked is theirs.
 */
export async function upgradeDemoForms(m: EntityManager): Promise<string[]> {
  const upgraded: string[] = [];
  for (const [code, form] of Object.entries(demoForms())) {
    if (!form.some((f) => f.showWhen || f.requiredWhen)) continue;
    const s = await m.getRepository(CatalogServiceRecord).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!s || s.status !== 'active' || s.form.some((f) => f.showWhen || f.requiredWhen)) continue;
    const shippedKeys = form.map((f) => f.key).filter((k) => !(code === 'RED-DATOS' && k === 'tipo'));
    if (s.form.map((f) => f.key).join() !== shippedKeys.join()) continue;
    const previous = await m.getRepository(CatalogServiceVersion).findOneBy({ serviceId: s.id, version: s.publishedVersion });
    const version = s.publishedVersion + 1;
    await m.update(CatalogServiceRecord, { id: s.id }, { form, publishedVersion: version });
    await m.insert(CatalogServiceVersion, {
      serviceId: s.id,
      version,
      snapshot: { ...((previous?.snapshot as Record<string, unknown> | undefined) ?? {}), form } as never,
      publishedById: null,
    });
    await m.insert(AuditEntry, {
      actorId: null,
      entity: 'catalog_service',
      entityId: s.id,
      action: 'update',
      field: 'form',
      oldValue: s.form as never,
      newValue: form as never,
      requestId: 'demo-data',
    });
    upgraded.push(code);
  }
  return upgraded;
}

async function seed(m: EntityManager, logins: DemoLogin[]): Promise<void> {
  const audit = (entity: string, entityId: string, snapshot: Record<string, unknown>) =>
    m.insert(AuditEntry, { actorId: null, entity, entityId, action: 'create', field: null, newValue: snapshot as never, requestId: 'demo-data' });
  const org = async (kind: Organisation['kind'], code: string, name: string, parentId: string | null, email: string | null = null) => {
    const o = await m.save(m.create(Organisation, { kind, code, name, parentId, email }));
    await audit('organisation', o.id, { kind, code, name, parentId, email });
    return o;
  };

  const finanzas = await org('dependency', 'SFIA', 'Secretaría de Finanzas, Inversión y Administración', null);
  const dgtit = await org(
    'responsible_unit',
    'SFIA-DGTIT',
    'Dirección General de Tecnologías de la Información y Telecomunicaciones',
    finanzas.id,
    `dgtit@${DEMO_DOMAIN}`,
  );
  const soporte = await org('area', 'SFIA-DGTIT-MS', 'Mesa de Servicio', dgtit.id);
  await org('area', 'SFIA-DGTIT-RED', 'Redes y Telecomunicaciones', dgtit.id);
  const educacion = await org('dependency', 'SEG', 'Secretaría de Educación', null);
  const informatica = await org('responsible_unit', 'SEG-DI', 'Dirección de Informática', educacion.id);
  const escolar = await org('area', 'SEG-DI-CE', 'Control Escolar', informatica.id);
  const salud = await org('dependency', 'ISAPEG', 'Instituto de Salud Pública', null);
  const hospitales = await org('responsible_unit', 'ISAPEG-HG', 'Hospitales Generales', salud.id);

  for (const [organisation, name, building, municipality] of [
    [finanzas, 'Edificio central', 'Paseo de la Presa 172', 'Guanajuato'],
    [educacion, 'Oficinas centrales', 'Conjunto Administrativo Pozuelos', 'Guanajuato'],
    [hospitales, 'Hospital General León', 'Blvd. Milenio 130', 'León'],
  ] as const) {
    const l = await m.save(m.create(Location, { organisationId: organisation.id, name, building, municipality, state: 'Guanajuato', address: null }));
    await audit('location', l.id, { organisationId: organisation.id, name, building, municipality });
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<Role, User>();
  for (const login of logins) {
    const staffOrg = login.role === 'requester' ? escolar.id : soporte.id;
    const u = await m.save(
      m.create(User, {
        email: login.email,
        fullName: DEMO_NAMES[login.role],
        passwordHash,
        roles: [login.role],
        organisationId: staffOrg,
        isVip: false,
        passwordChangedAt: new Date(),
      }),
    );
    users.set(login.role, u);
    await audit('user', u.id, { email: u.email, fullName: u.fullName, roles: u.roles, organisationId: staffOrg });
  }
  const vip = await m.save(
    m.create(User, {
      email: `titular.seg@${DEMO_DOMAIN}`,
      fullName: 'Mtra. Teresa Aguilar (titular, VIP)',
      passwordHash,
      roles: ['requester'],
      organisationId: informatica.id,
      isVip: true,
      passwordChangedAt: new Date(),
    }),
  );
  await audit('user', vip.id, { email: vip.email, fullName: vip.fullName, roles: vip.roles, isVip: true });
  // The titular approves the demo requester's SIGUE requests (approval 'requester_head' walks up from Control Escolar).
  await m.update(Organisation, { id: informatica.id }, { headUserId: vip.id });
  await m.insert(AuditEntry, {
    actorId: null,
    entity: 'organisation',
    entityId: informatica.id,
    action: 'update',
    field: 'headUserId',
    newValue: vip.id as never,
    requestId: 'demo-data',
  });

  const teams: [string, Team['supportLevel'], Role[]][] = [
    ['Mesa de Servicio', '1', ['agent_l1']],
    ['Redes y Telecomunicaciones', '2', ['resolver_l2', 'team_coordinator']],
    ['Bases de Datos y Sistemas', '3', ['resolver_l3']],
    ['Soporte en Campo', 'field', ['field_technician', 'field_chief']],
  ];
  const teamIds: Record<string, string> = {};
  for (const [name, supportLevel, memberRoles] of teams) {
    const coordinator =
      supportLevel === 'field' ? users.get('field_chief') : supportLevel === '1' ? users.get('desk_coordinator') : users.get('team_coordinator');
    const t = await m.save(m.create(Team, { name, supportLevel, coordinatorId: coordinator?.id ?? null, description: null }));
    const memberIds = memberRoles.map((r) => users.get(r)!.id);
    await m.insert(
      TeamMember,
      memberIds.map((userId) => ({ teamId: t.id, userId })),
    );
    await audit('team', t.id, { name, supportLevel, coordinatorId: t.coordinatorId, memberIds });
    teamIds[supportLevel] = t.id;
  }

  // Text modules agents insert with "::" (issue 11 item 7): global ones and one of the desk's team.
  const textModules: [string, string[], string, string | null][] = [
    [
      'Saludo',
      ['hola', 'bienvenida'],
      'Hola {{requester.firstName}}:\n\nGracias por comunicarte con la Mesa de Servicio. Tu ticket es el {{ticket.number}}.',
      null,
    ],
    [
      'Solicitar más información',
      ['datos', 'informacion'],
      'Hola {{requester.firstName}}:\n\nPara atender «{{ticket.title}}» necesitamos más datos. ¿Nos compartes una captura de pantalla del error y tu número de extensión?',
      null,
    ],
    [
      'Cierre con solución',
      ['solucion', 'cierre'],
      'Hola {{requester.firstName}}:\n\nAtendimos tu ticket {{ticket.number}}. Si el problema continúa, responde a este mensaje.\n\nSaludos,\n{{agent.name}}',
      null,
    ],
    [
      'Turnado a segundo nivel',
      ['escalar', 'segundo nivel'],
      'Tu ticket {{ticket.number}} pasó al equipo especialista; te avisaremos de su avance.',
      teamIds['1'],
    ],
  ];
  for (const [name, keywords, body, teamId] of textModules) {
    const tm = await m.save(m.create(TextModule, { name, keywords, body, scope: teamId ? 'team' : 'global', teamId, isActive: true, createdById: null }));
    await audit('text_module', tm.id, { name, keywords, body, scope: tm.scope, teamId, isActive: true });
  }

  // Services named in seed 003 ("tiempos por actividad", DGST-P01 procedures) and seed 004's catalog procedures.
  const services: [string, string, string, CatalogServiceRecord['type'], string][] = [
    [
      'RED-DATOS',
      'Red de datos',
      'Telecomunicaciones',
      'both',
      'Conexión a la red institucional e internet, bloqueo o desbloqueo de sitios, apertura de puertos y configuración de equipos de red.',
    ],
    [
      'RED-VOZ',
      'Red de voz (telefonía)',
      'Telecomunicaciones',
      'both',
      'Altas, bajas y cambios de extensiones, códigos y permisos especiales de marcación. Solo a petición del titular informático o administrativo.',
    ],
    [
      'BD',
      'Bases de datos',
      'Sistemas',
      'service_request',
      'Creación de bases de datos, permisos de acceso, cambios de estructura, respaldos y restauraciones en SQL Server e INFORMIX, con justificación por escrito.',
    ],
    [
      'SOPORTE',
      'Soporte técnico a equipo de cómputo',
      'Soporte',
      'both',
      'Diagnóstico y reparación de equipos de cómputo, impresoras y periféricos, en sitio o a distancia.',
    ],
    [
      'CORREO',
      'Correo electrónico institucional',
      'Colaboración',
      'both',
      'Cuentas de correo, listas de distribución, buzones compartidos y problemas de envío o recepción.',
    ],
    ['SO', 'Sistemas operativos', 'Soporte', 'incident', 'Fallas del sistema operativo, actualizaciones y licenciamiento de equipos institucionales.'],
    [
      'EVENTOS',
      'Soporte a eventos',
      'Soporte',
      'service_request',
      'Equipo de cómputo, proyección, audio y conectividad para eventos. Se solicita con al menos 15 días de anticipación.',
    ],
    [
      'RESPALDOS',
      'Programación de respaldo de información',
      'Sistemas',
      'service_request',
      'Respaldo calendarizado de información crítica y sensible en medios externos al centro de datos; las cintas se resguardan en bóveda al menos seis meses.',
    ],
    [
      'CUENTAS',
      'Cuentas de usuario en infraestructura y servidores',
      'Sistemas',
      'service_request',
      'Alta, baja o cambio de usuarios en la infraestructura y los servidores, con el formato requisitado por el área administrativa.',
    ],
    [
      'SIGUE',
      'Acceso al SIGUE',
      'Sistemas',
      'service_request',
      'Usuarios de consulta o producción del Sistema Integral de Gestión Única de la Información Electrónica. Requiere la autorización del dueño de la información; no se otorgan derechos de administrador.',
    ],
  ];
  const forms = demoForms();
  // Seed 003 DGST-P01-PR08 3.a: no SIGUE user without the information owner's authorisation.
  const approvals: Partial<Record<string, CatalogServiceRecord['approval']>> = { SIGUE: 'requester_head' };
  const serviceIds: Record<string, string> = {};
  for (const [code, name, category, type, description] of services) {
    const form = forms[code] ?? [];
    const leadTimeDays = code === 'EVENTOS' ? 15 : 0;
    const approval = approvals[code] ?? 'none';
    const svc = await m.save(
      m.create(CatalogServiceRecord, {
        code,
        name,
        category,
        type,
        status: 'active',
        portalOrderable: true,
        description,
        subcategory: null,
        teamL1Id: teamIds['1'],
        teamL2Id: teamIds['2'],
        teamL3Id: teamIds['3'],
        teamFieldId: teamIds['field'],
        ownerOrganisationId: dgtit.id,
        form,
        leadTimeDays,
        approval,
        publishedVersion: 1,
      }),
    );
    await m.insert(CatalogServiceVersion, {
      serviceId: svc.id,
      version: 1,
      snapshot: { code, name, category, type, form, leadTimeDays, approval } as never,
      publishedById: null,
    });
    serviceIds[code] = svc.id;
    await audit('catalog_service', svc.id, { code, name, category, type, status: 'active', leadTimeDays, approval });
  }

  // Demo answers go through the same validation as a portal request, so they never drift from the forms.
  const answers = (code: string, values: Record<string, unknown>): Pick<Ticket, 'formData' | 'formVersion'> => {
    const result = validateForm(forms[code], values);
    if (!result.ok) throw new Error(`Demo answers for ${code} do not fit its form: ${JSON.stringify(result.errors)}`);
    return { formData: result.values, formVersion: 1 };
  };
  const requester = users.get('requester')!;
  const agent = users.get('agent_l1')!;
  const year = new Date().getFullYear();
  const ticket = async (
    spec: Partial<Ticket> & Pick<Ticket, 'title' | 'description'>,
    steps: [string, string | null, string | null][],
    articles: [string, 'public' | 'internal', string][] = [],
  ) => {
    const [{ number }] = (await m.query(`SELECT mesa_next_ticket_number($1) AS number`, [year])) as { number: string }[];
    const t = await m.save(
      m.create(Ticket, {
        number,
        type: 'incident',
        channel: 'portal',
        requesterId: requester.id,
        createdById: requester.id,
        organisationId: escolar.id,
        unitId: informatica.id,
        impact: 'medium',
        urgency: 'medium',
        priority: 'medium',
        state: 'new',
        ...spec,
      }),
    );
    // The first state row is the registration, by whoever registered the ticket (as TicketsService writes it).
    await m.insert(
      TicketHistory,
      steps.map(([field, oldValue, newValue]) => {
        const created = field === 'state' && oldValue === null;
        return {
          ticketId: t.id,
          actorId: created ? t.createdById : agent.id,
          action: created ? 'create' : field === 'state' ? 'transition' : 'field',
          field,
          oldValue,
          newValue,
        };
      }),
    );
    for (const [authorRole, kind, body] of articles) await m.insert(Article, { ticketId: t.id, authorId: users.get(authorRole as Role)!.id, kind, body });
  };
  await ticket(
    {
      title: 'No tengo acceso a internet en Control Escolar',
      description: 'Desde esta mañana ningún equipo del área navega. La red interna sí funciona.',
      serviceId: serviceIds['RED-DATOS'],
    },
    [['state', null, 'new']],
  );
  await ticket(
    {
      title: 'Alta de extensión telefónica para nueva jefa de área',
      description: 'Se requiere extensión con salida a celulares para la nueva titular.',
      type: 'service_request',
      serviceId: serviceIds['RED-VOZ'],
      ...answers('RED-VOZ', {
        emite: 'Jefe(a) de informática',
        dependencia: 'Secretaría de Educación',
        area: 'Control Escolar',
        usuario: 'Mariana Ríos Pérez',
        telefono: '473 735 1200',
        movimiento: 'Alta de extensión',
        permisos: ['Llamadas locales', 'Celulares locales'],
      }),
      state: 'in_progress',
      teamId: teamIds['2'],
      assigneeId: users.get('resolver_l2')!.id,
      supportLevel: '2',
      firstResponseAt: new Date(),
    },
    [
      ['state', null, 'new'],
      ['teamId', null, teamIds['2']],
      ['state', 'new', 'in_progress'],
    ],
    [
      ['resolver_l2', 'public', 'Recibimos la solicitud; la extensión queda lista mañana.'],
      ['resolver_l2', 'internal', 'Validar con telefonía el plan de marcación.'],
    ],
  );
  await ticket(
    {
      title: 'La impresora del piso 2 no imprime',
      description: 'Aparece error de papel atascado aunque no hay papel dentro.',
      serviceId: serviceIds['SOPORTE'],
      state: 'resolved',
      assigneeId: agent.id,
      solution: 'Se retiró un fragmento de papel del rodillo trasero y se limpió el sensor.',
      resolvedAt: new Date(),
      firstResponseAt: new Date(),
    },
    [
      ['state', null, 'new'],
      ['state', 'new', 'in_progress'],
      ['state', 'in_progress', 'resolved'],
    ],
    [['agent_l1', 'public', 'Listo: se retiró papel del rodillo trasero. ¿Nos confirmas que ya imprime?']],
  );
  await ticket(
    {
      title: 'Caída del sistema de control escolar',
      description: 'El sistema no responde para ninguna escuela.',
      isMajor: true,
      impact: 'high',
      urgency: 'high',
      priority: 'critical',
      channel: 'phone',
      createdById: agent.id,
    },
    [['state', null, 'new']],
  );
}
