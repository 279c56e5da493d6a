import { Alert, Anchor, DataList, DataListItem, DataListItemLabel, DataListItemValue, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { StateBadge } from '@/components/tickets/badges';
import { AttachmentLinks, Conversation } from '@/components/tickets/conversation';
import { FormAnswers } from '@/components/tickets/form-answers';
import { LiveRefresh } from '@/components/tickets/live-refresh';
import { ReplyComposer } from '@/components/tickets/reply-composer';
import { authorise } from '@/lib/authorise';
import { can } from '@/lib/permissions';
import { formatDateTime } from '@/lib/format';
import { requesterActions } from '@/lib/ticket-actions';
import { loadAttachments, loadConversation, loadTicket } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';
import { ApprovalCard } from './approval-card';
import { RequesterActions } from './requester-actions';

const t = messages.requester;

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: t.title };

export default async function RequesterTicketPage({ params, searchParams }: Props) {
  // A designated approver may hold only staff roles (a director heading a unit): the e-mailed
  // approval link brings them here, so the page lets them in for the tickets they approve.
  const { me, allowed } = await authorise('tickets.request');
  if (!allowed && !can(me, 'tickets.use')) return <Forbidden />;
  const { id } = await params;
  const ticket = await loadTicket(id);
  if (!allowed && ticket.approverId !== me.id) return <Forbidden />;
  const [allArticles, allAttachments] = await Promise.all([loadConversation(ticket.id), loadAttachments(ticket.id)]);
  // The API gives a staff reader (a director approving from the e-mailed link) the internal notes
  // too; this is the requester's view of the ticket, so it shows what the requester sees.
  const internalIds = new Set(allArticles.filter((a) => a.kind === 'internal').map((a) => a.id));
  const articles = allArticles.filter((a) => !internalIds.has(a.id));
  const attachments = allAttachments.filter((f) => !f.articleId || !internalIds.has(f.articleId));
  const actions = requesterActions(ticket.state);
  const query = await searchParams;
  const attachmentFailed = query.aviso === 'adjunto';
  const intent = query.decision === 'aprobar' || query.decision === 'rechazar' ? query.decision : null;
  const awaitingApproval = ticket.approvalStatus === 'pending';
  const approver = awaitingApproval && ticket.approverId === me.id;
  // An approver or a colleague of the unit may read the ticket; only its requester acts on it.
  const own = ticket.requesterId === me.id;

  return (
    <Stack gap="lg" maw={900}>
      {allowed ? (
        <AnchorLink href="/solicitante">{t.detailBack}</AnchorLink>
      ) : (
        <AnchorLink href="/agente/requiere-accion">{messages.notifications.myAction.back}</AnchorLink>
      )}
      <Stack gap={6}>
        <Group gap="sm">
          <Text fw={600} c="dimmed" data-testid="ticket-number">
            {ticket.number}
          </Text>
          <StateBadge state={ticket.state} size="lg" />
        </Group>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {ticket.title}
        </Title>
        <LiveRefresh ticketId={ticket.id} selfId={me.id} announcement={t.ticketRefreshed} />
      </Stack>

      {attachmentFailed && (
        <Alert color="yellow" variant="light" role="status">
          {t.attachmentFailed(ticket.number)}
        </Alert>
      )}

      {awaitingApproval && !approver && ticket.requesterId === me.id && (
        <Alert color="blue" variant="light" data-testid="awaiting-approval">
          {t.awaitingApproval}
        </Alert>
      )}

      {approver && <ApprovalCard ticketId={ticket.id} version={ticket.version} intent={intent} />}

      {own && ticket.state === 'pending' && ticket.pendingReason === 'requester' && (
        <Paper
          withBorder
          p="lg"
          radius="md"
          component="section"
          aria-labelledby="solicitud-espera"
          bg="orange.0"
          style={{ borderLeft: '4px solid var(--mantine-color-orange-8)' }}
          data-testid="awaiting-reply"
        >
          <Title order={2} size="h3" id="solicitud-espera" mb="xs">
            {messages.ticketPage.awaitingReply}
          </Title>
          <Text mb="xs">{messages.ticketPage.awaitingReplyIntro}</Text>
          <Anchor href="#solicitud-responder" fw={600} c="blue.9">
            {messages.ticketPage.goToReply}
          </Anchor>
        </Paper>
      )}

      {/* What waits for the requester comes first: confirming or rejecting the solution. */}
      {own && <RequesterActions ticketId={ticket.id} version={ticket.version} state={ticket.state} part="resolution" solution={ticket.solution} />}

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="solicitud-datos">
        <Title order={2} size="h3" id="solicitud-datos" mb="sm">
          {own ? t.yourRequest : t.requestOf(ticket.names.requester)}
        </Title>
        <DataList labelWidth={160} mb="md">
          <DataListItem>
            <DataListItemLabel>{t.detailState}</DataListItemLabel>
            <DataListItemValue data-testid="ticket-state">
              {messages.tickets.states[ticket.state]}
              {ticket.state === 'pending' && ticket.pendingReason ? ` · ${messages.tickets.pendingReasons[ticket.pendingReason]}` : ''}
            </DataListItemValue>
          </DataListItem>
          <DataListItem>
            <DataListItemLabel>{t.type}</DataListItemLabel>
            <DataListItemValue>{messages.tickets.types[ticket.type]}</DataListItemValue>
          </DataListItem>
          <DataListItem>
            <DataListItemLabel>{t.service_}</DataListItemLabel>
            <DataListItemValue>{ticket.names.service ?? t.noService}</DataListItemValue>
          </DataListItem>
          <DataListItem>
            <DataListItemLabel>{t.opened}</DataListItemLabel>
            <DataListItemValue>
              <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt)}</time>
            </DataListItemValue>
          </DataListItem>
        </DataList>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{ticket.description}</Text>
        <AttachmentLinks items={attachments.filter((a) => !a.articleId)} />
      </Paper>

      <FormAnswers ticket={ticket} headingId="solicitud-formulario" headingSize="h3" padding="lg" attachments={attachments} />

      {/* The final solution stays in view once the request is closed (it is also in the conversation). */}
      {ticket.solution && (ticket.state === 'closed' || (ticket.state === 'resolved' && !own)) && (
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="solicitud-solucion" bg="teal.0">
          <Title order={2} size="h3" id="solicitud-solucion" mb="sm">
            {ticket.state === 'closed' ? messages.ticketPage.finalSolution : t.solutionTitle}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="ticket-solution">
            {ticket.solution}
          </Text>
        </Paper>
      )}

      <section aria-labelledby="solicitud-conversacion">
        <Title order={2} size="h3" id="solicitud-conversacion" mb="sm">
          {t.conversation}
        </Title>
        <Conversation
          articles={articles}
          attachments={attachments}
          showKind={false}
          emptyText={t.noReplies}
          authorOf={(a) => (a.authorId === me.id ? t.you : a.authorId === ticket.requesterId ? ticket.names.requester : t.desk)}
        />
      </section>

      {actions.reply && allowed ? (
        <ReplyComposer
          ticketId={ticket.id}
          headingId="solicitud-responder"
          texts={{ heading: t.reply, label: t.reply, hint: t.replyHint, send: t.sendReply, sent: t.replySent, required: t.required }}
        />
      ) : (
        allowed && <Text c="dimmed">{t.closedNote}</Text>
      )}
      {own && <RequesterActions ticketId={ticket.id} version={ticket.version} state={ticket.state} part="cancel" />}
    </Stack>
  );
}
