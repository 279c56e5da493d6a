import { Group, Text } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';

type Props = {
  summary: string;
  label: string;
  previous?: { href: string; text: string };
  next?: { href: string; text: string };
};

export function Pager({ summary, label, previous, next }: Props) {
  return (
    <Group justify="space-between" gap="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {summary}
      </Text>
      {(previous || next) && (
        <Group component="nav" aria-label={label} gap="md">
          {previous && <AnchorLink href={previous.href}>{previous.text}</AnchorLink>}
          {next && <AnchorLink href={next.href}>{next.text}</AnchorLink>}
        </Group>
      )}
    </Group>
  );
}
