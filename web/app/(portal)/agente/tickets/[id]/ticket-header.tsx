import { Group, Stack, Text, Title } from '@mantine/core';
import { MajorBadge, PriorityBadge, StateBadge } from '@/components/tickets/badges';
import { formatDateTime } from '@/lib/format';
import { isOpen, type Ticket } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const w = messages.workspace;

export function TicketHeader({ ticket, now }: { ticket: Ticket; now: number }) {
  const due = ticket.resolutionDueAt;
  const overdue = Boolean(due) && isOpen(ticket.state) && Date.parse(due!) < now;
  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="wrap">
        <Text fw={700} c="dimmed" data-testid="ticket-number">
          {ticket.number}
        </Text>
        <StateBadge state={ticket.state} size="lg" />
        <PriorityBadge priority={ticket.priority} size="lg" />
        {ticket.isMajor && <MajorBadge />}
        {ticket.state === 'pending' && ticket.pendingReason && <Text size="sm">{messages.tickets.pendingReasons[ticket.pendingReason]}</Text>}
      </Group>
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {ticket.title}
      </Title>
      <Text size="sm" c={overdue ? 'red.9' : 'dimmed'} fw={overdue ? 700 : undefined} data-testid="ticket-due">
        {due ? (
          <>
            {overdue ? w.overdue : w.due}: <time dateTime={due}>{formatDateTime(due)}</time>
          </>
        ) : (
          w.noDue
        )}
      </Text>
    </Stack>
  );
}
