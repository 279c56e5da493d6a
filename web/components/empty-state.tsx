import { EmptyState, Paper } from '@mantine/core';
import { InboxIcon } from './icons';

export function EmptyMessage({ title, description }: { title: string; description: string }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <EmptyState title={title} description={description} icon={<InboxIcon />} variant="light" />
    </Paper>
  );
}
