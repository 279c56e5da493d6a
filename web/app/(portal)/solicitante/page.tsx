import { Badge, Group, Stack, TableTd, TableTr, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { ButtonLink } from '@/components/button-link';
import { EmptyMessage } from '@/components/empty-state';
import { Forbidden } from '@/components/forbidden';
import { ListTable } from '@/components/list-table';
import { StateBadge } from '@/components/tickets/badges';
import { LiveRefresh } from '@/components/tickets/live-refresh';
import { Pager } from '@/components/tickets/pager';
import type { Page } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { formatDateTime } from '@/lib/format';
import { requiredGet } from '@/lib/tickets-server';
import type { TicketListItem } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const t = messages.requester;
const PAGE_SIZE = 25;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RequesterHomePage({ searchParams }: Props) {
  const { me, allowed } = await authorise('tickets.request');
  if (!allowed) return <Forbidden />;
  const raw = Number((await searchParams).page);
  const pageNumber = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const page = await requiredGet<Page<TicketListItem>>('tickets', {
    view: 'mine',
    sort: '-updated',
    page: pageNumber,
    pageSize: PAGE_SIZE,
  });
  const from = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const to = (page.page - 1) * page.pageSize + page.items.length;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t.title}</Title>
        {/* A plain link styled as a button: navigation, not an action. */}
        <ButtonLink href="/solicitante/nueva">{t.newRequest}</ButtonLink>
      </Group>
      <LiveRefresh selfId={me.id} announcement={t.refreshed} />
      {page.total === 0 ? (
        <EmptyMessage title={t.emptyTitle} description={t.emptyDescription} />
      ) : (
        <>
          <ListTable caption={t.caption} minWidth={560} verticalSpacing="sm" headers={[t.number, t.subject, t.state, t.updated]} stackOnPhone>
            {page.items.map((ticket) => (
              <TableTr key={ticket.id} data-ticket-number={ticket.number}>
                <TableTd data-label={t.number}>
                  <AnchorLink href={`/solicitante/tickets/${ticket.id}`} fw={600}>
                    {ticket.number}
                  </AnchorLink>
                </TableTd>
                <TableTd data-label={t.subject}>{ticket.title}</TableTd>
                <TableTd data-label={t.state}>
                  <Group gap={6} wrap="wrap">
                    <StateBadge state={ticket.state} />
                    {/* What waits for the requester: confirming a solution, or an answer the desk asked for. */}
                    {ticket.state === 'resolved' && (
                      <Badge color="orange.1" c="orange.9" radius="sm" tt="none" style={{ minWidth: 'max-content' }} data-testid="awaiting-you">
                        {messages.ticketPage.awaitingConfirmation}
                      </Badge>
                    )}
                    {ticket.state === 'pending' && ticket.pendingReason === 'requester' && (
                      <Badge color="orange.1" c="orange.9" radius="sm" tt="none" style={{ minWidth: 'max-content' }} data-testid="awaiting-you">
                        {messages.ticketPage.awaitingReply}
                      </Badge>
                    )}
                  </Group>
                </TableTd>
                <TableTd data-label={t.updated}>
                  <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt)}</time>
                </TableTd>
              </TableTr>
            ))}
          </ListTable>
          <Pager
            summary={messages.admin.summary(from, to, page.total)}
            label={messages.admin.pagination}
            previous={page.page > 1 ? { href: `/solicitante?page=${page.page - 1}`, text: messages.admin.previous } : undefined}
            next={to < page.total ? { href: `/solicitante?page=${page.page + 1}`, text: messages.admin.next } : undefined}
          />
        </>
      )}
    </Stack>
  );
}
