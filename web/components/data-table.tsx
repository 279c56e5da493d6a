'use client';

import { Table, Text } from '@mantine/core';
import { AnchorLink } from './anchor-link';
import { ListTable } from './list-table';

export type Column = { key: string; label: string };
/** `href`: the row's own page, linked from its first cell. */
export type Row = { id: string; cells: Record<string, string>; href?: string; linkLabel?: string };

type Props = {
  caption: string;
  columns: Column[];
  rows: Row[];
  emptyText: string;
  summary?: string;
};

/** A read-only table of plain-text cells, with a row that says so when there are none. */
export function DataTable({ caption, columns, rows, emptyText, summary }: Props) {
  return (
    <>
      <ListTable caption={caption} minWidth={640} headers={columns.map((column) => column.label)} highlightOnHover>
        {rows.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>{emptyText}</Table.Td>
          </Table.Tr>
        ) : (
          rows.map((row) => (
            <Table.Tr key={row.id}>
              {columns.map((column, i) => (
                <Table.Td key={column.key}>
                  {i === 0 && row.href ? (
                    <AnchorLink href={row.href} fw={600} aria-label={row.linkLabel}>
                      {row.cells[column.key] ?? ''}
                    </AnchorLink>
                  ) : (
                    (row.cells[column.key] ?? '')
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))
        )}
      </ListTable>
      {summary && (
        <Text size="sm" c="dimmed" mt="xs">
          {summary}
        </Text>
      )}
    </>
  );
}
