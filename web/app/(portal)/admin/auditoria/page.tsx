import type { Metadata } from 'next';
import { AdminList } from '@/components/admin-list';
import { Forbidden } from '@/components/forbidden';
import { userNames, type AdminListPageProps } from '@/lib/admin-lists';
import type { AuditItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { formatDateTime, formatValue } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.admin.audit;

export const metadata: Metadata = { title: t.title };

export default async function AuditPage({ searchParams }: AdminListPageProps) {
  const { me, allowed } = await authorise('audit.read');
  if (!allowed) return <Forbidden />;
  return (
    <AdminList
      texts={t}
      path="audit"
      basePath="/admin/auditoria"
      searchParams={searchParams}
      names={userNames(me)}
      columns={['at', 'actor', 'entity', 'entityId', 'action', 'field', 'oldValue', 'newValue']}
      cells={(entry: AuditItem, names) => ({
        at: formatDateTime(entry.at),
        actor: entry.actorId ? (names.get(entry.actorId) ?? entry.actorId) : messages.common.system,
        entity: entry.entity,
        entityId: entry.entityId,
        action: entry.action,
        field: entry.field ?? messages.common.none,
        oldValue: formatValue(entry.oldValue),
        newValue: formatValue(entry.newValue),
      })}
    />
  );
}
