import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnchorLink } from '@/components/anchor-link';
import { VersionFormTable } from '@/components/catalog/version-form-table';
import { VersionSheetTable } from '@/components/catalog/version-sheet-table';
import { Forbidden } from '@/components/forbidden';
import { authorise } from '@/lib/authorise';
import { loadService, loadSheetChoices, loadVersions } from '@/lib/catalog-server';
import { formatDateTime } from '@/lib/format';
import { loadUserNames } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';

const t = messages.catalogVersions;

export const metadata: Metadata = { title: t.detailMetaTitle };

type Props = { params: Promise<{ id: string; version: string }> };

/** One published version of a service: its sheet and request form as they were frozen, read-only. */
export default async function ServiceVersionPage({ params }: Props) {
  const { allowed } = await authorise('catalog.manage');
  if (!allowed) return <Forbidden />;
  const { id, version: raw } = await params;
  const number = /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
  if (number === null) notFound();
  const service = await loadService(id);
  const [versions, choices] = await Promise.all([loadVersions(service.id), loadSheetChoices()]);
  const version = versions.find((v) => v.version === number);
  if (!version) notFound();
  const names = await loadUserNames([version.publishedById]);
  const who = version.publishedById ? (names[version.publishedById] ?? t.unknownUser) : messages.common.system;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{t.detailTitle(version.version, version.snapshot.name ?? service.name)}</Title>
          <Text c="dimmed">{t.publishedLine(formatDateTime(version.publishedAt), who)}</Text>
        </Stack>
        <Group gap="md">
          <AnchorLink href={`/catalogo/${service.id}/versiones`}>{t.backToVersions}</AnchorLink>
          <AnchorLink href={`/catalogo/${service.id}`}>{t.backToService}</AnchorLink>
        </Group>
      </Group>
      <Alert variant="light" color="blue">
        {t.readOnlyNote}
      </Alert>
      <VersionSheetTable snapshot={version.snapshot} choices={choices} />
      <Stack gap="xs">
        <Title order={2} size="h3">
          {messages.catalogAdmin.builder}
        </Title>
        <VersionFormTable fields={version.snapshot.form ?? []} />
      </Stack>
    </Stack>
  );
}
