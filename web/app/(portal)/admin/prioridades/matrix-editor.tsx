'use client';

import { Alert, Button, Group, Select, Stack, TableTd, TableTh, TableTr } from '@mantine/core';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ListTable } from '@/components/list-table';
import { apiFetch, ApiError } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { Schemas } from '@/lib/api-types';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.admin.priorityMatrix;
const LEVELS = ['high', 'medium', 'low'] as const;
type Level = (typeof LEVELS)[number];
type Matrix = Schemas['PriorityMatrix']['matrix'];
type Priority = Matrix['high']['high'];
const PRIORITY_OPTIONS = (['critical', 'high', 'medium', 'low'] as const).map((p) => ({ value: p, label: messages.tickets.priorities[p] }));
const impactLabel = (l: Level) => t.impactLevels[l];
const urgencyLabel = (l: Level) => t.urgencyLevels[l];

/** The impact × urgency grid; the API refuses a matrix where more impact or urgency lowers priority and names the cell. */
export function MatrixEditor({ initial }: { initial: Matrix }) {
  const hydrated = useHydrated();
  const [matrix, setMatrix] = useState<Matrix>(initial);
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const cells = LEVELS.flatMap((impact) => LEVELS.map((urgency) => ({ impact, urgency, priority: matrix[impact][urgency] })));

  const save = async () => {
    setBusy(true);
    setError('');
    setNotice('');
    setCellErrors({});
    try {
      const saved = await apiFetch('priority-matrix', { method: 'PUT', body: { cells } });
      setMatrix(saved.matrix);
      setNotice(t.saved);
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      const marked: Record<string, string> = {};
      if (e instanceof ApiError) {
        for (const fe of e.errors) {
          const index = /^cells\.(\d+)\.priority$/.exec(fe.field)?.[1];
          if (index !== undefined && cells[Number(index)]) marked[`${cells[Number(index)].impact}.${cells[Number(index)].urgency}`] = fe.message;
        }
      }
      setCellErrors(marked);
      setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <ListTable caption={t.caption} minWidth={340} headers={[t.corner, ...LEVELS.map((u) => `${t.urgency} ${urgencyLabel(u)}`)]} data-testid="priority-matrix">
        {LEVELS.map((impact) => (
          <TableTr key={impact}>
            <TableTh scope="row">
              {t.impact} {impactLabel(impact)}
            </TableTh>
            {LEVELS.map((urgency) => (
              <TableTd key={urgency}>
                <Select
                  aria-label={t.cellLabel(impactLabel(impact), urgencyLabel(urgency))}
                  data={PRIORITY_OPTIONS}
                  value={matrix[impact][urgency]}
                  allowDeselect={false}
                  error={cellErrors[`${impact}.${urgency}`]}
                  onChange={(value) => {
                    if (!value) return;
                    setNotice('');
                    setMatrix((m) => ({ ...m, [impact]: { ...m[impact], [urgency]: value as Priority } }));
                  }}
                  data-cell={`${impact}.${urgency}`}
                />
              </TableTd>
            ))}
          </TableTr>
        ))}
      </ListTable>
      <FormAlert message={error} />
      {notice && (
        <Alert color="teal" variant="light" role="status">
          {notice}
        </Alert>
      )}
      <Group>
        <Button onClick={save} loading={busy} disabled={!hydrated}>
          {t.save}
        </Button>
      </Group>
    </Stack>
  );
}
