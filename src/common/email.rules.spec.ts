import { z } from 'zod';
import fc from 'fast-check';
import { isEmailAddress } from './email.rules';

describe('isEmailAddress', () => {
  it.each([
    ['ana.lopez@sinaloa.gob.mx', true],
    ['soporte+mesa@example.org', true],
    ['sin-arroba.example.org', false],
    ['dos@@example.org', false],
    ['Ana <ana@example.org>', false],
    ['ana@localhost', false],
    ['a@b.c, d@e.f', false],
    ['a b@example.org', false],
    ['', false],
  ])('%s → %s', (address, ok) => {
    expect(isEmailAddress(address)).toBe(ok);
  });

  it('gives the same verdict as the DTOs’ z.email() on any string', () => {
    const dto = z.email().max(254);
    const strings = fc.oneof(
      fc.emailAddress(),
      fc.string(),
      fc.string().map((s) => `${s}@example.org`),
    );
    fc.assert(fc.property(strings, (s) => isEmailAddress(s) === dto.safeParse(s).success));
  });
});
