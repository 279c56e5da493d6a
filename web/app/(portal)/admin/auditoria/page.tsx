import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import type { Metadata } from 'next';
import { AdminList } from '@/components/admin-list';
import { AnchorLink } from '@/components/anchor-link';
import { FormAlert } from '@/components/form-alert';
import { Forbidden } from '@/components/forbidden';
import { organisationNames, teamNames, userNames, type AdminListPageProps } from '@/lib/admin-lists';
import type { AuditItem } from '@/lib/api-types';
import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditSubject, auditValueLabel } from '@/lib/audit-format';
import { authorise } from '@/lib/authorise';
import { formatDateTime } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.admin.audit;
const f = messages.admin.auditFilters;

export const metadata: Metadata = { title: t.title };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** A day of the desk's calendar (yyyy-mm-dd) → the instant it starts; `plusDays` 1 gives the end of an inclusive "to". */
function dayStart(day: string, zone: string, plusDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined;
  const start = DateTime.fromISO(day, { zone });
  return start.isValid ? (start.plus({ days: plusDays }).toUTC().toISO() ?? undefined) : undefined;
}

export default async function AuditPage({ searchParams }: AdminListPageProps) {
  const { me, allowed } = await authorise('audit.read');
  if (!allowed) return <Forbidden />;
  const params = await searchParams;
  const actor = first(params.actor);
  const entity = first(params.entity);
  const action = first(params.action);
  const fromDay = first(params.from);
  const toDay = first(params.to);
  const badRange = DAY.test(fromDay) && DAY.test(toDay) && toDay < fromDay;
  const [users, organisations, teams] = await Promise.all([userNames(me), organisationNames(me), teamNames(me)]);
  const names = { users, organisations, teams };
  const filters = {
    actorId: UUID.test(actor) ? actor : undefined,
    entity: entity in messages.admin.auditEntities ? entity : undefined,
    action: action in messages.admin.auditActions ? action : undefined,
    from: badRange ? undefined : dayStart(fromDay, me.deskTimeZone),
    to: badRange ? undefined : dayStart(toDay, me.deskTimeZone, 1),
  };
  // The pager keeps the filters as the form wrote them (days, not instants).
  const kept = { actor: filters.actorId, entity: filters.entity, action: filters.action, from: filters.from && fromDay, to: filters.to && toDay };
  const actorOptions = [...users].map(([value, label]) => ({ value, label })).sort((x, y) => x.label.localeCompare(y.label, 'es'));
  const entityOptions = Object.entries(messages.admin.auditEntities).map(([value, label]) => ({ value, label }));
  const actionOptions = Object.entries(messages.admin.auditActions).map(([value, label]) => ({ value, label }));

  const filterForm = (
    <Paper withBorder p="md" radius="md" component="form" method="get" action="/admin/auditoria" role="search" aria-label={f.region}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          name="actor"
          label={f.actor}
          placeholder={f.actorPlaceholder}
          data={actorOptions}
          defaultValue={filters.actorId ?? null}
          searchable
          clearable
          w={240}
        />
        <Select name="entity" label={f.entity} placeholder={f.entityPlaceholder} data={entityOptions} defaultValue={filters.entity ?? null} clearable w={220} />
        <Select name="action" label={f.action} placeholder={f.actionPlaceholder} data={actionOptions} defaultValue={filters.action ?? null} clearable w={170} />
        <TextInput name="from" type="date" label={f.from} defaultValue={fromDay} w={170} />
        <TextInput name="to" type="date" label={f.to} defaultValue={toDay} w={170} />
        <Button type="submit">{f.apply}</Button>
        <AnchorLink href="/admin/auditoria">{f.clear}</AnchorLink>
      </Group>
      {badRange && (
        <Group mt="sm">
          <FormAlert message={f.invalidRange} />
        </Group>
      )}
    </Paper>
  );

  return (
    <AdminList
      texts={t}
      path="audit"
      basePath="/admin/auditoria"
      searchParams={searchParams}
      filters={filters}
      pagerQuery={kept}
      before={filterForm}
      columns={['at', 'actor', 'entity', 'entityId', 'action', 'field', 'oldValue', 'newValue']}
      cells={(entry: AuditItem) => ({
        at: formatDateTime(entry.at),
        actor: entry.actorId ? (users.get(entry.actorId) ?? entry.actorId) : messages.common.system,
        entity: auditEntityLabel(entry.entity),
        entityId: auditSubject(entry.entity, entry.entityId, names),
        action: auditActionLabel(entry.action),
        field: auditFieldLabel(entry.entity, entry.field),
        oldValue: auditValueLabel(entry.entity, entry.field, entry.oldValue, names),
        newValue: auditValueLabel(entry.entity, entry.field, entry.newValue, names),
      })}
    />
  );
}
