/**
 * Password policy from seed 003 (Aguascalientes, "políticas de contraseñas") as restated in
 * SPEC "Security rules from the seeds": at least 8 characters, one digit, one special character.
 */
export type PasswordRuleId = 'min_length' | 'digit' | 'special' | 'max_length';

export const PASSWORD_MIN_LENGTH = 8;
// argon2 hashes anything, but an unbounded input is a cheap denial-of-service vector.
export const PASSWORD_MAX_LENGTH = 128;

const RULE_MESSAGES: Record<PasswordRuleId, string> = {
  min_length: `debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres`,
  digit: 'debe incluir al menos un dígito',
  special: 'debe incluir al menos un carácter especial (por ejemplo # $ % & * !)',
  max_length: `no debe exceder ${PASSWORD_MAX_LENGTH} caracteres`,
};

export type PasswordViolation = { rule: PasswordRuleId; message: string };

export function checkPasswordPolicy(password: string): PasswordViolation[] {
  const violations: PasswordRuleId[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) violations.push('min_length');
  if (length > PASSWORD_MAX_LENGTH) violations.push('max_length');
  if (!/\p{Nd}/u.test(password)) violations.push('digit');
  // Special = anything that is not a letter, digit or whitespace (ñ and accented letters are letters).
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) violations.push('special');
  return violations.map((rule) => ({ rule, message: RULE_MESSAGES[rule] }));
}
