import fc from 'fast-check';
import { checkStagedFiles, fileAnswers, type FileAnswer, type StagedRow } from './staged-attachment.rules';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const F1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const F2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const TICKET = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const answer = (key: string, attachmentId: string): FileAnswer => ({ key, label: key.toUpperCase(), attachmentId });
const staged = (id: string, uploadedById: string | null = ME, ticketId: string | null = null): StagedRow => ({ id, uploadedById, ticketId });

describe('fileAnswers', () => {
  it('takes only the answers of file fields, lower-cased, in the form order', () => {
    const fields = [
      { key: 'nombre', type: 'text', label: 'Nombre' },
      { key: 'correo', type: 'file', label: 'Correo de autorización' },
      { key: 'vacio', type: 'file', label: 'Opcional' },
    ];
    expect(fileAnswers(fields, { nombre: F1, correo: F2.toUpperCase() })).toEqual([{ key: 'correo', label: 'Correo de autorización', attachmentId: F2 }]);
    expect(fileAnswers(fields, undefined)).toEqual([]);
  });
});

describe('checkStagedFiles', () => {
  it.each<[string, FileAnswer[], StagedRow[], string[]]>([
    ['accepts my own unbound staged files', [answer('a', F1), answer('b', F2)], [staged(F1), staged(F2)], []],
    ['refuses an id that names no file', [answer('a', F1)], [], ['formData.a']],
    ["refuses someone else's staged file", [answer('a', F1)], [staged(F1, OTHER)], ['formData.a']],
    ['refuses a file already bound to a ticket', [answer('a', F1)], [staged(F1, ME, TICKET)], ['formData.a']],
    ['refuses a row without an uploader', [answer('a', F1)], [staged(F1, null, TICKET)], ['formData.a']],
    ['refuses one file answering two fields, on the second', [answer('a', F1), answer('b', F1)], [staged(F1)], ['formData.b']],
    ['names each bad field', [answer('a', F1), answer('b', F2)], [staged(F1, OTHER), staged(F2, ME, TICKET)], ['formData.a', 'formData.b']],
  ])('%s', (_name, answers, rows, fields) => {
    const errors = checkStagedFiles(answers, rows, ME);
    expect(errors.map((e) => e.field)).toEqual(fields);
    for (const e of errors) expect(e.message).toMatch(/archivo/);
  });

  it('accepts exactly the answers whose rows are mine and unbound, and never a duplicate', () => {
    const ids = [F1, F2, TICKET];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ids), { maxLength: 4 }),
        fc.array(fc.record({ id: fc.constantFrom(...ids), uploadedById: fc.constantFrom(ME, OTHER, null), ticketId: fc.constantFrom(null, TICKET) }), {
          maxLength: 3,
        }),
        (answerIds, rawRows) => {
          const rows = [...new Map(rawRows.map((r) => [r.id, r])).values()];
          const answers = answerIds.map((id, i) => answer(`k${i}`, id));
          const bad = new Set(checkStagedFiles(answers, rows, ME).map((e) => e.field));
          const seen = new Set<string>();
          answers.forEach((a) => {
            const row = rows.find((r) => r.id === a.attachmentId);
            const ok = !seen.has(a.attachmentId) && row !== undefined && row.uploadedById === ME && row.ticketId === null;
            seen.add(a.attachmentId);
            expect(bad.has(`formData.${a.key}`)).toBe(!ok);
          });
        },
      ),
    );
  });
});
