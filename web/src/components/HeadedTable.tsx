import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScrollTable } from './ScrollTable.tsx';

/** A striped table with one header row of column names, scrolling sideways on narrow screens. */
export function HeadedTable({
  label,
  minWidth,
  columns,
  testId,
  children,
}: {
  label: string;
  minWidth: number;
  columns: string[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <ScrollTable label={label} minWidth={minWidth}>
      <Table striped verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
