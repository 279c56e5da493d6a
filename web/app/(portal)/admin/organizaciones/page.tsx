import type { Metadata } from 'next';
import { AdminListPage } from '@/components/admin-list-page';
import { Forbidden } from '@/components/forbidden';
import { loadList, pageFromSearchParams } from '@/lib/admin-lists';
import type { OrganisationItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { activeLabel } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.admin.organisations;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationsPage({ searchParams }: Props) {
  const { allowed } = await authorise('organisations.manage');
  if (!allowed) return <Forbidden />;
  const result = await loadList<OrganisationItem>('organisations', pageFromSearchParams(await searchParams));
  if (result.kind === 'forbidden') return <Forbidden />;
  const names = new Map(result.page.items.map((o) => [o.id, o.name]));
  return (
    <AdminListPage
      title={t.title}
      caption={t.caption}
      basePath="/admin/organizaciones"
      page={result.page}
      columns={[
        { key: 'code', label: t.code },
        { key: 'name', label: t.name },
        { key: 'kind', label: t.kind },
        { key: 'parent', label: t.parent },
        { key: 'active', label: t.active },
      ]}
      rows={result.page.items.map((o) => ({
        id: o.id,
        cells: {
          code: o.code,
          name: o.name,
          kind: messages.organisationKinds[o.kind] ?? o.kind,
          parent: o.parentId ? (names.get(o.parentId) ?? o.parentId) : messages.common.none,
          active: activeLabel(o.isActive),
        },
      }))}
    />
  );
}
