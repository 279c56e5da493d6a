'use client';

import { Alert } from '@mantine/core';

/** Announces a finished action to screen readers and shows it (a polite live region). */
export function ActionStatus({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <Alert color="teal" variant="light">
          {message}
        </Alert>
      )}
    </div>
  );
}
