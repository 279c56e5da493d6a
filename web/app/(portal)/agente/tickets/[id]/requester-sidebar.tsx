import { Anchor, Badge, DataList, DataListItem, DataListItemLabel, DataListItemValue, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '@/lib/api-types';
import { StateBadge } from '@/components/tickets/badges';
import { formatDateTime } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const s = messages.ticketPage.sidebar;

export type RequesterContext = Schemas['RequesterContext'];
type Brief = RequesterContext['openTickets'][number];

function TicketList({ items, label }: { items: Brief[]; label: string }) {
  return (
    <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={label}>
      {items.map((x) => (
        <li key={x.id}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <StateBadge state={x.state} size="sm" />
            <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              <Anchor href={`/agente/tickets/${x.id}`} fw={600} size="sm">
                {x.number}
              </Anchor>{' '}
              {x.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" ml={4}>
            <time dateTime={x.createdAt}>{formatDateTime(x.createdAt)}</time>
          </Text>
        </li>
      ))}
    </Stack>
  );
}

/** Who asked (GET /tickets/:id/requester-context): contact data, organisation, VIP mark, their other tickets. */
export function RequesterSidebar({ context }: { context: RequesterContext }) {
  const r = context.requester;
  const more = context.openTotal - context.openTickets.length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-solicitante" data-testid="requester-sidebar">
      <Title order={2} size="h4" id="ticket-solicitante" mb="xs">
        {s.title}
      </Title>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {r.fullName}
          </Text>
          {r.isVip && (
            <Badge color="grape.8" radius="sm" tt="none" title={s.vipHint} data-testid="requester-vip">
              {s.vip}
            </Badge>
          )}
          {!r.isActive && (
            <Badge color="gray.3" c="dark.7" radius="sm" tt="none">
              {s.inactive}
            </Badge>
          )}
        </Group>
        <DataList labelWidth={120}>
          <DataListItem>
            <DataListItemLabel>{s.email}</DataListItemLabel>
            <DataListItemValue style={{ overflowWrap: 'anywhere' }}>
              <Anchor href={`mailto:${r.email}`} size="sm">
                {r.email}
              </Anchor>
            </DataListItemValue>
          </DataListItem>
          <DataListItem>
            <DataListItemLabel>{s.phone}</DataListItemLabel>
            <DataListItemValue>
              {r.phone ? (
                <Anchor href={`tel:${r.phone}`} size="sm">
                  {r.phone}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed" span>
                  {s.noPhone}
                </Text>
              )}
            </DataListItemValue>
          </DataListItem>
          <DataListItem>
            <DataListItemLabel>{s.organisation}</DataListItemLabel>
            <DataListItemValue style={{ overflowWrap: 'anywhere' }}>{r.organisation ?? s.noOrganisation}</DataListItemValue>
          </DataListItem>
          {r.unit && (
            <DataListItem>
              <DataListItemLabel>{s.unit}</DataListItemLabel>
              <DataListItemValue style={{ overflowWrap: 'anywhere' }}>{r.unit}</DataListItemValue>
            </DataListItem>
          )}
        </DataList>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {context.openTotal > 0 ? s.open(context.openTotal) : s.otherOpen}
          </Text>
          {context.openTickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {s.noOpen}
            </Text>
          ) : (
            <TicketList items={context.openTickets} label={s.otherOpen} />
          )}
          {more > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {s.more(more)}
            </Text>
          )}
        </div>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {s.recent}
          </Text>
          {context.recentTickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {s.noRecent}
            </Text>
          ) : (
            <TicketList items={context.recentTickets} label={s.recent} />
          )}
        </div>
      </Stack>
    </Paper>
  );
}
