import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { ButtonLink } from '@/components/button-link';
import { Forbidden } from '@/components/forbidden';
import { MajorBadge, PriorityBadge, StateBadge } from '@/components/tickets/badges';
import { LiveRefresh } from '@/components/tickets/live-refresh';
import { serverApiGet } from '@/lib/api-server';
import { authorise } from '@/lib/authorise';
import { formatDateTime } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.notifications.myAction;
const REASONS = ['approval', 'validate', 'returned', 'reopened', 'assigned'] as const;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "Requiere mi acción": what waits for the signed-in staff member, grouped by why (the API classifies). */
export default async function MyActionPage({ searchParams }: Props) {
  const { me, allowed } = await authorise('tickets.work');
  if (!allowed) return <Forbidden />;
  const query = await searchParams;
  const selected = REASONS.find((r) => r === query.motivo) ?? null;
  const data = await serverApiGet('tickets/my-action');
  const items = selected ? data.items.filter((i) => i.reason === selected) : data.items;
  const total = data.items.length;

  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={1}>{t.title}</Title>
        <Text c="gray.7">{t.intro}</Text>
        <LiveRefresh selfId={me.id} announcement={messages.agent.refreshed} showStatus />
      </Stack>

      <nav aria-label={t.filterLabel}>
        <Group gap="xs" wrap="wrap">
          <ButtonLink href="/agente/requiere-accion" variant={selected ? 'default' : 'filled'} size="sm" aria-current={selected ? undefined : 'page'}>
            {`${t.all} (${total})`}
          </ButtonLink>
          {REASONS.map((r) => (
            <ButtonLink
              key={r}
              href={`/agente/requiere-accion?motivo=${r}`}
              variant={selected === r ? 'filled' : 'default'}
              size="sm"
              aria-current={selected === r ? 'page' : undefined}
              data-testid={`my-action-count-${r}`}
            >
              {`${t.reasons[r]} (${data.counts[r]})`}
            </ButtonLink>
          ))}
        </Group>
      </nav>

      {items.length === 0 ? (
        <Text c="gray.7">{t.empty}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t.caption}>
          {items.map((i) => (
            <Paper component="li" key={i.id} withBorder radius="md" p="sm" data-testid="my-action-item" data-reason={i.reason}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Badge color={i.reason === 'approval' || i.reason === 'validate' ? 'orange.9' : 'blue.9'} tt="none">
                      {t.reasonBadge[i.reason]}
                    </Badge>
                    <Text fw={600} c="gray.7" size="sm">
                      {i.number}
                    </Text>
                    {i.isMajor && <MajorBadge />}
                  </Group>
                  <AnchorLink href={i.reason === 'approval' ? `/solicitante/tickets/${i.id}` : `/agente/tickets/${i.id}`}>
                    <Text component="span" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {i.title}
                    </Text>
                  </AnchorLink>
                  <Text size="sm" c="gray.7">
                    {`${t.requester}: ${i.requesterName}`}
                    {i.teamName ? ` · ${i.teamName}` : ''}
                  </Text>
                </Stack>
                <Stack gap={4} align="flex-end">
                  <Group gap={6} wrap="wrap" justify="flex-end">
                    <PriorityBadge priority={i.priority} size="sm" />
                    <StateBadge state={i.state} size="sm" />
                  </Group>
                  <Text size="xs" c="gray.7">
                    {`${t.due}: `}
                    {i.resolutionDueAt ? <time dateTime={i.resolutionDueAt}>{formatDateTime(i.resolutionDueAt)}</time> : t.noDue}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
