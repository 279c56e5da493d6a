import { Group, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnchorLink } from '@/components/anchor-link';
import { CreatedNotice } from '@/components/created-notice';
import { Forbidden } from '@/components/forbidden';
import { organisationOptions } from '@/lib/admin-options';
import { serverApiGet } from '@/lib/api-server';
import { ApiError } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';
import { Locations, OrganisationForm, OrganisationStatus } from '../organisation-forms';

const t = messages.admin.organisationForm;

export const metadata: Metadata = { title: messages.admin.organisations.title };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ id: string }> };

export default async function OrganisationPage({ params }: Props) {
  const { allowed } = await authorise('organisations.manage');
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const detail = await serverApiGet(`organisations/${id}`).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  const parents = await organisationOptions();
  const { locations, ...organisation } = detail;
  return (
    <Stack gap="lg" maw={880}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t.editTitle(organisation.name)}</Title>
        <AnchorLink href="/admin/organizaciones">{messages.admin.back}</AnchorLink>
      </Group>
      <CreatedNotice />
      <OrganisationForm organisation={organisation} parents={parents} />
      <OrganisationStatus organisation={organisation} />
      <Locations organisation={organisation} initial={locations} />
    </Stack>
  );
}
