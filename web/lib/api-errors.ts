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

/**
 * A refused save in an admin form: the field messages the form can place go under their fields,
 * anything else becomes the form's alert; a signed-out user is taken to the login page.
 */
export function showProblem(
  error: unknown,
  form: { setFieldError(field: string, message: string): void },
  fields: readonly string[],
  setError: (message: string) => void,
): void {
  if (redirectIfSignedOut(error)) return;
  const found = fieldErrorsFor(error, fields);
  for (const [field, message] of Object.entries(found)) form.setFieldError(field, message);
  if (Object.keys(found).length === 0) setError(problemMessage(error));
}
