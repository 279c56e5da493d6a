import { Group, NativeSelect, Button, Stack, TableTd, TableTr, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { ButtonLink } from '@/components/button-link';
import { ServiceStatusBadge } from '@/components/catalog/status-badge';
import { EmptyMessage } from '@/components/empty-state';
import { Forbidden } from '@/components/forbidden';
import { ListTable } from '@/components/list-table';
import type { Page } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { SERVICE_STATUSES, type ServiceDto, type ServiceStatus } from '@/lib/catalog';
import { requiredGet } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';
import { ServiceActions } from './service-actions';

const t = messages.catalogAdmin;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogAdminPage({ searchParams }: Props) {
  const { allowed } = await authorise('catalog.manage');
  if (!allowed) return <Forbidden />;
  const raw = (await searchParams).status;
  const status = SERVICE_STATUSES.find((s) => s === raw) as ServiceStatus | undefined;
  const page = await requiredGet<Page<ServiceDto>>('catalog/services', { status, pageSize: 200 });

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed">{t.intro}</Text>
        </Stack>
        <Group gap="sm">
          <ButtonLink href="/catalogo/indicadores" variant="default">
            {t.indicatorLink}
          </ButtonLink>
          <ButtonLink href="/catalogo/nuevo">{t.newService}</ButtonLink>
        </Group>
      </Group>
      <form method="get" action="/catalogo">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            name="status"
            label={t.statusFilter}
            defaultValue={status ?? ''}
            data={[{ value: '', label: t.allStatuses }, ...SERVICE_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))]}
            w={220}
          />
          <Button type="submit" variant="default">
            {t.filter}
          </Button>
        </Group>
      </form>
      {page.items.length === 0 ? (
        <EmptyMessage title={t.emptyTitle} description={t.emptyDescription} />
      ) : (
        <ListTable caption={t.caption} minWidth={760} verticalSpacing="sm" headers={[t.code, t.name, t.category, t.status, t.version, t.actions]}>
          {page.items.map((service) => (
            <TableTr key={service.id} data-service-code={service.code}>
              <TableTd>
                <Text ff="monospace" size="sm">
                  {service.code}
                </Text>
              </TableTd>
              <TableTd>
                <AnchorLink href={`/catalogo/${service.id}`} fw={600} aria-label={t.editLabel(service.name)}>
                  {service.name}
                </AnchorLink>
              </TableTd>
              <TableTd>{service.category}</TableTd>
              <TableTd>
                <ServiceStatusBadge status={service.status} />
              </TableTd>
              <TableTd>{service.publishedVersion > 0 ? `v${service.publishedVersion}` : t.notVersioned}</TableTd>
              <TableTd>
                <ServiceActions id={service.id} name={service.name} status={service.status} />
              </TableTd>
            </TableTr>
          ))}
        </ListTable>
      )}
    </Stack>
  );
}
