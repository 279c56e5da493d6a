'use client';

import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { apiFetch, ApiError } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.notifications.preferences;
type Prefs = Schemas['NotificationPreferences'];
type Channel = Prefs['items'][number]['channel'];

/** One choice per kind of notice; kinds nobody may silence are shown fixed (the API refuses them anyway). */
export function NotificationPreferences({ initial }: { initial: Prefs }) {
  const [prefs, setPrefs] = useState<Prefs>(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // A choice made before hydration would be replayed against the server's value and lost.
  const hydrated = useHydrated();

  async function save(kind: string, label: string, channel: Channel) {
    setStatus(null);
    try {
      setPrefs(await apiFetch('notifications/preferences', { method: 'PUT', body: { kind, channel } }));
      setStatus({ ok: true, text: t.saved(label) });
    } catch (error) {
      setStatus({ ok: false, text: error instanceof ApiError ? (error.errors[0]?.message ?? t.failed) : t.failed });
    }
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.7">
        {t.intro}
      </Text>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t.caption}>
        {prefs.items.map((p) => (
          <li key={p.kind} style={{ borderTop: '1px solid var(--mantine-color-gray-3)', padding: '10px 0' }}>
            <Group justify="space-between" align="center" wrap="wrap" gap="xs">
              <Stack gap={0} style={{ flex: '1 1 240px', minWidth: 0 }}>
                <Text fw={600} size="sm" id={`pref-${p.kind}`}>
                  {p.label}
                </Text>
                <Text size="xs" c="gray.7">
                  {p.description}
                </Text>
              </Stack>
              {p.mutable ? (
                <NativeSelect
                  w={{ base: '100%', xs: 220 }}
                  aria-label={t.channelLabel(p.label)}
                  value={p.channel}
                  disabled={!hydrated}
                  data={prefs.channels}
                  onChange={(e) => void save(p.kind, p.label, e.currentTarget.value as Channel)}
                  data-testid={`pref-${p.kind}`}
                />
              ) : (
                <Text size="sm" c="gray.8" w={{ base: '100%', xs: 220 }} data-testid={`pref-${p.kind}`}>
                  {t.fixed}
                </Text>
              )}
            </Group>
          </li>
        ))}
      </Stack>
      <Text role="status" size="sm" c={status?.ok === false ? 'red.9' : 'teal.9'} mih={20}>
        {status?.text ?? ''}
      </Text>
    </Stack>
  );
}
