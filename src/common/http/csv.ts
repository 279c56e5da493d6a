import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer (and its reader) for every export. A spreadsheet runs a cell that starts
 * with = + - @, a tab or a carriage return as a formula (CSV injection, OWASP), so such a cell is
 * written with a leading apostrophe, which spreadsheets show as text and do not display.
 *
 * Reading back: a cell that starts with an apostrophe followed by one of those characters or by
 * another apostrophe loses that one apostrophe. A cell that already started with an apostrophe
 * is written with a second one, so write → read gives back exactly what was written, and a file
 * from Mesa imports unchanged. Any other apostrophe stays as it is.
 */
const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];
const ESCAPED_START = [...FORMULA_START, "'"];

export function neutraliseCell(value: string): string {
  return value.length > 0 && ESCAPED_START.includes(value[0]) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.length > 1 && value[0] === "'" && ESCAPED_START.includes(value[1]) ? value.slice(1) : value;
}

/** Rows of cells to CSV text (RFC 4180 quoting), every cell neutralised. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(neutraliseCell)));
}

/** CSV text with a header row to records keyed by column, every cell restored. Throws on malformed CSV. */
export function readCsvRecords(content: string): Record<string, string>[] {
  const records = parse(content, { columns: true, skip_empty_lines: true, trim: false, bom: true }) as Record<string, string>[];
  return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, restoreCell(v)])));
}
