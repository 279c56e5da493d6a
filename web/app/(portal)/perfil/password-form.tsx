'use client';

import { Button, Notification, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ApiError, apiFetch } from '@/lib/api-client';
import { redirectIfSignedOut } from '@/lib/api-errors';
import { ariaInvalid } from '@/lib/form-a11y';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

const t = messages.profile;
const SERVER_FIELDS = new Set(['currentPassword', 'newPassword']);

export function PasswordForm({ email }: { email: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [formError, setFormError] = useState('');
  const [updated, setUpdated] = useState(false);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    enhanceGetInputProps: ariaInvalid,
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    // Only what the browser can know; the password policy is the server's to enforce.
    validate: {
      currentPassword: (value) => (value ? null : t.required),
      newPassword: (value) => (value ? null : t.required),
      confirmPassword: (value, values) => (value === values.newPassword ? null : t.confirmMismatch),
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setFormError('');
    setUpdated(false);
    try {
      await apiFetch('me/password', { method: 'POST', body: { currentPassword, newPassword } });
      form.reset();
      setUpdated(true);
      // The change revoked every API token: the list below must say so.
      router.refresh();
    } catch (error) {
      if (redirectIfSignedOut(error)) return;
      if (error instanceof ApiError && error.errors.some((e) => SERVER_FIELDS.has(e.field))) {
        for (const fieldError of error.errors) {
          if (SERVER_FIELDS.has(fieldError.field)) form.setFieldError(fieldError.field, fieldError.message);
        }
        return;
      }
      if (error instanceof ApiError && error.status === 0) setFormError(messages.common.networkError);
      else if (error instanceof ApiError && error.detail) setFormError(error.detail);
      else setFormError(messages.common.unexpectedError);
    }
  });

  return (
    <form method="post" onSubmit={submit} noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Stack gap="md" maw={420}>
        <FormAlert message={formError} />
        <PasswordInput
          label={t.currentPassword}
          autoComplete="current-password"
          required
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t.newPassword}
          description={t.passwordHint}
          autoComplete="new-password"
          required
          key={form.key('newPassword')}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t.confirmPassword}
          autoComplete="new-password"
          required
          key={form.key('confirmPassword')}
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" loading={form.submitting} disabled={!hydrated} style={{ alignSelf: 'flex-start' }}>
          {t.submit}
        </Button>
      </Stack>
      {/* The live region exists before its content, so screen readers announce the change. */}
      <div role="status" aria-live="polite">
        {updated && <Notification mt="md" maw={420} color="green.9" title={t.updated} withCloseButton={false} withBorder role="none" />}
      </div>
    </form>
  );
}
