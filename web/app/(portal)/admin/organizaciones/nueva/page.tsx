import { Group, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { organisationOptions } from '@/lib/admin-options';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';
import { OrganisationForm } from '../organisation-forms';

const t = messages.admin.organisationForm;

export const metadata: Metadata = { title: t.newTitle };

export default async function NewOrganisationPage() {
  const { allowed } = await authorise('organisations.manage');
  if (!allowed) return <Forbidden />;
  const parents = await organisationOptions();
  return (
    <Stack gap="lg" maw={720}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t.newTitle}</Title>
        <AnchorLink href="/admin/organizaciones">{messages.admin.back}</AnchorLink>
      </Group>
      <OrganisationForm parents={parents} />
    </Stack>
  );
}
