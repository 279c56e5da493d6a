import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDateTime } from '@/lib/format';
import type { Article, AttachmentItem } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';
import { AttachmentList } from './attachment-list';

type Props = {
  articles: Article[];
  /** Who wrote each article, already resolved for the audience. */
  authorOf: (article: Article) => string;
  attachments?: AttachmentItem[];
  emptyText: string;
  /** Requesters only ever see public replies: no need to label them. */
  showKind?: boolean;
};

/** Files with their size; images and PDFs can be previewed in the page. */
export function AttachmentLinks({ items }: { items: AttachmentItem[] }) {
  return <AttachmentList items={items} />;
}

/**
 * Public replies and internal notes in order; internal notes are tinted and labelled in text.
 * Entries an action wrote (an escalation's reason, the solution, a rejection) say which.
 */
export function Conversation({ articles, authorOf, attachments = [], emptyText, showKind = true }: Props) {
  if (articles.length === 0) {
    return <Text c="dimmed">{emptyText}</Text>;
  }
  return (
    <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {articles.map((article) => {
        const internal = article.kind === 'internal';
        const files = [...(article.attachments ?? []), ...attachments.filter((a) => a.articleId === article.id)];
        const unique = files.filter((f, i) => files.findIndex((g) => g.id === f.id) === i);
        return (
          <li key={article.id} data-article-kind={article.kind} data-article-origin={article.origin ?? undefined}>
            <Paper
              withBorder
              p="md"
              radius="md"
              bg={internal ? 'yellow.0' : 'white'}
              style={internal ? { borderLeft: '4px solid var(--mantine-color-yellow-8)' } : undefined}
            >
              <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {authorOf(article)}
                  </Text>
                  {showKind && (
                    <Badge color={internal ? 'yellow.3' : 'blue.0'} radius="sm" tt="none">
                      {internal ? messages.workspace.internalNote : messages.workspace.publicReply}
                    </Badge>
                  )}
                  {article.origin && (
                    <Badge color={article.origin === 'solution' ? 'teal.1' : 'gray.2'} c="dark.7" radius="sm" tt="none" data-article-origin={article.origin}>
                      {messages.ticketPage.origins[article.origin]}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  <time dateTime={article.createdAt}>{formatDateTime(article.createdAt)}</time>
                </Text>
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{article.body}</Text>
              <AttachmentLinks items={unique} />
            </Paper>
          </li>
        );
      })}
    </Stack>
  );
}
