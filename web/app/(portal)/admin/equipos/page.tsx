import type { Metadata } from 'next';
import { AdminListPage } from '@/components/admin-list-page';
import { Forbidden } from '@/components/forbidden';
import { loadList, pageFromSearchParams, userNames } from '@/lib/admin-lists';
import type { TeamItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';

const t = messages.admin.teams;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamsPage({ searchParams }: Props) {
  const { me, allowed } = await authorise('teams.manage');
  if (!allowed) return <Forbidden />;
  const [result, names] = await Promise.all([
    loadList<TeamItem>('teams', pageFromSearchParams(await searchParams)),
    me.permissions.includes('users.manage') ? userNames() : Promise.resolve(new Map<string, string>()),
  ]);
  if (result.kind === 'forbidden') return <Forbidden />;
  return (
    <AdminListPage
      title={t.title}
      caption={t.caption}
      basePath="/admin/equipos"
      page={result.page}
      columns={[
        { key: 'name', label: t.name },
        { key: 'supportLevel', label: t.supportLevel },
        { key: 'coordinator', label: t.coordinator },
        { key: 'members', label: t.members },
      ]}
      rows={result.page.items.map((team) => ({
        id: team.id,
        cells: {
          name: team.name,
          supportLevel: messages.supportLevels[team.supportLevel] ?? team.supportLevel,
          coordinator: team.coordinatorId
            ? (names.get(team.coordinatorId) ?? team.coordinatorId)
            : messages.common.none,
          members: String(team.memberIds.length),
        },
      }))}
    />
  );
}
