import { ApiError } from './api-types';
import { messages } from '@/messages/es-MX';

/**
 * The sentence to show for a failed call. Domain errors (VALIDATION_FAILED and the rest) carry
 * a Spanish `detail` written for people; schema errors (REQUEST_INVALID) are technical, so the
 * form shows its own words and puts the field messages under the fields.
 */
export function problemMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return messages.common.unexpectedError;
  if (error.status === 0) return messages.common.networkError;
  if (error.status === 401) return messages.common.sessionExpired;
  if (error.code === 'ROUTE_NOT_FOUND') return messages.common.notAvailable;
  if (error.code === 'REQUEST_INVALID') return messages.common.checkFields;
  return error.detail || messages.common.unexpectedError;
}

/** 401 means the session ended: a full load takes the user to the login page. */
export function redirectIfSignedOut(error: unknown): boolean {
  if (error instanceof ApiError && error.status === 401) {
    window.location.assign('/login');
    return true;
  }
  return false;
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'RECORD_VERSION_CONFLICT';
}

/** Field errors the form knows how to place; the rest belong in the form-level alert. */
export function fieldErrorsFor(error: unknown, fields: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) if (fields.includes(e.field) && !out[e.field]) out[e.field] = e.message;
  return out;
}
