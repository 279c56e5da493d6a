'use client';

import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ApiError, apiFetch } from '@/lib/api-client';
import { ariaInvalid } from '@/lib/form-a11y';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

type Values = { email: string; password: string };

const t = messages.login;

function messageFor(error: unknown): string {
  if (!(error instanceof ApiError)) return messages.common.unexpectedError;
  if (error.status === 0) return messages.common.networkError;
  if (error.status === 401) return t.invalidCredentials;
  if (error.status === 403 && error.code === 'AUTH_ACCOUNT_DISABLED') return t.accountDisabled;
  if (error.status === 429) return t.rateLimited(error.retryAfter);
  if (error.status === 400 && error.errors.length > 0) return '';
  return error.detail || messages.common.unexpectedError;
}

export function LoginForm({ next }: { next: string | null }) {
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string>('');
  const form = useForm<Values>({
    mode: 'uncontrolled',
    enhanceGetInputProps: ariaInvalid,
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t.emailRequired),
      password: (value) => (value ? null : t.passwordRequired),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError('');
    try {
      await apiFetch('auth/login', {
        method: 'POST',
        body: { email: values.email.trim(), password: values.password },
      });
      // A full load, so every server component renders again with the new session.
      window.location.assign(next ?? '/');
    } catch (error) {
      if (error instanceof ApiError) {
        for (const fieldError of error.errors) {
          if (fieldError.field === 'email' || fieldError.field === 'password') {
            form.setFieldError(fieldError.field, fieldError.message);
          }
        }
      }
      setFormError(messageFor(error));
    }
  });

  return (
    <form method="post" onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} title={t.errorTitle} />
        <TextInput label={t.email} type="email" autoComplete="username" required key={form.key('email')} {...form.getInputProps('email')} />
        <PasswordInput label={t.password} autoComplete="current-password" required key={form.key('password')} {...form.getInputProps('password')} />
        <Button type="submit" loading={form.submitting} disabled={!hydrated} fullWidth>
          {t.submit}
        </Button>
      </Stack>
    </form>
  );
}
