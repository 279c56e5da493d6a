import { Alert } from '@mantine/core';

/** A form's error sentence, announced when it appears; nothing while there is none. */
export function FormAlert({ message, title }: { message: string; title?: string }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {message}
    </Alert>
  );
}
