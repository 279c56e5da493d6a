'use client';

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { ServiceStatus } from '@/lib/catalog';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

type Action = 'publish' | 'retire';

/**
 * Publish (draft, retired) and retire (active), as the API's life cycle allows. Each asks first,
 * and the outcome stays in the same dialog until closed: the list refreshes only then, since a
 * filtered list may drop the row (and the message with it) once the status changes.
 */
export function ServiceActions({ id, name, status }: { id: string; name: string; status: ServiceStatus }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const close = () => {
    const changed = result?.ok;
    setAsking(null);
    setResult(null);
    if (changed) router.refresh();
  };

  const act = async (action: Action) => {
    setBusy(true);
    try {
      await apiFetch(`catalog/services/${id}/${action}`, { method: 'POST' });
      setResult({ ok: true, text: action === 'publish' ? t.published(name) : t.retired(name) });
    } catch (error) {
      if (redirectIfSignedOut(error)) return;
      setResult({ ok: false, text: problemMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        {status !== 'active' && (
          <Button size="xs" variant="light" aria-label={t.publishLabel(name)} disabled={!hydrated} onClick={() => setAsking('publish')}>
            {t.publish}
          </Button>
        )}
        {status === 'active' && (
          <Button size="xs" variant="light" color="red" c="red.9" aria-label={t.retireLabel(name)} disabled={!hydrated} onClick={() => setAsking('retire')}>
            {t.retire}
          </Button>
        )}
      </Group>
      <Modal
        opened={asking !== null}
        onClose={close}
        title={result ? t.resultTitle : asking === 'retire' ? t.retireTitle : t.publishTitle}
        closeButtonProps={{ 'aria-label': messages.common.close }}
      >
        {result ? (
          <Stack gap="md">
            <Alert color={result.ok ? 'teal' : 'red'} variant="light" role={result.ok ? 'status' : 'alert'} title={result.ok ? undefined : t.failed(name)}>
              {result.text}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={close} data-autofocus>
                {messages.common.close}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="md">
            <Text>{asking === 'retire' ? t.retireBody(name) : t.publishBody(name)}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {messages.admin.cancel}
              </Button>
              <Button color={asking === 'retire' ? 'red.9' : undefined} loading={busy} onClick={() => asking && act(asking)} data-autofocus>
                {asking === 'retire' ? t.retire : t.publish}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
