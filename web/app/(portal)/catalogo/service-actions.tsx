'use client';

import { Button, Group, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { ServiceStatus } from '@/lib/catalog';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

/** Publish (draft, retired) and retire (active), as the API's life cycle allows. */
export function ServiceActions({ id, name, status }: { id: string; name: string; status: ServiceStatus }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [busy, setBusy] = useState<'publish' | 'retire' | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const act = async (action: 'publish' | 'retire') => {
    setBusy(action);
    setNotice(null);
    try {
      await apiFetch(`catalog/services/${id}/${action}`, { method: 'POST' });
      setNotice({ ok: true, text: action === 'publish' ? t.published(name) : t.retired(name) });
      router.refresh();
    } catch (error) {
      if (redirectIfSignedOut(error)) return;
      setNotice({ ok: false, text: problemMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group gap="xs" wrap="nowrap">
      {status !== 'active' && (
        <Button size="xs" variant="light" aria-label={t.publishLabel(name)} loading={busy === 'publish'} disabled={!hydrated} onClick={() => act('publish')}>
          {t.publish}
        </Button>
      )}
      {status === 'active' && (
        <Button
          size="xs"
          variant="light"
          color="red"
          c="red.9"
          aria-label={t.retireLabel(name)}
          loading={busy === 'retire'}
          disabled={!hydrated}
          onClick={() => act('retire')}
        >
          {t.retire}
        </Button>
      )}
      <Text size="xs" c={notice?.ok === false ? 'red.9' : 'dimmed'} role={notice?.ok === false ? 'alert' : 'status'}>
        {notice?.text}
      </Text>
    </Group>
  );
}
