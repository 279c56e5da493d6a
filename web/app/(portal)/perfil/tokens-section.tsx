'use client';

import { Alert, Button, Code, Group, Radio, Select, Stack, TableTd, TableTr, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ListTable } from '@/components/list-table';
import { apiFetch } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { fieldErrorsFor, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { ariaInvalid } from '@/lib/form-a11y';
import { formatDateTime } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

/** One personal API token as GET /me/tokens lists it (never its secret). */
export type ApiTokenItem = Schemas['ApiToken'];

type Values = { name: string; scope: ApiTokenItem['scope']; expiry: string };

const t = messages.profile.tokens;
const SERVER_FIELDS = ['name', 'scope', 'expiresInDays'] as const;

function expiryLabel(expiresAt: string | null): string {
  if (!expiresAt) return t.noExpiry;
  return new Date(expiresAt).getTime() <= Date.now() ? `${t.expired} (${formatDateTime(expiresAt)})` : formatDateTime(expiresAt);
}

/** Lists the user's API tokens with their scope and expiry; creates (shown once) and revokes them. */
export function TokensSection({ initial }: { initial: ApiTokenItem[] }) {
  const hydrated = useHydrated();
  const [items, setItems] = useState(initial);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [notice, setNotice] = useState('');
  const [formError, setFormError] = useState('');
  const [listError, setListError] = useState('');
  const form = useForm<Values>({
    mode: 'uncontrolled',
    enhanceGetInputProps: ariaInvalid,
    initialValues: { name: '', scope: 'read_only', expiry: '30' },
    validate: { name: (value) => (value.trim() ? null : messages.profile.required) },
  });

  const submit = form.onSubmit(async ({ name, scope, expiry }) => {
    setFormError('');
    setNotice('');
    setCreated(null);
    try {
      const body = { name: name.trim(), scope, expiresInDays: expiry === 'none' ? null : Number(expiry) };
      const token = await apiFetch('me/tokens', { method: 'POST', body });
      const { token: secret, ...item } = token;
      setItems((current) => [item, ...current]);
      setCreated({ name: item.name, token: secret });
      form.reset();
    } catch (error) {
      if (redirectIfSignedOut(error)) return;
      const fields = fieldErrorsFor(error, SERVER_FIELDS);
      if (fields.name) form.setFieldError('name', fields.name);
      if (fields.scope) form.setFieldError('scope', fields.scope);
      if (fields.expiresInDays) form.setFieldError('expiry', fields.expiresInDays);
      if (Object.keys(fields).length === 0) setFormError(problemMessage(error));
    }
  });

  async function revoke(item: ApiTokenItem) {
    setListError('');
    setNotice('');
    try {
      await apiFetch(`me/tokens/${item.id}`, { method: 'DELETE' });
      setItems((current) => current.filter((i) => i.id !== item.id));
      if (created?.name === item.name) setCreated(null);
      setNotice(t.revoked(item.name));
    } catch (error) {
      if (redirectIfSignedOut(error)) return;
      setListError(problemMessage(error));
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t.intro}</Text>
      {/* The live region exists before its content, so screen readers announce the change. */}
      <div role="status" aria-live="polite">
        {created && (
          <Alert color="green.9" variant="light" title={t.createdTitle}>
            <Stack gap="xs">
              <Text size="sm">{t.createdHint}</Text>
              <TextInput label={t.createdValue} value={created.token} readOnly onFocus={(e) => e.currentTarget.select()} />
            </Stack>
          </Alert>
        )}
        {notice && <Text size="sm">{notice}</Text>}
      </div>
      <FormAlert message={listError} />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.empty}
        </Text>
      ) : (
        <ListTable caption={t.caption} minWidth={640} headers={[t.name, t.prefix, t.scope, t.expiresAt, t.lastUsed, t.actions]} data-testid="api-tokens">
          {items.map((item) => (
            <TableTr key={item.id}>
              <TableTd>{item.name}</TableTd>
              <TableTd>
                <Code>{item.prefix}…</Code>
              </TableTd>
              <TableTd>{t.scopes[item.scope] ?? item.scope}</TableTd>
              <TableTd>{expiryLabel(item.expiresAt)}</TableTd>
              <TableTd>{item.lastUsedAt ? formatDateTime(item.lastUsedAt) : t.never}</TableTd>
              <TableTd>
                <Button size="xs" variant="light" color="red.9" aria-label={t.revokeLabel(item.name)} disabled={!hydrated} onClick={() => void revoke(item)}>
                  {t.revoke}
                </Button>
              </TableTd>
            </TableTr>
          ))}
        </ListTable>
      )}
      <form method="post" onSubmit={submit} noValidate aria-label={t.create}>
        <Stack gap="md" maw={420}>
          <FormAlert message={formError} />
          <TextInput label={t.name} description={t.nameHint} required maxLength={100} key={form.key('name')} {...form.getInputProps('name')} />
          <Radio.Group label={t.scope} key={form.key('scope')} {...form.getInputProps('scope')}>
            <Group mt="xs">
              <Radio value="read_only" label={t.scopes.read_only} />
              <Radio value="read_write" label={t.scopes.read_write} />
            </Group>
          </Radio.Group>
          <Select label={t.expiry} data={t.expiryOptions} allowDeselect={false} key={form.key('expiry')} {...form.getInputProps('expiry')} />
          <Button type="submit" loading={form.submitting} disabled={!hydrated} style={{ alignSelf: 'flex-start' }}>
            {t.create}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
