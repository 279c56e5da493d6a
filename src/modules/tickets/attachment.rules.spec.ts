import { ALLOWED_ATTACHMENT_TYPES, checkAttachment, checkSniffedType, previewTypeOf, safeFileName } from './attachment.rules';

describe('checkAttachment', () => {
  it.each([
    ['oficio.pdf', 'application/pdf', true],
    ['captura.PNG', 'image/png', true],
    ['datos.csv', 'text/csv', true],
    ['reporte.xlsx', 'application/octet-stream', true],
    ['virus.exe', 'application/x-msdownload', false],
    ['script.sh', 'text/plain', false],
    ['sin-extension', 'application/pdf', false],
    ['falso.pdf', 'application/x-msdownload', false],
    ['imagen.jpg', 'image/png', false],
  ])('%s as %s → %s', (name, type, ok) => {
    expect(checkAttachment(name, type).ok).toBe(ok);
  });
});

describe('safeFileName', () => {
  it('drops paths and control or quote characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\ana\\oficio "final".pdf')).toBe('oficio _final_.pdf');
    expect(safeFileName('')).toBe('archivo');
  });

  it.each([
    ['a right-to-left override', 'factura\u202Efdp.exe', 'facturafdp.exe'],
    ['bidi isolates and marks', '\u2066oficio\u2069\u200F.pdf', 'oficio.pdf'],
    ['C0 and C1 controls', 'a\u0000b\u0007c\u009B.txt', 'abc.txt'],
    ['zero-width characters and a BOM', '\uFEFFin\u200Bforme.pdf', 'informe.pdf'],
    ['line separators', 'uno\u2028dos.txt', 'unodos.txt'],
    ['a lone surrogate', 'x\uD800y.txt', 'xy.txt'],
  ])('strips %s', (_what, name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it('keeps accents and ñ', () => {
    expect(safeFileName('Año de anteproyecto.pdf')).toBe('Año de anteproyecto.pdf');
  });
});

describe('checkSniffedType', () => {
  it.each([
    ['pdf', { ext: 'pdf' }, true],
    ['jpeg', { ext: 'jpg' }, true],
    ['docx', { ext: 'docx' }, true],
    ['txt', undefined, true],
    ['csv', undefined, true],
    ['xml', { ext: 'xml' }, true],
    ['pdf', { ext: 'exe' }, false],
    ['pdf', undefined, false],
    ['docx', { ext: 'zip' }, false],
    ['png', { ext: 'jpg' }, false],
    ['txt', { ext: 'exe' }, false],
    ['csv', { ext: 'zip' }, false],
  ] as const)('.%s sniffed as %j → %s', (extension, sniffed, ok) => {
    expect(checkSniffedType(extension, sniffed).ok).toBe(ok);
  });

  it('has a verdict for every allowed extension', () => {
    for (const extension of Object.keys(ALLOWED_ATTACHMENT_TYPES)) {
      const verdict = checkSniffedType(extension, undefined);
      expect(verdict.ok ? 'text' : verdict.reason).not.toMatch(/no permitido/);
    }
  });
});

describe('previewTypeOf', () => {
  it.each([
    ['captura.png', 'image/png'],
    ['FOTO.JPG', 'image/jpeg'],
    ['foto.jpeg', 'image/jpeg'],
    ['animacion.gif', 'image/gif'],
    ['oficio.pdf', 'application/pdf'],
    ['pagina.html', null],
    ['logo.svg', null],
    ['datos.xml', null],
    ['notas.txt', null],
    ['reporte.xlsx', null],
    ['sin-extension', null],
    ['truco.pdf.html', null],
  ])('%s → %s', (name, type) => {
    expect(previewTypeOf(name)).toBe(type);
  });

  it('previews nothing that is not an allowed attachment type', () => {
    for (const ext of Object.keys(ALLOWED_ATTACHMENT_TYPES)) {
      const type = previewTypeOf(`a.${ext}`);
      if (type) expect(ALLOWED_ATTACHMENT_TYPES[ext]).toContain(type);
    }
  });
});
