'use client';

import { Select, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { DialogForm, type TicketDialogProps } from '@/components/tickets/dialog-form';
import { UserPicker } from '@/components/tickets/user-picker';
import { apiFetch } from '@/lib/api-client';
import type { TeamItem } from '@/lib/api-types';
import { useDialogSubmit } from '@/lib/use-dialog-submit';
import { messages } from '@/messages/es-MX';

const w = messages.workspace;

type Props = TicketDialogProps & {
  teams: TeamItem[];
  current: { teamId: string | null; assigneeId: string | null };
};

/** Team and/or resolver (GIS 2.2 act. 4); with a team the resolver must be one of its members. */
export function AssignDialog({ opened, onClose, onDone, ticketId, version, teams, current }: Props) {
  const [teamId, setTeamId] = useState<string | null>(current.teamId);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const dialog = useDialogSubmit(['teamId', 'assigneeId'], () => {
    onClose();
    onDone();
  });
  const { errors } = dialog;

  useEffect(() => {
    if (!opened) return;
    setTeamId(current.teamId);
    setAssigneeId(null);
    setReason('');
    dialog.reset();
  }, [opened, current.teamId]);

  const team = teams.find((t) => t.id === teamId);
  const memberIds = team ? [...new Set([...(team.coordinatorId ? [team.coordinatorId] : []), ...team.memberIds])] : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!dialog.check(!teamId && !assigneeId ? { teamId: w.assignNeedsTarget } : {})) return;
    await dialog.run(() =>
      apiFetch(`tickets/${ticketId}/assign`, {
        body: { version, teamId: teamId ?? undefined, assigneeId: assigneeId ?? undefined, reason: reason.trim() || undefined },
      }),
    );
  }

  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={w.dialog.assign}
      submitLabel={w.submit.assign}
      busy={dialog.busy}
      problem={dialog.problem}
      onSubmit={submit}
    >
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
    </DialogForm>
  );
}
