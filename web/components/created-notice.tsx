'use client';

import { Alert } from '@mantine/core';
import { useEffect } from 'react';

/**
 * "Created" after a create form sent the user to the new record's page (`?creado=1`). The flag
 * leaves the address at once, so a reload or a later save does not announce the creation again.
 */
export function CreatedNotice({ text }: { text: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('creado')) return;
    url.searchParams.delete('creado');
    window.history.replaceState(window.history.state, '', url);
  }, []);
  return (
    <Alert color="teal" variant="light" role="status">
      {text}
    </Alert>
  );
}
