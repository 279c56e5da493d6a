// Server component: compound members (Timeline.Item) are not reachable through a client
// reference, so the named export is used.
import { Text, Timeline, TimelineItem } from '@mantine/core';
import { formatDateTime } from '@/lib/format';
import { describeHistory, type HistoryContext } from '@/lib/ticket-history';
import type { HistoryItem } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const h = messages.history;

export function HistoryTimeline({ items, ctx }: { items: HistoryItem[]; ctx: HistoryContext }) {
  if (items.length === 0) return <Text c="dimmed">{messages.workspace.noHistory}</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} color="blue.8" active={items.length - 1} data-testid="history">
      {items.map((item) => (
        <TimelineItem
          key={item.id}
          title={
            <Text size="sm" fw={600} component="span">
              {describeHistory(item, ctx)}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            <time dateTime={item.at}>{formatDateTime(item.at)}</time> {h.by(item.actorId ? ctx.userName(item.actorId) : messages.workspace.system)}
          </Text>
          {item.reason && (
            <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
              {h.reason}: {item.reason}
            </Text>
          )}
        </TimelineItem>
      ))}
    </Timeline>
  );
}
