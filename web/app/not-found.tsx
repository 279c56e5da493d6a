import { Center, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';
import { MAIN_CONTENT_ID } from '@/lib/layout-ids';
import { messages } from '@/messages/es-MX';

export default function NotFound() {
  return (
    <Center component="main" id={MAIN_CONTENT_ID} tabIndex={-1} mih="100vh" p="md">
      <Stack gap="sm" maw={480}>
        <Title order={1}>{messages.notFound.title}</Title>
        <Text>{messages.notFound.description}</Text>
        <AnchorLink href="/">{messages.notFound.back}</AnchorLink>
      </Stack>
    </Center>
  );
}
