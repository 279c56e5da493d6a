'use client';

import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const a = messages.admin;

/** A green "done" line that screen readers announce. */
export function Notice({ text }: { text: string }) {
  if (!text) return null;
  return (
    <Alert color="teal" variant="light" role="status">
      {text}
    </Alert>
  );
}

/** Reactivating harms nothing, so it does not ask. */
export function ReactivateButton({ onClick }: { onClick: () => Promise<void> }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <Stack gap="xs">
      <Button
        variant="light"
        disabled={!hydrated}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setError('');
          try {
            await onClick();
          } catch (e) {
            if (!redirectIfSignedOut(e)) setError(problemMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {a.reactivate}
      </Button>
      <FormAlert message={error} />
    </Stack>
  );
}

type Texts = {
  active: string;
  inactive: string;
  deactivateTitle: string;
  deactivateBody: (name: string) => string;
  deactivated: (name: string) => string;
  reactivated: (name: string) => string;
};

/**
 * Whether a user, organisation or team is active, with the button that changes it: deactivating
 * asks first (the API names what it ends), reactivating does not. `path` is the record's API path.
 */
export function RecordStatus(props: { path: string; name: string; isActive: boolean; version: number; texts: Texts; headingId: string; testId: string }) {
  const { path, name, isActive, version, texts: t, headingId, testId } = props;
  const router = useRouter();
  const [notice, setNotice] = useState('');
  const toggle = async (active: boolean) => {
    setNotice('');
    await apiFetch(path, { method: 'PATCH', body: { isActive: active, version } });
    setNotice(active ? t.reactivated(name) : t.deactivated(name));
    router.refresh();
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {a.statusTitle}
        </Title>
        <Text data-testid={testId}>{isActive ? t.active : t.inactive}</Text>
        <Notice text={notice} />
        <Group>
          {isActive ? (
            <ConfirmAction
              label={a.deactivate}
              title={t.deactivateTitle}
              body={t.deactivateBody(name)}
              confirmLabel={a.deactivate}
              danger
              onConfirm={() => toggle(false)}
            />
          ) : (
            <ReactivateButton onClick={() => toggle(true)} />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
