import { Group, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnchorLink } from '@/components/anchor-link';
import { CreatedNotice } from '@/components/created-notice';
import { Forbidden } from '@/components/forbidden';
import { organisationOptions } from '@/lib/admin-options';
import { serverApiGet } from '@/lib/api-server';
import { ApiError, type UserItem } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { messages, roleLabel } from '@/messages/es-MX';
import { ResetPasswordForm, UserForm, UserStatus, UserTokens } from '../user-forms';

const t = messages.admin.userForm;

export const metadata: Metadata = { title: messages.admin.users.title };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  const { allowed } = await authorise('users.manage');
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  let user: UserItem;
  try {
    user = await serverApiGet(`users/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const [tokens, organisations] = await Promise.all([serverApiGet(`users/${id}/tokens`), organisationOptions()]);
  const roles = Object.keys(messages.roles).map((r) => ({ value: r, label: roleLabel(r) }));
  return (
    <Stack gap="lg" maw={880}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t.editTitle(user.fullName)}</Title>
        <AnchorLink href="/admin/usuarios">{messages.admin.back}</AnchorLink>
      </Group>
      <CreatedNotice />
      <UserForm user={user} roles={roles} organisations={organisations} />
      <UserStatus user={user} />
      <ResetPasswordForm user={user} />
      <UserTokens user={user} initial={tokens.items} />
    </Stack>
  );
}
