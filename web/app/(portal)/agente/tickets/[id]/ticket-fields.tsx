import { DataList, DataListItem, DataListItemLabel, DataListItemValue, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/format';
import type { Ticket } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const w = messages.workspace;
const f = w.fields;
const tk = messages.tickets;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListItemLabel>{label}</DataListItemLabel>
      <DataListItemValue style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{children}</DataListItemValue>
    </DataListItem>
  );
}

export function TicketFields({ ticket }: { ticket: Ticket }) {
  const n = ticket.names;
  const formal = ticket.channel === 'letter' || ticket.channel === 'e_signature';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-datos">
      <Title order={2} size="h4" id="ticket-datos" mb="sm">
        {w.details}
      </Title>
      <DataList labelWidth={150} data-testid="ticket-fields">
        <Row label={f.requester}>{n.requester}</Row>
        <Row label={f.organisation}>{n.organisation ?? messages.common.none}</Row>
        <Row label={f.service}>{n.service ?? messages.common.none}</Row>
        <Row label={f.type}>{tk.types[ticket.type]}</Row>
        <Row label={f.impact}>{tk.levels[ticket.impact]}</Row>
        <Row label={f.urgency}>{tk.levels[ticket.urgency]}</Row>
        <Row label={f.priority}>{tk.priorities[ticket.priority]}</Row>
        <Row label={f.team}>{n.team ?? messages.history.unassignedTeam}</Row>
        <Row label={f.assignee}>{n.assignee ?? messages.history.unassigned}</Row>
        <Row label={f.level}>{ticket.supportLevel ? messages.supportLevels[ticket.supportLevel] : messages.common.none}</Row>
        <Row label={f.channel}>{tk.channels[ticket.channel]}</Row>
        <Row label={f.createdBy}>{n.createdBy}</Row>
        <Row label={f.createdAt}>
          <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt)}</time>
        </Row>
        {ticket.pendingReason && <Row label={f.pendingReason}>{tk.pendingReasons[ticket.pendingReason]}</Row>}
        {ticket.pendingUntil && (
          <Row label={messages.ticketPage.pendingUntilShown}>
            <time dateTime={ticket.pendingUntil}>{formatDateTime(ticket.pendingUntil)}</time>
          </Row>
        )}
        {(formal || ticket.letterNumber) && <Row label={f.letterNumber}>{ticket.letterNumber ?? messages.common.none}</Row>}
        {formal && <Row label={f.letterAnswer}>{ticket.letterAnswer ?? messages.common.none}</Row>}
        {ticket.proposedSolution && <Row label={f.proposedSolution}>{ticket.proposedSolution}</Row>}
        {ticket.solution && <Row label={f.solution}>{ticket.solution}</Row>}
        {ticket.closeReason && <Row label={f.closeReason}>{ticket.closeReason}</Row>}
        {ticket.reopenCount > 0 && <Row label={f.reopenCount}>{String(ticket.reopenCount)}</Row>}
      </DataList>
      {ticket.isMajor && (
        <Text size="sm" c="red.9" fw={600} mt="sm">
          {tk.major}
        </Text>
      )}
    </Paper>
  );
}
