import { Group, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { organisationOptions } from '@/lib/admin-options';
import { authorise } from '@/lib/authorise';
import { messages, roleLabel } from '@/messages/es-MX';
import { UserForm } from '../user-forms';

const t = messages.admin.userForm;

export const metadata: Metadata = { title: t.newTitle };

export default async function NewUserPage() {
  const { allowed } = await authorise('users.manage');
  if (!allowed) return <Forbidden />;
  const organisations = await organisationOptions();
  const roles = Object.keys(messages.roles).map((r) => ({ value: r, label: roleLabel(r) }));
  return (
    <Stack gap="lg" maw={720}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t.newTitle}</Title>
        <AnchorLink href="/admin/usuarios">{messages.admin.back}</AnchorLink>
      </Group>
      <UserForm roles={roles} organisations={organisations} />
    </Stack>
  );
}
