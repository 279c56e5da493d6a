'use client';

import { Button, Stack, Text, Title } from '@mantine/core';
import { messages } from '@/messages/es-MX';

export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Stack gap="sm" maw={640} role="alert">
      <Title order={1}>{messages.error.title}</Title>
      <Text>{messages.error.description}</Text>
      <Button variant="default" onClick={reset} style={{ alignSelf: 'flex-start' }}>
        {messages.error.retry}
      </Button>
    </Stack>
  );
}
