/** Roles from the seed procedures (GIS/GPS/GCS/GCL); a user may hold several. */
export const ROLES = [
  'requester',
  'agent_l1',
  'resolver_l2',
  'resolver_l3',
  'team_coordinator',
  'field_technician',
  'field_chief',
  'desk_coordinator',
  'director',
  'problem_manager',
  'change_manager',
  'catalog_manager',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  requester: 'Solicitante',
  agent_l1: 'Agente de mesa de servicio (nivel 1)',
  resolver_l2: 'Resolutor nivel 2',
  resolver_l3: 'Resolutor nivel 3',
  team_coordinator: 'Coordinador de equipo',
  field_technician: 'Técnico de campo',
  field_chief: 'Jefe de soporte en campo',
  desk_coordinator: 'Coordinador de mesa de servicio',
  director: 'Director',
  problem_manager: 'Gestor de problemas',
  change_manager: 'Gestor de cambios',
  catalog_manager: 'Gestor del catálogo',
  admin: 'Administrador',
};

export const SUPPORT_LEVELS = ['1', '2', '3', 'field'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];
