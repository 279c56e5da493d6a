import { ticketYear, TICKET_NUMBER_PATTERN } from './ticket-number.rules';

describe('ticketYear', () => {
  it('uses the desk’s local year, not UTC, around New Year', () => {
    // 05:30 UTC on 1 January is still 31 December in Mexico City (UTC−6).
    const instant = new Date('2027-01-01T05:30:00Z');
    expect(ticketYear(instant, 'America/Mexico_City')).toBe(2026);
    expect(ticketYear(instant, 'UTC')).toBe(2027);
    expect(ticketYear(new Date('2027-01-01T06:00:00Z'), 'America/Mexico_City')).toBe(2027);
  });

  it('handles Lima (UTC−5)', () => {
    expect(ticketYear(new Date('2027-01-01T04:59:59Z'), 'America/Lima')).toBe(2026);
  });

  it('recognises the number format', () => {
    expect(TICKET_NUMBER_PATTERN.test('2026-000123')).toBe(true);
    expect(TICKET_NUMBER_PATTERN.test('2026-1234567')).toBe(true);
    expect(TICKET_NUMBER_PATTERN.test('26-000123')).toBe(false);
  });
});
