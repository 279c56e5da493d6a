'use client';

import { Alert, Button, Group, List, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { LEVELS, type BulkAction, type BulkResult } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.agent.bulk;
const w = messages.workspace;

type Props = {
  ticketIds: string[];
  numbers: Record<string, string>;
  teams: { value: string; label: string }[];
  onClear: () => void;
};

const levelOptions = LEVELS.map((l) => ({ value: l, label: messages.tickets.levels[l] }));

/** POST /tickets/bulk: each ticket succeeds or fails on its own; failures are listed. */
export function BulkBar({ ticketIds, numbers, teams, onClear }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [impact, setImpact] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [results, setResults] = useState<BulkResult[] | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const need: Record<string, string> = {};
    if (!action) need.action = w.required;
    if (action === 'assign' && !teamId) need.teamId = w.required;
    if (action === 'priority' && !impact) need.impact = w.required;
    if (action === 'priority' && !urgency) need.urgency = w.required;
    setMissing(need);
    if (Object.keys(need).length) return;
    setBusy(true);
    setError('');
    setResults(null);
    try {
      const response = await apiFetch('tickets/bulk', {
        body: {
          ticketIds,
          action,
          teamId: action === 'assign' ? teamId : undefined,
          impact: action === 'priority' ? impact : undefined,
          urgency: action === 'priority' ? urgency : undefined,
          reason: reason.trim() || undefined,
        },
      });
      setResults(response.results);
      router.refresh();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const failed = results?.filter((r) => !r.ok) ?? [];
  return (
    <Paper withBorder p="md" radius="md" bg="blue.0" component="section" aria-label={t.region}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fw={600} role="status">
            {t.selected(ticketIds.length)}
          </Text>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Select
              label={t.action}
              data={(['assign', 'priority', 'close'] as const).map((a) => ({ value: a, label: t.actions[a] }))}
              value={action}
              onChange={(v) => setAction(v as BulkAction | null)}
              error={missing.action}
              required
              w={200}
            />
            {action === 'assign' && (
              <Select label={w.team} data={teams} value={teamId} onChange={setTeamId} error={missing.teamId} searchable required w={240} />
            )}
            {action === 'priority' && (
              <>
                <Select label={w.fields.impact} data={levelOptions} value={impact} onChange={setImpact} error={missing.impact} required w={140} />
                <Select label={w.fields.urgency} data={levelOptions} value={urgency} onChange={setUrgency} error={missing.urgency} required w={140} />
              </>
            )}
            {action && <TextInput label={w.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={260} />}
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={busy} disabled={!hydrated}>
              {t.apply}
            </Button>
            <Button variant="default" onClick={onClear}>
              {t.clear}
            </Button>
          </Group>
          <FormAlert message={error} />
          {results && (
            <Alert color={failed.length ? 'yellow' : 'teal'} variant="light" role="status">
              <Text size="sm">{t.done(results.length - failed.length, failed.length)}</Text>
              {failed.length > 0 && (
                <List size="sm" mt="xs">
                  {failed.map((r) => (
                    <List.Item key={r.ticketId}>
                      {numbers[r.ticketId] ?? r.ticketId}: {r.detail ?? r.code}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
