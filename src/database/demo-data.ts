import type { EntityManager } from 'typeorm';
import { ROLES, type Role } from '../common/auth/roles';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Team, TeamMember } from '../modules/identity/entities/team.entity';
import { User } from '../modules/identity/entities/user.entity';
import { Location } from '../modules/organisations/entities/location.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';
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

export const demoLogins = (): DemoLogin[] =>
  ROLES.map((role) => ({ role, email: `${role.replace(/_/g, '.')}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }));

/**
 * Loads the demo organisation tree, one user per role and the resolver teams, once.
 * Idempotent: a database that already has the demo admin is left alone.
 * (Catalog services and tickets join the demo data when those modules land.)
 */
export async function loadDemoData(databaseUrl: string): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const logins = demoLogins();
  const ds = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'mesa-demo-data' });
  await ds.initialize();
  try {
    const created = await ds.transaction(async (m) => {
      if (await m.getRepository(User).exists({ where: { email: `admin@${DEMO_DOMAIN}` } })) return false;
      await seed(m, logins);
      return true;
    });
    return { created, logins };
  } finally {
    await ds.destroy();
  }
}

async function seed(m: EntityManager, logins: DemoLogin[]): Promise<void> {
  const audit = (entity: string, entityId: string, snapshot: Record<string, unknown>) =>
    m.insert(AuditEntry, { actorId: null, entity, entityId, action: 'create', field: null, newValue: snapshot as never, requestId: 'demo-data' });
  const org = async (kind: Organisation['kind'], code: string, name: string, parentId: string | null) => {
    const o = await m.save(m.create(Organisation, { kind, code, name, parentId }));
    await audit('organisation', o.id, { kind, code, name, parentId });
    return o;
  };

  const finanzas = await org('dependency', 'SFIA', 'Secretaría de Finanzas, Inversión y Administración', null);
  const dgtit = await org('responsible_unit', 'SFIA-DGTIT', 'Dirección General de Tecnologías de la Información y Telecomunicaciones', finanzas.id);
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
      m.create(User, { email: login.email, fullName: DEMO_NAMES[login.role], passwordHash, roles: [login.role], organisationId: staffOrg, isVip: false, passwordChangedAt: new Date() }),
    );
    users.set(login.role, u);
    await audit('user', u.id, { email: u.email, fullName: u.fullName, roles: u.roles, organisationId: staffOrg });
  }
  const vip = await m.save(
    m.create(User, { email: `titular.seg@${DEMO_DOMAIN}`, fullName: 'Mtra. Teresa Aguilar (titular, VIP)', passwordHash, roles: ['requester'], organisationId: informatica.id, isVip: true, passwordChangedAt: new Date() }),
  );
  await audit('user', vip.id, { email: vip.email, fullName: vip.fullName, roles: vip.roles, isVip: true });

  const teams: [string, Team['supportLevel'], Role[]][] = [
    ['Mesa de Servicio', '1', ['agent_l1']],
    ['Redes y Telecomunicaciones', '2', ['resolver_l2', 'team_coordinator']],
    ['Bases de Datos y Sistemas', '3', ['resolver_l3']],
    ['Soporte en Campo', 'field', ['field_technician', 'field_chief']],
  ];
  for (const [name, supportLevel, memberRoles] of teams) {
    const coordinator = supportLevel === 'field' ? users.get('field_chief') : supportLevel === '1' ? users.get('desk_coordinator') : users.get('team_coordinator');
    const t = await m.save(m.create(Team, { name, supportLevel, coordinatorId: coordinator?.id ?? null, description: null }));
    const memberIds = memberRoles.map((r) => users.get(r)!.id);
    await m.insert(TeamMember, memberIds.map((userId) => ({ teamId: t.id, userId })));
    await audit('team', t.id, { name, supportLevel, coordinatorId: t.coordinatorId, memberIds });
  }
}
