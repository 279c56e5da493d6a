import { checkAttachment, safeFileName } from './attachment.rules';

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
});
