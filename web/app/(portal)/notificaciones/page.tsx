import { Group, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { serverApiGet } from '@/lib/api-server';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';
import { NotificationList } from './notification-list';

const t = messages.notifications.page;

export const metadata: Metadata = { title: t.title };

export default async function NotificationsPage() {
  const { allowed } = await authorise('notifications.self');
  if (!allowed) return <Forbidden />;
  const initial = await serverApiGet('notifications');
  return (
    <Stack gap="lg" maw={860}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t.title}</Title>
          <Text c="gray.7">{t.intro}</Text>
        </Stack>
        <AnchorLink href="/perfil#perfil-avisos">{t.preferencesLink}</AnchorLink>
      </Group>
      <NotificationList initial={initial} />
    </Stack>
  );
}
