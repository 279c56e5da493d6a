import { Badge, Group, Stack, TableTd, TableTr, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { EmptyMessage } from '@/components/empty-state';
import { Forbidden } from '@/components/forbidden';
import { ListTable } from '@/components/list-table';
import { authorise } from '@/lib/authorise';
import { loadService, loadVersions } from '@/lib/catalog-server';
import { changedFields } from '@/lib/catalog-versions';
import { formatDateTime } from '@/lib/format';
import { loadUserNames } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';

const t = messages.catalogVersions;

export const metadata: Metadata = { title: t.metaTitle };

type Props = { params: Promise<{ id: string }> };

/** A service's published versions, newest first, with what each one changed. */
export default async function ServiceVersionsPage({ params }: Props) {
  const { allowed } = await authorise('catalog.manage');
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  const service = await loadService(id);
  const versions = await loadVersions(service.id);
  const names = await loadUserNames(versions.map((v) => v.publishedById));

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{t.title(service.name)}</Title>
          <Text c="dimmed">{t.intro}</Text>
        </Stack>
        <AnchorLink href={`/catalogo/${service.id}`}>{t.backToService}</AnchorLink>
      </Group>
      {versions.length === 0 ? (
        <EmptyMessage title={t.emptyTitle} description={t.emptyDescription} />
      ) : (
        <ListTable caption={t.caption} minWidth={760} verticalSpacing="sm" headers={[t.version, t.publishedAt, t.publishedBy, t.changes, t.detail]}>
          {versions.map((v, i) => {
            const changes = changedFields(versions[i + 1]?.snapshot, v.snapshot);
            return (
              <TableTr key={v.version} data-version={v.version}>
                <TableTd>
                  <Group gap="xs" wrap="nowrap">
                    <Text fw={600}>{`v${v.version}`}</Text>
                    {v.version === service.publishedVersion && service.status === 'active' && (
                      <Badge color="teal.9" radius="sm" tt="none" style={{ minWidth: 'max-content', flexShrink: 0 }}>
                        {t.current}
                      </Badge>
                    )}
                  </Group>
                </TableTd>
                <TableTd>{formatDateTime(v.publishedAt)}</TableTd>
                <TableTd>{v.publishedById ? (names[v.publishedById] ?? t.unknownUser) : messages.common.system}</TableTd>
                <TableTd data-testid="version-changes">
                  {changes === null
                    ? t.firstVersion
                    : changes.length === 0
                      ? t.noChanges
                      : changes.map((f) => messages.catalogAdmin.sheetFields[f] ?? f).join(', ')}
                </TableTd>
                <TableTd>
                  <AnchorLink href={`/catalogo/${service.id}/versiones/${v.version}`}>{t.view(v.version)}</AnchorLink>
                </TableTd>
              </TableTr>
            );
          })}
        </ListTable>
      )}
    </Stack>
  );
}
