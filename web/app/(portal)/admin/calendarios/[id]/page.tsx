import { Group, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnchorLink } from '@/components/anchor-link';
import { CalendarEditor } from '@/components/calendars/calendar-editor';
import { CreatedNotice } from '@/components/created-notice';
import { Forbidden } from '@/components/forbidden';
import { serverApiGet } from '@/lib/api-server';
import { ApiError } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';

const t = messages.calendars;

export const metadata: Metadata = { title: t.title };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ id: string }> };

export default async function CalendarPage({ params }: Props) {
  const { allowed } = await authorise('calendars.manage');
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const calendar = await serverApiGet(`calendars/${id}`).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t.editTitle(calendar.name)}</Title>
        <AnchorLink href="/admin/calendarios">{t.back}</AnchorLink>
      </Group>
      <CreatedNotice />
      <CalendarEditor initial={calendar} />
    </Stack>
  );
}
