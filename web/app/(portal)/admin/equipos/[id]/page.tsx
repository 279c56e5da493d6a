import { Group, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnchorLink } from '@/components/anchor-link';
import { CreatedNotice } from '@/components/created-notice';
import { Forbidden } from '@/components/forbidden';
import { staffOptions } from '@/lib/admin-options';
import { serverApiGet } from '@/lib/api-server';
import { ApiError, type Page, type UserItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';
import { TeamForm, TeamMembers, TeamStatus } from '../team-forms';

const t = messages.admin.teamForm;

export const metadata: Metadata = { title: messages.admin.teams.title };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ id: string }> };

export default async function TeamPage({ params }: Props) {
  const { allowed } = await authorise('teams.manage');
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const team = await serverApiGet(`teams/${id}`).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  // Members (and the coordinator) come with the team filter; the coordinator shows only if a member.
  const [people, staff] = await Promise.all([serverApiGet('users', { teamId: id, page: 1, pageSize: 200 }) as Promise<Page<UserItem>>, staffOptions()]);
  const members = people.items.filter((u) => team.memberIds.includes(u.id)).map((u) => ({ id: u.id, fullName: u.fullName, email: u.email }));
  return (
    <Stack gap="lg" maw={880}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t.editTitle(team.name)}</Title>
        <AnchorLink href="/admin/equipos">{messages.admin.back}</AnchorLink>
      </Group>
      <CreatedNotice />
      <TeamForm team={team} staff={staff} />
      <TeamStatus team={team} />
      <TeamMembers team={team} initial={members} staff={staff} />
    </Stack>
  );
}
