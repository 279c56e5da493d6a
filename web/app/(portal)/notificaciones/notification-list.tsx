'use client';

import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { subscribeLive } from '@/lib/live-events';
import { messages } from '@/messages/es-MX';

const m = messages.notifications;
const t = m.page;
type List = Schemas['Notifications'];

/** Every notice of the user (latest 100), filterable by unread, refreshed live. */
export function NotificationList({ initial }: { initial: List }) {
  const [list, setList] = useState<List>(initial);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      setList(await apiFetch('notifications'));
    } catch {
      // The list on screen stays; the next signal retries.
    }
  }, []);
  useEffect(() => subscribeLive('notification', () => void load()), [load]);

  async function markRead(id: string) {
    setError('');
    try {
      await apiFetch(`notifications/${id}/read`, { method: 'POST' });
      await load();
    } catch {
      setError(t.failed);
    }
  }

  async function markAll() {
    setError('');
    try {
      await apiFetch('notifications/read-all', { method: 'POST' });
      await load();
    } catch {
      setError(t.failed);
    }
  }

  const items = filter === 'unread' ? list.items.filter((n) => !n.readAt) : list.items;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          data={[
            { value: 'all', label: t.filterAll },
            { value: 'unread', label: `${t.filterUnread} (${list.unread})` },
          ]}
          aria-label={t.title}
        />
        <Button variant="default" onClick={markAll} disabled={list.unread === 0}>
          {t.markAll}
        </Button>
      </Group>
      {error && (
        <Text role="alert" c="red.9">
          {error}
        </Text>
      )}
      {items.length === 0 ? (
        <Text c="gray.7">{filter === 'unread' ? t.emptyUnread : t.empty}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t.title}>
          {items.map((n) => (
            <Paper component="li" key={n.id} withBorder p="sm" radius="md" bg={n.readAt ? undefined : 'blue.0'} data-testid="notification-row">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Badge size="sm" variant="outline" color="gray.8" tt="none">
                      {m.kinds[n.kind] ?? m.bell.title}
                    </Badge>
                    {!n.readAt && (
                      <Badge size="sm" color="blue.8" tt="none">
                        {t.unread}
                      </Badge>
                    )}
                  </Group>
                  {n.link ? (
                    <Anchor
                      component={Link}
                      href={n.link}
                      fw={n.readAt ? 500 : 700}
                      onClick={() => (n.readAt ? undefined : void markRead(n.id))}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {n.title}
                    </Anchor>
                  ) : (
                    <Text fw={n.readAt ? 500 : 700} style={{ overflowWrap: 'anywhere' }}>
                      {n.title}
                    </Text>
                  )}
                  {n.body && (
                    <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                      {n.body}
                    </Text>
                  )}
                  <Text size="xs" c="gray.7">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  </Text>
                </Stack>
                {!n.readAt && (
                  <Button variant="subtle" size="compact-sm" onClick={() => markRead(n.id)} aria-label={t.markReadLabel(n.title)}>
                    {t.markRead}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
