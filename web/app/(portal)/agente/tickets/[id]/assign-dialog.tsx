'use client';

import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { DialogError, type DialogProblem } from '@/components/tickets/dialog-error';
import { UserPicker } from '@/components/tickets/user-picker';
import { apiFetch } from '@/lib/api-client';
import { fieldErrorsFor, isVersionConflict, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { TeamItem } from '@/lib/api-types';
import { messages } from '@/messages/es-MX';

const w = messages.workspace;

type Props = {
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
  ticketId: string;
  version: number;
  teams: TeamItem[];
  current: { teamId: string | null; assigneeId: string | null };
};

/** Team and/or resolver (GIS 2.2 act. 4); with a team the resolver must be one of its members. */
export function AssignDialog({ opened, onClose, onDone, ticketId, version, teams, current }: Props) {
  const router = useRouter();
  const [teamId, setTeamId] = useState<string | null>(current.teamId);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<DialogProblem>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setTeamId(current.teamId);
    setAssigneeId(null);
    setReason('');
    setErrors({});
    setProblem(null);
  }, [opened, current.teamId]);

  const team = teams.find((t) => t.id === teamId);
  const memberIds = team ? [...new Set([...(team.coordinatorId ? [team.coordinatorId] : []), ...team.memberIds])] : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!teamId && !assigneeId) {
      setErrors({ teamId: w.assignNeedsTarget });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await apiFetch(`tickets/${ticketId}/assign`, {
        body: { version, teamId: teamId ?? undefined, assigneeId: assigneeId ?? undefined, reason: reason.trim() || undefined },
      });
      onClose();
      onDone();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      const fieldErrors = fieldErrorsFor(e, ['teamId', 'assigneeId']);
      setErrors(fieldErrors);
      if (!Object.keys(fieldErrors).length || isVersionConflict(e)) setProblem({ message: problemMessage(e), conflict: isVersionConflict(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={w.dialog.assign} size="lg" closeButtonProps={{ 'aria-label': messages.common.close }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <DialogError
            problem={problem}
            onReload={() => {
              onClose();
              router.refresh();
            }}
          />
          <Select
            label={w.team}
            placeholder={w.teamPlaceholder}
            data={teams.map((t) => ({ value: t.id, label: `${t.name} · ${messages.supportLevels[t.supportLevel] ?? t.supportLevel}` }))}
            value={teamId}
            onChange={(v) => {
              setTeamId(v);
              setAssigneeId(null);
            }}
            searchable
            clearable
            error={errors.teamId}
            aria-invalid={Boolean(errors.teamId)}
          />
          <UserPicker
            key={teamId ?? 'all'}
            label={w.resolver}
            kind="staff"
            memberIds={memberIds}
            value={assigneeId}
            onChange={setAssigneeId}
            placeholder={w.resolverPlaceholder}
            description={w.resolverHint}
            error={errors.assigneeId}
          />
          <TextInput label={w.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {w.cancelDialog}
            </Button>
            <Button type="submit" loading={busy}>
              {w.submit.assign}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
