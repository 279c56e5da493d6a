'use client';

import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';

const KEY = 'mesa.created';

/** Called by a create form just before it opens the new record's page. */
export function announceCreated(text: string): void {
  window.sessionStorage.setItem(KEY, text);
}

/**
 * "Created" on the new record's page, once: the create form leaves the sentence in this tab's
 * session storage and the page takes it out, so a reload or a later save does not repeat it.
 */
export function CreatedNotice() {
  const [text, setText] = useState('');
  useEffect(() => {
    const stored = window.sessionStorage.getItem(KEY);
    if (!stored) return;
    window.sessionStorage.removeItem(KEY);
    // Read once after hydration: session storage does not exist on the server.
    setText(stored);
  }, []);
  if (!text) return null;
  return (
    <Alert color="teal" variant="light" role="status">
      {text}
    </Alert>
  );
}
