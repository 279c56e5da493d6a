/** Pure rules of outgoing mail: addresses, retry schedule, subjects. */
import { isEmailAddress } from '../../common/email.rules';

// After this many failed attempts a message is marked failed for an operator to look at.
export const MAX_MAIL_ATTEMPTS = 8;

/** A bare address we are willing to send to: the one e-mail check (display names and lists are not accepted here). */
export function isDeliverableAddress(address: string): boolean {
  return isEmailAddress(address);
}

/** Distinct deliverable addresses, lower-cased, in first-seen order. */
export function uniqueAddresses(addresses: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const a of addresses) {
    const normal = a?.trim().toLowerCase();
    if (normal && isDeliverableAddress(normal)) seen.add(normal);
  }
  return [...seen];
}

/**
 * When to try again after `attempts` failures: 1, 2, 4 … minutes, capped at two hours.
 * Null once the message has used its attempts.
 */
export function nextAttemptDelayMs(attempts: number): number | null {
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  return Math.min(2 ** Math.max(0, attempts - 1) * 60_000, 2 * 3_600_000);
}

/** SMTP answers in the 5xx range (other than 552 mailbox full) will not change on a retry. */
export function isPermanentSmtpFailure(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode !== 552;
}

/** A subject is one line: templates may wrap, headers may not. */
export function oneLine(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim();
}
