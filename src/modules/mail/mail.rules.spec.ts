import { isDeliverableAddress, isPermanentSmtpFailure, MAX_MAIL_ATTEMPTS, nextAttemptDelayMs, oneLine, uniqueAddresses } from './mail.rules';

describe('mail rules', () => {
  // The address syntax is the shared isEmailAddress (src/common/email.rules.spec.ts); mail adds only the SMTP length cap.
  it('accepts what the shared e-mail check accepts', () => {
    expect(isDeliverableAddress('ana.lopez@sinaloa.gob.mx')).toBe(true);
    expect(isDeliverableAddress('Ana <ana@example.org>')).toBe(false);
  });

  it('rejects addresses longer than SMTP allows', () => {
    expect(isDeliverableAddress(`${'a'.repeat(250)}@x.mx`)).toBe(false);
  });

  it('deduplicates case-insensitively and drops empty or bad ones', () => {
    expect(uniqueAddresses(['Area@Example.org', null, 'area@example.org ', 'mala', undefined, 'jefe@example.org'])).toEqual([
      'area@example.org',
      'jefe@example.org',
    ]);
  });

  it('backs off 1, 2, 4 … minutes, caps at two hours, and gives up after the last attempt', () => {
    expect(nextAttemptDelayMs(1)).toBe(60_000);
    expect(nextAttemptDelayMs(2)).toBe(120_000);
    expect(nextAttemptDelayMs(3)).toBe(240_000);
    expect(nextAttemptDelayMs(MAX_MAIL_ATTEMPTS - 1)).toBeLessThanOrEqual(2 * 3_600_000);
    expect(nextAttemptDelayMs(MAX_MAIL_ATTEMPTS)).toBeNull();
  });

  it('treats 5xx answers as permanent except a full mailbox; 4xx and network errors are retried', () => {
    expect(isPermanentSmtpFailure(550)).toBe(true);
    expect(isPermanentSmtpFailure(552)).toBe(false);
    expect(isPermanentSmtpFailure(451)).toBe(false);
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
  });

  it('keeps subjects on one line', () => {
    expect(oneLine('  Solicitud 2026-000001\n  aprobada ')).toBe('Solicitud 2026-000001 aprobada');
  });
});
