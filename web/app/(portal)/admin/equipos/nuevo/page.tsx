import { Group, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { staffOptions } from '@/lib/admin-options';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';
import { TeamForm } from '../team-forms';

const t = messages.admin.teamForm;

export const metadata: Metadata = { title: t.newTitle };

export default async function NewTeamPage() {
  const { allowed } = await authorise('teams.manage');
  if (!allowed) return <Forbidden />;
  const staff = await staffOptions();
  return (
    <Stack gap="lg" maw={720}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t.newTitle}</Title>
        <AnchorLink href="/admin/equipos">{messages.admin.back}</AnchorLink>
      </Group>
      <TeamForm staff={staff} />
    </Stack>
  );
}
