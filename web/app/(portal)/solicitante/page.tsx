import { Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { EmptyMessage } from '@/components/empty-state';
import { Forbidden } from '@/components/forbidden';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';

export const metadata: Metadata = { title: messages.requester.title };

export default async function RequesterHomePage() {
  const { allowed } = await authorise('tickets.request');
  if (!allowed) return <Forbidden />;
  return (
    <Stack gap="lg">
      <Title order={1}>{messages.requester.title}</Title>
      <EmptyMessage title={messages.requester.emptyTitle} description={messages.requester.emptyDescription} />
    </Stack>
  );
}
