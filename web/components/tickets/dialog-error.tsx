'use client';

import { Alert, Button, Stack, Text } from '@mantine/core';
import { messages } from '@/messages/es-MX';

export type DialogProblem = { message: string; conflict: boolean } | null;

/** The error of an action dialog; a version conflict offers to reload the ticket. */
export function DialogError({ problem, onReload }: { problem: DialogProblem; onReload: () => void }) {
  if (!problem) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap="xs">
        <Text size="sm">{problem.conflict ? messages.workspace.conflict : problem.message}</Text>
        {problem.conflict && (
          <Button size="xs" variant="default" onClick={onReload} style={{ alignSelf: 'flex-start' }}>
            {messages.workspace.reload}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
