import { Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';
import { messages } from '@/messages/es-MX';

export function Forbidden() {
  return (
    <Stack gap="sm" maw={640} data-testid="forbidden">
      <Title order={1}>{messages.forbidden.title}</Title>
      <Text>{messages.forbidden.description}</Text>
      <AnchorLink href="/">{messages.forbidden.back}</AnchorLink>
    </Stack>
  );
}
