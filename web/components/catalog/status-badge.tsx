import { Badge, type MantineColor } from '@mantine/core';
import { messages } from '@/messages/es-MX';

// Same contrast rule as the ticket badges: the label carries the meaning, colours pass 4.5:1.
const STATUS_COLORS: Record<string, MantineColor> = { draft: 'yellow.3', active: 'teal.9', retired: 'gray.7' };

export function ServiceStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray.7'} radius="sm" tt="none" style={{ minWidth: 'max-content', flexShrink: 0 }} data-status={status}>
      {messages.catalogAdmin.statuses[status] ?? status}
    </Badge>
  );
}
