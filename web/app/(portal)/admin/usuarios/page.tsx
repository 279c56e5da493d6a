import type { Metadata } from 'next';
import { AdminList } from '@/components/admin-list';
import { AdminListSearch, listQuery } from '@/components/admin-list-search';
import { ButtonLink } from '@/components/button-link';
import { Forbidden } from '@/components/forbidden';
import { organisationNames, type AdminListPageProps } from '@/lib/admin-lists';
import type { UserItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { activeLabel, yesNo } from '@/lib/format';
import { messages, roleLabel } from '@/messages/es-MX';

const t = messages.admin.users;

export const metadata: Metadata = { title: t.title };

export default async function UsersPage({ searchParams }: AdminListPageProps) {
  const { me, allowed } = await authorise('users.manage');
  if (!allowed) return <Forbidden />;
  const q = await listQuery(searchParams);
  return (
    <AdminList
      texts={t}
      path="users"
      basePath="/admin/usuarios"
      searchParams={searchParams}
      filters={{ q }}
      before={<AdminListSearch action="/admin/usuarios" value={q} label={messages.admin.searchUsers} />}
      names={organisationNames(me)}
      actions={<ButtonLink href="/admin/usuarios/nuevo">{messages.admin.userForm.newButton}</ButtonLink>}
      link={(user: UserItem) => ({ href: `/admin/usuarios/${user.id}`, label: messages.admin.open(user.fullName) })}
      columns={['fullName', 'email', 'roles', 'organisation', 'vip', 'active']}
      cells={(user: UserItem, organisations) => ({
        fullName: user.fullName,
        email: user.email,
        roles: user.roles.map(roleLabel).join(', '),
        organisation: user.organisationId ? (organisations.get(user.organisationId) ?? user.organisationId) : messages.common.none,
        vip: yesNo(user.isVip),
        active: activeLabel(user.isActive),
      })}
    />
  );
}
