/**
 * Catalog import/export format. Files carry portable references (organisation codes, team names)
 * rather than ids, so a catalog moves between installations. CSV holds one service per row, with
 * the SLA targets and the form as JSON cells.
 */
export const CSV_COLUMNS = [
  'code',
  'name',
  'description',
  'category',
  'subcategory',
  'type',
  'status',
  'portalOrderable',
  'leadTimeDays',
  'approval',
  'calendarCode',
  'ownerOrganisation',
  'teamL1',
  'teamL2',
  'teamL3',
  'teamField',
  'restricted',
  'allowedOrganisations',
  'slaTargets',
  'form',
] as const;

export type PortableService = {
  code: string;
  name: string;
  description: string | null;
  category: string;
  subcategory: string | null;
  type: string;
  status: string;
  portalOrderable: boolean;
  leadTimeDays: number;
  approval: string;
  calendarCode: string;
  ownerOrganisation: string | null;
  teamL1: string | null;
  teamL2: string | null;
  teamL3: string | null;
  teamField: string | null;
  restricted: boolean;
  allowedOrganisations: string[];
  slaTargets: Record<string, unknown>;
  form: unknown[];
};

export type RowResult = { ok: true; value: PortableService } | { ok: false; errors: { field: string; message: string }[] };

const empty = (v: string | undefined) => v === undefined || v.trim() === '';

export function toCsvRow(s: PortableService): string[] {
  return CSV_COLUMNS.map((c) => {
    const v = s[c];
    if (c === 'allowedOrganisations') return (v as string[]).join('|');
    if (c === 'slaTargets' || c === 'form') return JSON.stringify(v);
    return v === null ? '' : String(v);
  });
}

/** Parses one CSV record (already split into named cells); every bad cell is reported. */
export function fromCsvRow(row: Record<string, string | undefined>): RowResult {
  const errors: { field: string; message: string }[] = [];
  const bool = (c: string, fallback: boolean) => {
    const v = row[c]?.trim().toLowerCase();
    if (empty(v)) return fallback;
    if (['true', 'sí', 'si', '1', 'yes'].includes(v!)) return true;
    if (['false', 'no', '0'].includes(v!)) return false;
    errors.push({ field: c, message: 'debe ser true o false' });
    return fallback;
  };
  const json = <T>(c: string, fallback: T, check: (x: unknown) => boolean): T => {
    if (empty(row[c])) return fallback;
    try {
      const parsed = JSON.parse(row[c]!) as unknown;
      if (check(parsed)) return parsed as T;
    } catch {
      /* reported below */
    }
    errors.push({ field: c, message: 'JSON inválido' });
    return fallback;
  };
  const lead = empty(row.leadTimeDays) ? 0 : Number(row.leadTimeDays);
  if (!Number.isInteger(lead) || lead < 0) errors.push({ field: 'leadTimeDays', message: 'debe ser un entero ≥ 0' });
  const unknown = Object.keys(row).filter((k) => !(CSV_COLUMNS as readonly string[]).includes(k));
  for (const k of unknown) errors.push({ field: k, message: 'columna desconocida' });
  const text = (c: string) => (empty(row[c]) ? null : row[c]!.trim());
  const value: PortableService = {
    code: row.code?.trim() ?? '',
    name: row.name?.trim() ?? '',
    description: text('description'),
    category: row.category?.trim() ?? '',
    subcategory: text('subcategory'),
    type: row.type?.trim() ?? '',
    status: text('status') ?? 'draft',
    portalOrderable: bool('portalOrderable', true),
    leadTimeDays: Number.isInteger(lead) ? lead : 0,
    approval: text('approval') ?? 'none',
    calendarCode: text('calendarCode') ?? 'mx',
    ownerOrganisation: text('ownerOrganisation'),
    teamL1: text('teamL1'),
    teamL2: text('teamL2'),
    teamL3: text('teamL3'),
    teamField: text('teamField'),
    restricted: bool('restricted', false),
    allowedOrganisations: empty(row.allowedOrganisations)
      ? []
      : row
          .allowedOrganisations!.split('|')
          .map((x) => x.trim())
          .filter(Boolean),
    slaTargets: json('slaTargets', {}, (x) => typeof x === 'object' && x !== null && !Array.isArray(x)),
    form: json('form', [], Array.isArray),
  };
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
