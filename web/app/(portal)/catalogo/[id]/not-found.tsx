import { Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';
import { messages } from '@/messages/es-MX';

export default function ManagedServiceNotFound() {
  return (
    <Stack gap="sm" maw={640} data-testid="not-found">
      <Title order={1}>{messages.catalog.notFoundTitle}</Title>
      <AnchorLink href="/catalogo">{messages.catalogAdmin.cancel}</AnchorLink>
      <Text size="sm" c="dimmed">
        {messages.catalog.notFoundDescription}
      </Text>
    </Stack>
  );
}
