import fc from 'fast-check';
import { neutraliseCell, readCsvRecords, restoreCell, writeCsv } from './csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x","clic")', `'=HYPERLINK("http://x","clic")`],
    ['+52 473 735 1500', "'+52 473 735 1500"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'ya citado", "''ya citado"],
    ['Red de datos', 'Red de datos'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('writes %j as %j', (value, written) => {
    expect(neutraliseCell(value)).toBe(written);
    expect(restoreCell(written)).toBe(value);
  });

  it('leaves an apostrophe before anything else as it is when reading', () => {
    expect(restoreCell("'hola")).toBe("'hola");
    expect(restoreCell("'")).toBe("'");
  });

  it('never writes a cell a spreadsheet would run, and reads back exactly what it wrote', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', ' ', '"', ',', '\n') }), (value) => {
        const written = neutraliseCell(value);
        return !['=', '+', '-', '@', '\t', '\r'].includes(written[0]) && restoreCell(written) === value;
      }),
    );
  });

  it('round-trips whole files through the writer and the reader', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 5 }), (rows) => {
        const text = writeCsv([['a', 'b'], ...rows]);
        const back = readCsvRecords(text).map((r) => [r.a, r.b]);
        return JSON.stringify(back) === JSON.stringify(rows);
      }),
    );
  });
});
