'use client';

import { Table, Text } from '@mantine/core';

export type Column = { key: string; label: string };
export type Row = { id: string; cells: Record<string, string> };

type Props = {
  caption: string;
  columns: Column[];
  rows: Row[];
  emptyText: string;
  summary?: string;
};

/**
 * A read-only table. The scroll container is focusable and named so that keyboard users can
 * scroll a wide table (axe: scrollable-region-focusable).
 */
export function DataTable({ caption, columns, rows, emptyText, summary }: Props) {
  return (
    <>
      <Table.ScrollContainer
        type="native"
        minWidth={640}
        tabIndex={0}
        role="region"
        aria-label={caption}
      >
        <Table striped highlightOnHover withTableBorder captionSide="top" bg="white">
          <Table.Caption ta="left" fw={600}>
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col">
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {summary && (
        <Text size="sm" c="dimmed" mt="xs">
          {summary}
        </Text>
      )}
    </>
  );
}
