import { formatDate, formatDateTime, getDisplayTimeZone, setDisplayTimeZone } from '../../web/lib/format';

describe('dates in the desk time zone', () => {
  afterEach(() => setDisplayTimeZone('America/Mexico_City'));

  it('shows day/month/year and 24-hour time in the configured zone', () => {
    setDisplayTimeZone('America/Mexico_City');
    expect(formatDateTime('2026-11-29T07:37:00Z')).toBe('29/11/2026 01:37');
    expect(formatDateTime('2026-11-29T19:05:59Z')).toBe('29/11/2026 13:05');
    setDisplayTimeZone('America/Lima');
    expect(formatDateTime('2026-11-29T07:37:00Z')).toBe('29/11/2026 02:37');
    expect(formatDate('2026-11-29T04:59:00Z')).toBe('28/11/2026');
  });

  it('midnight reads 00:00, not 24:00', () => {
    setDisplayTimeZone('UTC');
    expect(formatDateTime('2026-01-05T00:00:00Z')).toBe('05/01/2026 00:00');
  });

  it('keeps the previous zone when given one it does not know, and returns non-dates as given', () => {
    setDisplayTimeZone('America/Lima');
    setDisplayTimeZone('Mars/Olympus_Mons');
    expect(getDisplayTimeZone()).toBe('America/Lima');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
