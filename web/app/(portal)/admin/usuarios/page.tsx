import type { Metadata } from 'next';
import { AdminListPage } from '@/components/admin-list-page';
import { Forbidden } from '@/components/forbidden';
import { loadList, pageFromSearchParams } from '@/lib/admin-lists';
import type { OrganisationItem, Page, UserItem } from '@/lib/api-types';
import { serverApiGet } from '@/lib/api-server';
import { authorise } from '@/lib/authorise';
import { activeLabel, yesNo } from '@/lib/format';
import { messages, roleLabel } from '@/messages/es-MX';

const t = messages.admin.users;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function organisationNames(me: { permissions: string[] }): Promise<Map<string, string>> {
  if (!me.permissions.includes('organisations.manage')) return new Map();
  try {
    const list = await serverApiGet<Page<OrganisationItem>>('organisations', { page: 1, pageSize: 200 });
    return new Map(list.items.map((o) => [o.id, o.name]));
  } catch {
    return new Map();
  }
}

export default async function UsersPage({ searchParams }: Props) {
  const { me, allowed } = await authorise('users.manage');
  if (!allowed) return <Forbidden />;
  const [result, organisations] = await Promise.all([
    loadList<UserItem>('users', pageFromSearchParams(await searchParams)),
    organisationNames(me),
  ]);
  if (result.kind === 'forbidden') return <Forbidden />;
  return (
    <AdminListPage
      title={t.title}
      caption={t.caption}
      basePath="/admin/usuarios"
      page={result.page}
      columns={[
        { key: 'fullName', label: t.fullName },
        { key: 'email', label: t.email },
        { key: 'roles', label: t.roles },
        { key: 'organisation', label: t.organisation },
        { key: 'vip', label: t.vip },
        { key: 'active', label: t.active },
      ]}
      rows={result.page.items.map((user) => ({
        id: user.id,
        cells: {
          fullName: user.fullName,
          email: user.email,
          roles: user.roles.map(roleLabel).join(', '),
          organisation: user.organisationId
            ? (organisations.get(user.organisationId) ?? user.organisationId)
            : messages.common.none,
          vip: yesNo(user.isVip),
          active: activeLabel(user.isActive),
        },
      }))}
    />
  );
}
