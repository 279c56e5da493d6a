import { Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';
import { messages } from '@/messages/es-MX';

// Also what a requester sees for someone else's ticket: the API answers 404, never 403.
export default function RequestNotFound() {
  return (
    <Stack gap="sm" maw={640} data-testid="not-found">
      <Title order={1}>{messages.requester.notFoundTitle}</Title>
      <Text>{messages.requester.notFoundDescription}</Text>
      <AnchorLink href="/solicitante">{messages.requester.detailBack}</AnchorLink>
    </Stack>
  );
}
