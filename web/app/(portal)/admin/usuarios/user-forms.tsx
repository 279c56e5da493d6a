'use client';

import { Button, Checkbox, Group, MultiSelect, Paper, PasswordInput, Select, Stack, TableTd, TableTr, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Notice, RecordStatus } from '@/components/admin-record-status';
import { ConfirmAction } from '@/components/confirm-action';
import { announceCreated } from '@/components/created-notice';
import { FormAlert } from '@/components/form-alert';
import { ListTable } from '@/components/list-table';
import { apiFetch } from '@/lib/api-client';
import { fieldErrorsFor, problemMessage, redirectIfSignedOut, showProblem } from '@/lib/api-errors';
import type { Schemas, UserItem } from '@/lib/api-types';
import { ariaInvalid } from '@/lib/form-a11y';
import { formatDateTime } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const a = messages.admin;
const t = messages.admin.userForm;

type Option = { value: string; label: string };
type Values = { email: string; fullName: string; password: string; roles: string[]; organisationId: string | null; phone: string; isVip: boolean };
const FIELDS = ['email', 'fullName', 'password', 'roles', 'organisationId', 'phone', 'isVip'] as const;

/** Creates a user, or edits one (name, e-mail, roles, organisation, phone, VIP). */
export function UserForm({ user, roles, organisations }: { user?: UserItem; roles: Option[]; organisations: Option[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [version, setVersion] = useState(user?.version);
  // Another section (status) may have saved the user: edit from the version the page now shows.
  useEffect(() => setVersion(user?.version), [user?.version]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const form = useForm<Values>({
    enhanceGetInputProps: ariaInvalid,
    initialValues: {
      email: user?.email ?? '',
      fullName: user?.fullName ?? '',
      password: '',
      roles: user?.roles ?? [],
      organisationId: user?.organisationId ?? null,
      phone: user?.phone ?? '',
      isVip: user?.isVip ?? false,
    },
    validate: {
      email: (v) => (v.trim() ? null : a.required),
      fullName: (v) => (v.trim() ? null : a.required),
      password: (v) => (user || v ? null : a.required),
      roles: (v) => (v.length ? null : a.required),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError('');
    setNotice('');
    const common = {
      email: v.email.trim(),
      fullName: v.fullName.trim(),
      roles: v.roles as UserItem['roles'],
      organisationId: v.organisationId,
      phone: v.phone.trim() || null,
      isVip: v.isVip,
    };
    try {
      if (user) {
        const saved = await apiFetch(`users/${user.id}`, { method: 'PATCH', body: { ...common, version } });
        setVersion(saved.version);
        setNotice(a.saved);
        router.refresh();
      } else {
        const created = await apiFetch('users', { method: 'POST', body: { ...common, password: v.password } });
        announceCreated(t.created(created.fullName));
        router.push(`/admin/usuarios/${created.id}`);
      }
    } catch (e) {
      showProblem(e, form, FIELDS, setError);
    }
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="user-data">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="user-data">
            {t.dataSection}
          </Title>
          <TextInput label={t.fullName} required autoComplete="off" {...form.getInputProps('fullName')} />
          <TextInput label={t.email} type="email" required autoComplete="off" {...form.getInputProps('email')} />
          {!user && <PasswordInput label={t.password} description={t.passwordHint} required autoComplete="new-password" {...form.getInputProps('password')} />}
          <MultiSelect label={t.roles} description={t.rolesHint} data={roles} required searchable {...form.getInputProps('roles')} />
          <Select
            label={t.organisation}
            placeholder={t.organisationPlaceholder}
            data={organisations}
            searchable
            clearable
            nothingFoundMessage={messages.catalog.nothingFound}
            {...form.getInputProps('organisationId')}
          />
          <TextInput label={t.phone} autoComplete="off" {...form.getInputProps('phone')} />
          <Checkbox label={t.vip} {...form.getInputProps('isVip', { type: 'checkbox' })} />
          <FormAlert message={error} />
          <Notice text={notice} />
          <Group>
            <Button type="submit" disabled={!hydrated} loading={form.submitting}>
              {user ? a.save : a.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Whether the account may sign in; deactivating asks first (it ends sessions and tokens). */
export function UserStatus({ user }: { user: UserItem }) {
  return (
    <RecordStatus
      path={`users/${user.id}`}
      name={user.fullName}
      isActive={user.isActive}
      version={user.version}
      texts={t}
      headingId="user-status"
      testId="user-status"
    />
  );
}

/** The administrator sets a new password; the API checks the policy and names the field. */
export function ResetPasswordForm({ user }: { user: UserItem }) {
  const hydrated = useHydrated();
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const form = useForm({
    mode: 'uncontrolled',
    enhanceGetInputProps: ariaInvalid,
    initialValues: { newPassword: '' },
    validate: { newPassword: (v: string) => (v ? null : a.required) },
  });
  const submit = form.onSubmit(async ({ newPassword }) => {
    setError('');
    setNotice('');
    try {
      await apiFetch(`users/${user.id}/password`, { method: 'POST', body: { newPassword } });
      form.reset();
      setNotice(t.resetDone(user.fullName));
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      const fields = fieldErrorsFor(e, ['newPassword']);
      if (fields.newPassword) form.setFieldError('newPassword', fields.newPassword);
      else setError(problemMessage(e));
    }
  });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="user-reset">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="user-reset">
            {t.resetSection}
          </Title>
          <Text size="sm" c="dimmed">
            {t.resetIntro}
          </Text>
          <PasswordInput
            label={t.newPassword}
            description={t.passwordHint}
            required
            autoComplete="new-password"
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <FormAlert message={error} />
          <Notice text={notice} />
          <Group>
            <Button type="submit" variant="light" disabled={!hydrated} loading={form.submitting}>
              {t.reset}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type Token = Schemas['ApiToken'];
const tk = messages.profile.tokens;

/** The user's live API tokens, each revocable after confirmation. */
export function UserTokens({ user, initial }: { user: UserItem; initial: Token[] }) {
  const [items, setItems] = useState(initial);
  const [notice, setNotice] = useState('');
  const revoke = async (token: Token) => {
    setNotice('');
    await apiFetch(`users/${user.id}/tokens/${token.id}`, { method: 'DELETE' });
    setItems((current) => current.filter((i) => i.id !== token.id));
    setNotice(tk.revoked(token.name));
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="user-tokens">
      <Stack gap="md">
        <Title order={2} size="h3" id="user-tokens">
          {t.tokensSection}
        </Title>
        <Notice text={notice} />
        {items.length === 0 ? (
          <Text>{t.tokensEmpty}</Text>
        ) : (
          <ListTable caption={t.tokensCaption(user.fullName)} minWidth={640} headers={[tk.name, tk.scope, tk.expiresAt, tk.lastUsed, tk.actions]}>
            {items.map((token) => (
              <TableTr key={token.id}>
                <TableTd>
                  {token.name}{' '}
                  <Text span ff="monospace" size="xs" c="dimmed">
                    {token.prefix}…
                  </Text>
                </TableTd>
                <TableTd>{tk.scopes[token.scope] ?? token.scope}</TableTd>
                <TableTd>{token.expiresAt ? formatDateTime(token.expiresAt) : tk.noExpiry}</TableTd>
                <TableTd>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : tk.never}</TableTd>
                <TableTd>
                  <ConfirmAction
                    label={tk.revoke}
                    ariaLabel={tk.revokeLabel(token.name)}
                    title={t.revokeTitle}
                    body={t.revokeBody(token.name, user.fullName)}
                    confirmLabel={tk.revoke}
                    danger
                    buttonProps={{ size: 'xs' }}
                    onConfirm={() => revoke(token)}
                  />
                </TableTd>
              </TableTr>
            ))}
          </ListTable>
        )}
      </Stack>
    </Paper>
  );
}
