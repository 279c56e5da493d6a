import type { Metadata } from 'next';
import { AdminList } from '@/components/admin-list';
import { AdminListSearch, listQuery } from '@/components/admin-list-search';
import { ButtonLink } from '@/components/button-link';
import { Forbidden } from '@/components/forbidden';
import type { AdminListPageProps } from '@/lib/admin-lists';
import type { OrganisationItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { activeLabel } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.admin.organisations;

export const metadata: Metadata = { title: t.title };

export default async function OrganisationsPage({ searchParams }: AdminListPageProps) {
  const { allowed } = await authorise('organisations.manage');
  if (!allowed) return <Forbidden />;
  const q = await listQuery(searchParams);
  return (
    <AdminList
      texts={t}
      path="organisations"
      basePath="/admin/organizaciones"
      searchParams={searchParams}
      filters={{ q }}
      before={<AdminListSearch action="/admin/organizaciones" value={q} label={messages.admin.searchOrganisations} />}
      actions={<ButtonLink href="/admin/organizaciones/nueva">{messages.admin.organisationForm.newButton}</ButtonLink>}
      link={(o: OrganisationItem) => ({ href: `/admin/organizaciones/${o.id}`, label: messages.admin.open(o.name) })}
      columns={['name', 'code', 'kind', 'parent', 'active']}
      cells={(o: OrganisationItem, _names, items) => ({
        code: o.code,
        name: o.name,
        kind: messages.organisationKinds[o.kind] ?? o.kind,
        // A parent on another page of the list shows as its id.
        parent: o.parentId ? (items.find((p) => p.id === o.parentId)?.name ?? o.parentId) : messages.common.none,
        active: activeLabel(o.isActive),
      })}
    />
  );
}
