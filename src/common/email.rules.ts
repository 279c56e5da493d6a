// zod's own pattern, the one behind z.email() in the DTOs, taken from zod's core so the portal
// (which shares the request-form rules) does not bundle the whole schema library.
import { regexes } from 'zod/v4/core';

/** Longest address SMTP carries (RFC 5321 path limit). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * Mesa's one e-mail check: the same verdict as the DTOs' `z.email()` (a user's address, an
 * organisation's contact), for request-form answers and for recipients of outgoing mail. A
 * bare address only: no display name, no list, a dotted domain.
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && regexes.email.test(value);
}
