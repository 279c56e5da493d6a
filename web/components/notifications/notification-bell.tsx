'use client';

import { ActionIcon, Anchor, Badge, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { BellIcon } from '@/components/icons';
import { apiFetch } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { subscribeLive } from '@/lib/live-events';
import type { Schemas } from '@/lib/api-types';
import { messages } from '@/messages/es-MX';

const t = messages.notifications;
type Notice = Schemas['Notification'];

/**
 * The header's bell: unread count and the latest notices, refreshed live when the worker
 * signals a change on the tab's shared stream (no polling, no second stream).
 */
export function NotificationBell() {
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [items, setItems] = useState<Notice[]>([]);
  const [unread, setUnread] = useState(0);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    try {
      const res = await apiFetch('notifications', { query: { limit: 8 } });
      setItems(res.items);
      setUnread(res.unread);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
    return subscribeLive('notification', () => void load());
  }, [load]);

  async function open(n: Notice) {
    setOpened(false);
    if (!n.readAt) {
      await apiFetch(`notifications/${n.id}/read`, { method: 'POST' }).catch(() => undefined);
      void load();
    }
    if (n.link) router.push(n.link);
  }

  async function markAll() {
    await apiFetch('notifications/read-all', { method: 'POST' }).catch(() => undefined);
    void load();
  }

  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      color="red.8"
      disabled={unread === 0}
      offset={4}
      styles={{ indicator: { fontWeight: 700, pointerEvents: 'none' } }}
      data-testid="bell-count"
      data-count={unread}
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray.8" size="lg" aria-label={t.bell.label(unread)} onClick={() => setOpened((o) => !o)}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
          <Group justify="space-between" px="sm" py="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Text fw={700} size="sm">
              {t.bell.title}
            </Text>
            <Button variant="subtle" size="compact-xs" onClick={markAll} disabled={unread === 0}>
              {t.bell.markAll}
            </Button>
          </Group>
          <ScrollArea.Autosize mah={380}>
            {failed && (
              <Text size="sm" c="red.9" p="sm" role="alert">
                {t.bell.loadFailed}
              </Text>
            )}
            {!failed && items.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                {t.bell.empty}
              </Text>
            )}
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t.bell.title}>
              {items.map((n) => (
                <Box component="li" key={n.id} bg={n.readAt ? undefined : 'blue.0'} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                  <UnstyledButton onClick={() => open(n)} w="100%" px="sm" py={8} data-testid="bell-item">
                    <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
                      <Text size="sm" fw={n.readAt ? 500 : 700} style={{ overflowWrap: 'anywhere' }}>
                        {n.title}
                      </Text>
                      {!n.readAt && (
                        <Badge size="xs" color="blue.8" variant="filled" style={{ flexShrink: 0 }}>
                          {t.bell.unread}
                        </Badge>
                      )}
                    </Group>
                    {n.body && (
                      <Text size="xs" c="gray.7" lineClamp={2}>
                        {n.body}
                      </Text>
                    )}
                    <Text size="xs" c="gray.7">
                      <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    </Text>
                  </UnstyledButton>
                </Box>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Box px="sm" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Anchor component={Link} href="/notificaciones" size="sm" onClick={() => setOpened(false)}>
              {t.bell.seeAll}
            </Anchor>
          </Box>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
