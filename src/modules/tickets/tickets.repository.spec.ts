import { numberPatterns } from './tickets.repository';

describe('numberPatterns', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('keeps a year-prefixed number as a prefix', () => {
    expect(numberPatterns('2026-0001', now)).toEqual(['2026-0001%']);
  });
  it('looks a bare sequence up in this and last year, padded and as a prefix', () => {
    expect(numberPatterns('123', now)).toEqual(['2026-000123', '2026-123%', '2025-000123', '2025-123%']);
    expect(numberPatterns('000123', now)).toEqual(['2026-000123', '2026-000123%', '2025-000123', '2025-000123%']);
  });
  it('finds a one- or two-digit number padded to its sequence ("40" is 2026-000040)', () => {
    expect(numberPatterns('40', now)).toEqual(['2026-000040', '2026-40%', '2025-000040', '2025-40%']);
    expect(numberPatterns('7', now)).toContain('2026-000007');
  });
  it('treats four digits as a possible year too', () => {
    expect(numberPatterns('2025', now)).toContain('2025-%');
  });
  it('escapes LIKE wildcards', () => {
    expect(numberPatterns('2026-%', now)).toEqual(['2026-\\%%']);
  });
});
