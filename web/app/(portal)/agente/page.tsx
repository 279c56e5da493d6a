import { Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { EmptyMessage } from '@/components/empty-state';
import { Forbidden } from '@/components/forbidden';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';

export const metadata: Metadata = { title: messages.agent.title };

export default async function AgentHomePage() {
  const { allowed } = await authorise('tickets.work');
  if (!allowed) return <Forbidden />;
  return (
    <Stack gap="lg">
      <Title order={1}>{messages.agent.title}</Title>
      <EmptyMessage title={messages.agent.emptyTitle} description={messages.agent.emptyDescription} />
    </Stack>
  );
}
