import { Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';
import { messages } from '@/messages/es-MX';

export default function TicketNotFound() {
  return (
    <Stack gap="sm" maw={640} data-testid="not-found">
      <Title order={1}>{messages.workspace.notFoundTitle}</Title>
      <Text>{messages.workspace.notFoundDescription}</Text>
      <AnchorLink href="/agente">{messages.workspace.back}</AnchorLink>
    </Stack>
  );
}
