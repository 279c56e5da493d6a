import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import type { Page } from '@/lib/api-types';
import { messages } from '@/messages/es-MX';
import { DataTable, type Column, type Row } from './data-table';

type Props = {
  title: string;
  caption: string;
  basePath: string;
  columns: Column[];
  rows: Row[];
  page: Page<unknown>;
  /** Beside the title (a "new" button). */
  actions?: ReactNode;
  /** Above the table (filters). */
  before?: ReactNode;
  /** Query the pager keeps (filters), without `page`. */
  query?: string;
};

export function AdminListPage({ title, caption, basePath, columns, rows, page, actions, before, query }: Props) {
  const pageHref = (n: number) => `${basePath}?${query ? `${query}&` : ''}page=${n}`;
  const from = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const to = Math.min(page.total, (page.page - 1) * page.pageSize + page.items.length);
  const hasPrevious = page.page > 1;
  const hasNext = page.page * page.pageSize < page.total;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1}>{title}</Title>
        {actions}
      </Group>
      {before}
      <DataTable caption={caption} columns={columns} rows={rows} emptyText={messages.admin.empty} summary={messages.admin.summary(from, to, page.total)} />
      {(hasPrevious || hasNext) && (
        <Group component="nav" aria-label={messages.admin.pagination} gap="md">
          {hasPrevious && <AnchorLink href={pageHref(page.page - 1)}>{messages.admin.previous}</AnchorLink>}
          {hasNext && <AnchorLink href={pageHref(page.page + 1)}>{messages.admin.next}</AnchorLink>}
        </Group>
      )}
    </Stack>
  );
}
