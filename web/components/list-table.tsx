import { Table, TableCaption, TableScrollContainer, TableTbody, TableTh, TableThead, TableTr, type TableProps, type TableThProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column header: its text, or other content (a select-all box) with an optional width. */
export type ListTableHeader = string | { label: ReactNode; w?: TableThProps['w'] };

type Props = Pick<TableProps, 'verticalSpacing' | 'highlightOnHover'> & {
  caption: string;
  /** Below this width the table scrolls inside its region instead of squeezing its columns. */
  minWidth: number;
  headers: readonly ListTableHeader[];
  /** The body rows; each page renders its own cells. */
  children: ReactNode;
  'data-testid'?: string;
  /** On a phone each row becomes a card (cells need `data-label`, see globals.css). */
  stackOnPhone?: boolean;
};

/**
 * The frame every list in the portal shares: a captioned table with column headers inside a
 * scroll region. The region is focusable and named after the caption so that keyboard users
 * can scroll a wide table (axe: scrollable-region-focusable).
 */
export function ListTable({ caption, minWidth, headers, children, stackOnPhone = false, ...table }: Props) {
  return (
    <TableScrollContainer
      type="native"
      minWidth={minWidth}
      tabIndex={0}
      role="region"
      aria-label={caption}
      className={stackOnPhone ? 'list-table-stack' : undefined}
    >
      <Table striped withTableBorder captionSide="top" bg="white" {...table}>
        <TableCaption ta="left" fw={600}>
          {caption}
        </TableCaption>
        <TableThead>
          <TableTr>
            {headers.map((header, i) =>
              typeof header === 'string' ? (
                <TableTh key={i} scope="col">
                  {header}
                </TableTh>
              ) : (
                <TableTh key={i} scope="col" w={header.w}>
                  {header.label}
                </TableTh>
              ),
            )}
          </TableTr>
        </TableThead>
        <TableTbody>{children}</TableTbody>
      </Table>
    </TableScrollContainer>
  );
}
