import { Alert, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ServiceEditor } from '@/components/catalog/service-editor';
import { VersionFormTable } from '@/components/catalog/version-form-table';
import { VersionSheetTable } from '@/components/catalog/version-sheet-table';
import { Forbidden } from '@/components/forbidden';
import { authorise } from '@/lib/authorise';
import { loadService, loadSheetChoices } from '@/lib/catalog-server';
import { can } from '@/lib/permissions';
import { messages } from '@/messages/es-MX';

export const metadata: Metadata = { title: messages.catalogAdmin.title };

type Props = { params: Promise<{ id: string }> };

/**
 * The service sheet. Catalog managers edit it; the catalog's change notices link here for
 * everyone they reach (desk staff, the level-2 and level-3 teams, the owner area), so other
 * staff read it as it stands and a requester is taken to the service's page in their catalog.
 */
export default async function ServicePage({ params }: Props) {
  const { me, allowed } = await authorise('catalog.manage');
  const { id } = await params;
  if (!allowed) {
    if (!can(me, 'tickets.use')) {
      if (can(me, 'tickets.request')) redirect(`/solicitante/catalogo/${encodeURIComponent(id)}`);
      return <Forbidden />;
    }
    const [service, choices] = await Promise.all([loadService(id), loadSheetChoices()]);
    return (
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{service.name}</Title>
          <Text c="dimmed">{messages.catalogAdmin.sheetFor(service.code, service.publishedVersion)}</Text>
        </Stack>
        <Alert variant="light" color="blue">
          {messages.catalogAdmin.readOnlySheet}
        </Alert>
        <VersionSheetTable snapshot={service} choices={choices} />
        <Stack gap="xs">
          <Title order={2} size="h3">
            {messages.catalogAdmin.builder}
          </Title>
          <VersionFormTable fields={service.form} />
        </Stack>
      </Stack>
    );
  }
  const [service, choices] = await Promise.all([loadService(id), loadSheetChoices()]);
  // Remounts the editor when a save brings a new version.
  return <ServiceEditor key={`${service.id}-${service.version}`} service={service} choices={choices} deskTimeZone={me.deskTimeZone} />;
}
