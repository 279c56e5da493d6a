import { Anchor, Grid, GridCol, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { AttachmentLinks, Conversation } from '@/components/tickets/conversation';
import { FormAnswers } from '@/components/tickets/form-answers';
import { LiveRefresh } from '@/components/tickets/live-refresh';
import { ReplyComposer } from '@/components/tickets/reply-composer';
import { authorise } from '@/lib/authorise';
import { isOpen } from '@/lib/tickets';
import { loadAttachments, loadConversation, loadHistory, loadServices, loadTeams, loadTicket, loadUserNames, optionalGet } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';
import { AgentShortcuts } from './agent-shortcuts';
import { HistoryTimeline } from './history-timeline';
import { type RequesterContext, RequesterSidebar } from './requester-sidebar';
import { TicketActions } from './ticket-actions';
import { TicketFields } from './ticket-fields';
import { TicketHeader } from './ticket-header';
import { type LinkItem, TicketLinks } from './ticket-links';

const w = messages.workspace;

export const metadata: Metadata = { title: messages.agent.title };

type Props = { params: Promise<{ id: string }> };

export default async function TicketWorkspacePage({ params }: Props) {
  const { me, allowed } = await authorise('tickets.work');
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  const ticket = await loadTicket(id);
  const [articles, history, attachments, teams, services, requester, links] = await Promise.all([
    loadConversation(ticket.id),
    loadHistory(ticket.id),
    loadAttachments(ticket.id),
    loadTeams(),
    loadServices(),
    optionalGet<RequesterContext>(`tickets/${ticket.id}/requester-context`),
    optionalGet<{ items: LinkItem[] }>(`tickets/${ticket.id}/links`),
  ]);
  const people = [
    ...articles.map((a) => a.authorId),
    ...history.map((h) => h.actorId),
    ...history.filter((h) => h.field === 'assigneeId').flatMap((h) => [h.oldValue, h.newValue].filter((v): v is string => typeof v === 'string')),
  ];
  const names = await loadUserNames(people);
  // The ticket's own names are known even when the user lookup is not.
  if (ticket.assigneeId && ticket.names.assignee) names[ticket.assigneeId] ??= ticket.names.assignee;
  names[ticket.requesterId] ??= ticket.names.requester;
  names[ticket.createdById] ??= ticket.names.createdBy;
  const teamNames = Object.fromEntries(teams.map((t) => [t.id, t.name]));
  if (ticket.teamId && ticket.names.team) teamNames[ticket.teamId] ??= ticket.names.team;
  const userName = (userId: string) => names[userId] ?? w.unknownUser;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <AnchorLink href="/agente">{w.back}</AnchorLink>
        <AgentShortcuts />
      </Group>
      <TicketHeader ticket={ticket} now={Date.now()} />
      {/* On narrow screens the actions panel comes after the conversation: a shortcut to it. */}
      <Anchor href="#ticket-acciones" hiddenFrom="lg" size="sm">
        {w.jumpToActions}
      </Anchor>
      <LiveRefresh ticketId={ticket.id} selfId={me.id} announcement={w.updatedElsewhere} />
      <Grid gap="md">
        <GridCol span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-descripcion">
              <Title order={2} size="h4" id="ticket-descripcion" mb="xs">
                {w.description}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{ticket.description}</Text>
              <AttachmentLinks items={attachments.filter((a) => !a.articleId)} />
            </Paper>
            <FormAnswers ticket={ticket} headingId="ticket-formulario" headingSize="h4" padding="md" attachments={attachments} />
            <section aria-labelledby="ticket-conversacion">
              <Title order={2} size="h4" id="ticket-conversacion" mb="xs">
                {w.conversation}
              </Title>
              <Conversation
                articles={articles}
                attachments={attachments}
                emptyText={w.noArticles}
                authorOf={(a) => (a.authorId ? userName(a.authorId) : w.system)}
              />
            </section>
            <ReplyComposer
              ticketId={ticket.id}
              headingId="ticket-composer"
              staff
              texts={{
                heading: w.composer,
                label: w.publicReply,
                hint: w.composerPublicHint,
                send: w.sendPublic,
                sent: w.sent,
                required: w.required,
              }}
            />
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-historial">
              <Title order={2} size="h4" id="ticket-historial" mb="sm">
                {w.history}
              </Title>
              <HistoryTimeline items={history} ctx={{ userName, teamName: (teamId) => teamNames[teamId] ?? teamId }} />
            </Paper>
          </Stack>
        </GridCol>
        <GridCol span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <TicketActions
              ticket={ticket}
              me={{ id: me.id, roles: me.roles }}
              teams={teams}
              services={services.filter((s) => s.status === 'active' || s.id === ticket.serviceId).map((s) => ({ value: s.id, label: s.name }))}
            />
            {requester && <RequesterSidebar context={requester} />}
            <TicketFields ticket={ticket} />
            <TicketLinks
              ticketId={ticket.id}
              version={ticket.version}
              links={links?.items ?? []}
              mayMerge={isOpen(ticket.state) || ticket.state === 'resolved'}
            />
          </Stack>
        </GridCol>
      </Grid>
    </Stack>
  );
}
