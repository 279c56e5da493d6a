'use client';

import { Group, Radio, Select, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { DialogForm, type TicketDialogProps } from '@/components/tickets/dialog-form';
import { UserPicker } from '@/components/tickets/user-picker';
import { apiFetch } from '@/lib/api-client';
import type { TeamItem } from '@/lib/api-types';
import { functionalTargets, mayEscalateHierarchically } from '@/lib/ticket-actions';
import type { SupportLevel } from '@/lib/tickets';
import { useDialogSubmit } from '@/lib/use-dialog-submit';
import { messages } from '@/messages/es-MX';

const w = messages.workspace;
const n = messages.notifications.escalate;

type Props = TicketDialogProps & {
  level: SupportLevel;
  roles: string[];
  teams: TeamItem[];
};

/** Functional (to another level, GIS 2.2–2.3) or hierarchical (coordinator → director). */
export function EscalateDialog({ opened, onClose, onDone, ticketId, version, level, roles, teams }: Props) {
  const targets = functionalTargets(level, roles);
  const hierarchicalAllowed = mayEscalateHierarchically(roles);
  const [kind, setKind] = useState<'functional' | 'hierarchical'>(targets.length ? 'functional' : 'hierarchical');
  const [toLevel, setToLevel] = useState<string | null>(targets[0] ?? null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const dialog = useDialogSubmit(['toLevel', 'teamId', 'assigneeId', 'reason'], () => {
    onClose();
    onDone();
  });
  const { errors } = dialog;

  useEffect(() => {
    if (!opened) return;
    setKind(targets.length ? 'functional' : 'hierarchical');
    setToLevel(targets[0] ?? null);
    setTeamId(null);
    setAssigneeId(null);
    setReason('');
    dialog.reset();
    // Reset when the dialog opens; targets follow from props that only change on refresh.
  }, [opened]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const need: Record<string, string> = {};
    if (!reason.trim()) need.reason = w.required;
    if (kind === 'functional' && !toLevel) need.toLevel = w.required;
    if (!dialog.check(need)) return;
    await dialog.run(() =>
      apiFetch(`tickets/${ticketId}/escalate`, {
        body: {
          version,
          kind,
          toLevel: kind === 'functional' ? toLevel : undefined,
          teamId: kind === 'functional' ? (teamId ?? undefined) : undefined,
          // GIS 2.2 act. 4: the agent names the resolver when known; the API checks they work in the team.
          assigneeId: kind === 'functional' ? (assigneeId ?? undefined) : undefined,
          reason: reason.trim(),
        },
      }),
    );
  }

  const levelTeams = teams.filter((t) => t.supportLevel === toLevel);
  // The chosen team's people; without a team, everyone in a team of that level (the service's team is decided by the API).
  const pickFrom = (teamId ? levelTeams.filter((t) => t.id === teamId) : levelTeams).flatMap((t) => [
    ...(t.coordinatorId ? [t.coordinatorId] : []),
    ...t.memberIds,
  ]);
  const memberIds = [...new Set(pickFrom)];
  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={w.dialog.escalate}
      submitLabel={w.submit.escalate}
      busy={dialog.busy}
      problem={dialog.problem}
      onSubmit={submit}
    >
      <Radio.Group label={w.escalationKind} value={kind} onChange={(v) => setKind(v as 'functional' | 'hierarchical')}>
        <Group gap="lg" mt={4}>
          <Radio value="functional" label={w.functional} disabled={targets.length === 0} />
          <Radio value="hierarchical" label={w.hierarchical} disabled={!hierarchicalAllowed} />
        </Group>
      </Radio.Group>
      {kind === 'functional' && (
        <>
          <Select
            label={w.toLevel}
            data={targets.map((l) => ({ value: l, label: messages.supportLevels[l] ?? l }))}
            value={toLevel}
            onChange={(v) => {
              setToLevel(v);
              setTeamId(null);
              setAssigneeId(null);
            }}
            allowDeselect={false}
            required
            error={errors.toLevel}
          />
          <Select
            label={w.teamOptional}
            placeholder={w.teamPlaceholder}
            data={levelTeams.map((t) => ({ value: t.id, label: t.name }))}
            value={teamId}
            onChange={(v) => {
              setTeamId(v);
              setAssigneeId(null);
            }}
            searchable
            clearable
            error={errors.teamId}
          />
          <UserPicker
            key={`${toLevel ?? ''}-${teamId ?? 'all'}`}
            label={n.resolver}
            kind="staff"
            memberIds={memberIds}
            value={assigneeId}
            onChange={setAssigneeId}
            placeholder={w.resolverPlaceholder}
            description={n.resolverHint}
            error={errors.assigneeId}
          />
        </>
      )}
      <Textarea
        label={w.reason}
        required
        autosize
        minRows={3}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        aria-invalid={Boolean(errors.reason)}
      />
    </DialogForm>
  );
}
