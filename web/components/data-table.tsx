'use client';

import { Table, Text } from '@mantine/core';
import { ListTable } from './list-table';

export type Column = { key: string; label: string };
export type Row = { id: string; cells: Record<string, string> };

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
              {columns.map((column) => (
                <Table.Td key={column.key}>{row.cells[column.key] ?? ''}</Table.Td>
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
