import { Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';
import { messages } from '@/messages/es-MX';

// Also what a requester sees for a service closed to their organisation: the API answers 404.
export default function ServiceNotFound() {
  return (
    <Stack gap="sm" maw={640} data-testid="not-found">
      <Title order={1}>{messages.catalog.notFoundTitle}</Title>
      <Text>{messages.catalog.notFoundDescription}</Text>
      <AnchorLink href="/solicitante/catalogo">{messages.catalog.back}</AnchorLink>
    </Stack>
  );
}
