'use client';

import { useState } from 'react';
import type { DialogProblem } from '@/components/tickets/dialog-error';
import { fieldErrorsFor, isVersionConflict, problemMessage, redirectIfSignedOut } from './api-errors';

/**
 * The state of an action dialog's submit: field errors (the browser's and the API's), the
 * problem for the dialog's alert, and whether the call is under way.
 */
export function useDialogSubmit(fields: readonly string[], onSuccess: () => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<DialogProblem>(null);
  const [busy, setBusy] = useState(false);

  function reset() {
    setErrors({});
    setProblem(null);
  }

  /** Clears the last problem and shows the missing fields; true when nothing is missing. */
  function check(missing: Record<string, string>): boolean {
    setProblem(null);
    setErrors(missing);
    return Object.keys(missing).length === 0;
  }

  /** The API's field errors land under their fields; anything else, or a stale version, in the alert. */
  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    try {
      await call();
      setBusy(false);
      onSuccess();
    } catch (error) {
      setBusy(false);
      if (redirectIfSignedOut(error)) return;
      const fieldErrors = fieldErrorsFor(error, fields);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0 || isVersionConflict(error)) {
        setProblem({ message: problemMessage(error), conflict: isVersionConflict(error) });
      }
    }
  }

  return { errors, problem, busy, reset, check, run };
}
