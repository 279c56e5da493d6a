import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { authorise } from '@/lib/authorise';
import { loadServices } from '@/lib/tickets-server';
import { CHANNELS, FORMAL_CHANNEL_ROLES, FORMAL_CHANNELS } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';
import { RegisterForm } from './register-form';

const t = messages.register;

export const metadata: Metadata = { title: t.title };

export default async function RegisterTicketPage() {
  const { me, allowed } = await authorise('tickets.work');
  if (!allowed) return <Forbidden />;
  const services = (await loadServices()).filter((s) => s.status === 'active');
  // Letter and e-signature tickets are the desk coordinator's and directors' (GIS 2.1 act. 1).
  const formal = me.roles.some((r) => FORMAL_CHANNEL_ROLES.includes(r));
  const channels = CHANNELS.filter((c) => c !== 'portal' && (formal || !FORMAL_CHANNELS.includes(c)));
  return (
    <Stack gap="lg" maw={860}>
      <Stack gap={4}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed">{t.intro}</Text>
      </Stack>
      <Paper withBorder p="lg" radius="md">
        <RegisterForm services={services} channels={channels} deskTimeZone={me.deskTimeZone} />
      </Paper>
    </Stack>
  );
}
