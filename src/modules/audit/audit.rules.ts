export type FieldChange = { field: string; oldValue: unknown; newValue: unknown };

const normalise = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/** The fields that differ between two snapshots of a record, in the order given. */
export function diffFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, oldValue: normalise(before[f]), newValue: normalise(after[f]) }));
}

/** A plain JSON snapshot of the given fields (for create/delete rows). */
export function snapshot<T extends object>(record: T, fields: readonly (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, normalise(record[f])]));
}
