/**
 * Text modules (canned responses, as Znuny/Zammad "text modules"): the placeholders a body may
 * use, how a body is checked and filled, and who may see or manage a module. Pure: no Nest, no I/O.
 *
 * Only fields a requester may see go into a placeholder, since the filled text usually ends up in
 * a public reply: the requester's name, the ticket's number, title and service, the agent's name.
 */

export const PLACEHOLDERS = [
  'requester.name',
  'requester.firstName',
  'ticket.number',
  'ticket.title',
  'ticket.service',
  'agent.name',
  'agent.firstName',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

export const TEXT_MODULE_SCOPES = ['global', 'team'] as const;
export type TextModuleScope = (typeof TEXT_MODULE_SCOPES)[number];

export const LIMITS = { name: 80, keyword: 40, keywords: 10, body: 5000 } as const;

/** `{{ name }}` with optional spaces inside the braces; the name is anything up to the closing braces. */
const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholders a body uses, known and unknown, each once and in order of appearance. */
export function placeholdersIn(body: string): { known: Placeholder[]; unknown: string[] } {
  const known = new Set<Placeholder>();
  const unknown = new Set<string>();
  for (const [, name] of body.matchAll(TOKEN)) {
    if (isPlaceholder(name)) known.add(name);
    else unknown.add(name);
  }
  return { known: [...known], unknown: [...unknown] };
}

/**
 * Fills every known placeholder in one pass: a value that itself contains braces (a ticket titled
 * "{{agent.name}}") is inserted as typed, never expanded again. Unknown ones stay as written (a
 * stored body never has them: validation refuses them).
 */
export function renderTextModule(body: string, values: PlaceholderValues): string {
  return body.replace(TOKEN, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

/** The first word of a name ("Lucía" for "Lucía Hernández Pérez"). */
export const firstName = (fullName: string): string => fullName.trim().split(/\s+/)[0] ?? '';

export type TextModuleInput = { name: string; keywords: string[]; body: string; scope: TextModuleScope; teamId: string | null };
export type FieldError = { field: string; message: string };

/** Every problem with a module's fields, each naming its field, in Spanish. */
export function textModuleErrors(m: TextModuleInput): FieldError[] {
  const errors: FieldError[] = [];
  const name = m.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Escribe un nombre.' });
  else if (name.length > LIMITS.name) errors.push({ field: 'name', message: `El nombre admite hasta ${LIMITS.name} caracteres.` });
  if (m.keywords.length > LIMITS.keywords) errors.push({ field: 'keywords', message: `Admite hasta ${LIMITS.keywords} palabras clave.` });
  m.keywords.forEach((k, i) => {
    if (!k.trim()) errors.push({ field: `keywords.${i}`, message: 'La palabra clave está vacía.' });
    else if (k.trim().length > LIMITS.keyword)
      errors.push({ field: `keywords.${i}`, message: `Cada palabra clave admite hasta ${LIMITS.keyword} caracteres.` });
  });
  if (!m.body.trim()) errors.push({ field: 'body', message: 'Escribe el texto del módulo.' });
  else if (m.body.length > LIMITS.body) errors.push({ field: 'body', message: `El texto admite hasta ${LIMITS.body} caracteres.` });
  const { unknown } = placeholdersIn(m.body);
  if (unknown.length)
    errors.push({
      field: 'body',
      message: `${unknown.length === 1 ? 'El marcador' : 'Los marcadores'} ${unknown.map((u) => `{{${u}}}`).join(', ')} no ${unknown.length === 1 ? 'existe' : 'existen'}. Usa: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
    });
  if (m.scope === 'team' && !m.teamId) errors.push({ field: 'teamId', message: 'Elige el equipo del módulo.' });
  if (m.scope === 'global' && m.teamId) errors.push({ field: 'teamId', message: 'Un módulo global no pertenece a un equipo.' });
  return errors;
}

export type ModuleAccessFacts = { scope: TextModuleScope; teamId: string | null; isActive: boolean };
/** Who is looking: whether they work tickets or administer, and the teams they work in or coordinate. */
export type Viewer = { works: boolean; isAdmin: boolean; teamIds: readonly string[]; coordinatedTeamIds: readonly string[] };

/** Whether a module may be managed (created, edited, deactivated, deleted) by the viewer: global by admins, a team's by admins and its coordinator. */
export function canManageTextModule(m: Pick<ModuleAccessFacts, 'scope' | 'teamId'>, v: Viewer): boolean {
  if (v.isAdmin) return true;
  return m.scope === 'team' && m.teamId !== null && v.coordinatedTeamIds.includes(m.teamId);
}

/** Whether the viewer may insert the module into a reply: active, and global or of a team they work in. */
export function canUseTextModule(m: ModuleAccessFacts, v: Viewer): boolean {
  if (!m.isActive || !v.works) return false;
  return m.scope === 'global' || (m.teamId !== null && (v.teamIds.includes(m.teamId) || v.coordinatedTeamIds.includes(m.teamId)));
}

/** Whether the viewer may read the module at all (to use it or to manage it). */
export const canSeeTextModule = (m: ModuleAccessFacts, v: Viewer): boolean => canUseTextModule(m, v) || canManageTextModule(m, v);

/** Lower case without accents, for matching a typed filter against names and keywords. */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether every word of the filter appears in the module's name or keywords (accent- and case-insensitive). */
export function matchesFilter(m: { name: string; keywords: readonly string[] }, filter: string): boolean {
  const hay = fold([m.name, ...m.keywords].join(' '));
  return fold(filter)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}
