import type { Metadata } from 'next';
import { AdminListPage } from '@/components/admin-list-page';
import { Forbidden } from '@/components/forbidden';
import { loadList, pageFromSearchParams, userNames } from '@/lib/admin-lists';
import type { AuditItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { formatDateTime, formatValue } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.admin.audit;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const { me, allowed } = await authorise('audit.read');
  if (!allowed) return <Forbidden />;
  const [result, names] = await Promise.all([
    loadList<AuditItem>('audit', pageFromSearchParams(await searchParams)),
    me.permissions.includes('users.manage') ? userNames() : Promise.resolve(new Map<string, string>()),
  ]);
  if (result.kind === 'forbidden') return <Forbidden />;
  return (
    <AdminListPage
      title={t.title}
      caption={t.caption}
      basePath="/admin/auditoria"
      page={result.page}
      columns={[
        { key: 'at', label: t.at },
        { key: 'actor', label: t.actor },
        { key: 'entity', label: t.entity },
        { key: 'entityId', label: t.entityId },
        { key: 'action', label: t.action },
        { key: 'field', label: t.field },
        { key: 'oldValue', label: t.oldValue },
        { key: 'newValue', label: t.newValue },
      ]}
      rows={result.page.items.map((entry) => ({
        id: entry.id,
        cells: {
          at: formatDateTime(entry.at),
          actor: entry.actorId ? (names.get(entry.actorId) ?? entry.actorId) : messages.common.system,
          entity: entry.entity,
          entityId: entry.entityId,
          action: entry.action,
          field: entry.field ?? messages.common.none,
          oldValue: formatValue(entry.oldValue),
          newValue: formatValue(entry.newValue),
        },
      }))}
    />
  );
}
