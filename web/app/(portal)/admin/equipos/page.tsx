import type { Metadata } from 'next';
import { AdminList } from '@/components/admin-list';
import { AdminListSearch, listQuery } from '@/components/admin-list-search';
import { ButtonLink } from '@/components/button-link';
import { Forbidden } from '@/components/forbidden';
import { userNames, type AdminListPageProps } from '@/lib/admin-lists';
import type { TeamItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { activeLabel } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.admin.teams;

export const metadata: Metadata = { title: t.title };

export default async function TeamsPage({ searchParams }: AdminListPageProps) {
  const { me, allowed } = await authorise('teams.manage');
  if (!allowed) return <Forbidden />;
  const q = await listQuery(searchParams);
  return (
    <AdminList
      texts={t}
      path="teams"
      basePath="/admin/equipos"
      searchParams={searchParams}
      filters={{ q }}
      before={<AdminListSearch action="/admin/equipos" value={q} label={messages.admin.searchTeams} />}
      names={userNames(me)}
      actions={<ButtonLink href="/admin/equipos/nuevo">{messages.admin.teamForm.newButton}</ButtonLink>}
      link={(team: TeamItem) => ({ href: `/admin/equipos/${team.id}`, label: messages.admin.open(team.name) })}
      columns={['name', 'supportLevel', 'coordinator', 'members', 'active']}
      cells={(team: TeamItem, names) => ({
        name: team.name,
        supportLevel: messages.supportLevels[team.supportLevel] ?? team.supportLevel,
        coordinator: team.coordinatorId ? (names.get(team.coordinatorId) ?? team.coordinatorId) : messages.common.none,
        members: String(team.memberIds.length),
        active: activeLabel(team.isActive),
      })}
    />
  );
}
