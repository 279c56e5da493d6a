import { SHEET_FIELDS, type SheetField } from '../../src/modules/catalog/catalog-fields';
import type { VersionSnapshot } from './catalog';

/** The sheet fields a version freezes (the API's list); `status` is always "active" there. */
export const VERSIONED_FIELDS = SHEET_FIELDS.filter((f): f is Exclude<SheetField, 'status'> => f !== 'status') satisfies readonly (keyof VersionSnapshot)[];

// jsonb may store object keys in another order than they were sent; arrays keep theirs.
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields that differ from the previous version; null for the first version. */
export function changedFields(previous: VersionSnapshot | undefined, current: VersionSnapshot): (typeof VERSIONED_FIELDS)[number][] | null {
  if (!previous) return null;
  return VERSIONED_FIELDS.filter((field) => stable(previous[field]) !== stable(current[field]));
}
