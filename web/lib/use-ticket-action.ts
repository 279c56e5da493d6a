'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { messages } from '@/messages/es-MX';
import { isVersionConflict, problemMessage, redirectIfSignedOut } from './api-errors';

/**
 * An inline ticket action (a button, no form): while it runs, what went wrong, and what was done.
 * After success or a stale version the page refreshes from the server.
 */
export function useTicketAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  /** Records an outcome reached elsewhere (a dialog) and refreshes. */
  function finished(message: string) {
    setDone(message);
    router.refresh();
  }

  async function run(call: () => Promise<unknown>, doneMessage: string) {
    setBusy(true);
    setError('');
    try {
      await call();
      finished(doneMessage);
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setError(isVersionConflict(e) ? messages.workspace.conflict : problemMessage(e));
      if (isVersionConflict(e)) router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, done, run, finished };
}
