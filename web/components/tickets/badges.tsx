import { Badge, type MantineColor } from '@mantine/core';
import { messages } from '@/messages/es-MX';

// Filled badges whose text passes 4.5:1: dark shades carry white text, light ones black
// (theme autoContrast picks the text colour by luminance). The label, not the colour, carries
// the meaning.
const STATE_COLORS: Record<string, MantineColor> = {
  new: 'blue.8',
  assigned: 'indigo.7',
  in_progress: 'cyan.9',
  pending: 'yellow.3',
  resolved: 'teal.9',
  closed: 'gray.7',
  declined: 'red.9',
  cancelled: 'dark.3',
};

const PRIORITY_COLORS: Record<string, MantineColor> = {
  critical: 'red.9',
  high: 'orange.3',
  medium: 'blue.1',
  low: 'gray.2',
};

// Badges ellipsize by default; a state name cut to "Nue…" says nothing.
const NO_TRUNCATE = { minWidth: 'max-content', flexShrink: 0 } as const;

export function StateBadge({ state, size = 'md' }: { state: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATE_COLORS[state] ?? 'gray.7'} size={size} radius="sm" tt="none" style={NO_TRUNCATE} data-state={state}>
      {messages.tickets.states[state] ?? state}
    </Badge>
  );
}

export function PriorityBadge({ priority, size = 'md' }: { priority: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray.2'} size={size} radius="sm" tt="none" style={NO_TRUNCATE} data-priority={priority}>
      {messages.tickets.priorities[priority] ?? priority}
    </Badge>
  );
}

export function MajorBadge() {
  return (
    <Badge color="red.9" variant="outline" radius="sm" tt="none" style={NO_TRUNCATE}>
      {messages.tickets.major}
    </Badge>
  );
}
