import { checkPasswordPolicy } from './password-policy.rules';

const rules = (p: string) => checkPasswordPolicy(p).map((v) => v.rule);

describe('checkPasswordPolicy', () => {
  it.each([
    ['Mesa#2026', []],
    ['a1!aaaaa', []],
    ['contraseña9$', []],
    ['12345678!', []],
    ['a1!', ['min_length']],
    ['abcdefgh!', ['digit']],
    ['abcdefgh1', ['special']],
    ['abcdefgh', ['digit', 'special']],
    ['', ['min_length', 'digit', 'special']],
    ['ñandú123', ['special']],
    ['pass word1', ['special']],
    ['pass word1.', []],
  ])('%j → %j', (password, expected) => {
    expect(rules(password)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(rules('ñ1!ñ1!ñ')).toEqual(['min_length']);
  });

  it('rejects passwords longer than 128 characters', () => {
    expect(rules('a1!' + 'x'.repeat(130))).toEqual(['max_length']);
  });

  it('gives a Spanish message per rule', () => {
    expect(checkPasswordPolicy('abc')[0].message).toMatch(/al menos 8 caracteres/);
  });
});
