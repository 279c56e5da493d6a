import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { authorise } from '@/lib/authorise';
import { loadServices } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';
import { NewRequestForm } from './new-request-form';

const t = messages.requester;

export const metadata: Metadata = { title: t.newTitle };

export default async function NewRequestPage() {
  const { me, allowed } = await authorise('tickets.request');
  if (!allowed) return <Forbidden />;
  // Requesters get only active, portal-orderable services from the API.
  const services = await loadServices();
  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <Title order={1}>{t.newTitle}</Title>
        <Text c="dimmed">{t.newIntro}</Text>
      </Stack>
      <Paper withBorder p="lg" radius="md">
        <NewRequestForm services={services} deskTimeZone={me.deskTimeZone} />
      </Paper>
    </Stack>
  );
}
