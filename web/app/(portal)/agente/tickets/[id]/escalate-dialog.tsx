'use client';

import { Button, Group, Modal, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { DialogError, type DialogProblem } from '@/components/tickets/dialog-error';
import { apiFetch } from '@/lib/api-client';
import { fieldErrorsFor, isVersionConflict, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { TeamItem } from '@/lib/api-types';
import { functionalTargets, mayEscalateHierarchically } from '@/lib/ticket-actions';
import type { SupportLevel } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const w = messages.workspace;

type Props = {
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
  ticketId: string;
  version: number;
  level: SupportLevel;
  roles: string[];
  teams: TeamItem[];
};

/** Functional (to another level, GIS 2.2–2.3) or hierarchical (coordinator → director). */
export function EscalateDialog({ opened, onClose, onDone, ticketId, version, level, roles, teams }: Props) {
  const router = useRouter();
  const targets = functionalTargets(level, roles);
  const hierarchicalAllowed = mayEscalateHierarchically(roles);
  const [kind, setKind] = useState<'functional' | 'hierarchical'>(targets.length ? 'functional' : 'hierarchical');
  const [toLevel, setToLevel] = useState<string | null>(targets[0] ?? null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<DialogProblem>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setKind(targets.length ? 'functional' : 'hierarchical');
    setToLevel(targets[0] ?? null);
    setTeamId(null);
    setReason('');
    setErrors({});
    setProblem(null);
    // Reset when the dialog opens; targets follow from props that only change on refresh.
  }, [opened]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const need: Record<string, string> = {};
    if (!reason.trim()) need.reason = w.required;
    if (kind === 'functional' && !toLevel) need.toLevel = w.required;
    setErrors(need);
    if (Object.keys(need).length) return;
    setBusy(true);
    try {
      await apiFetch(`tickets/${ticketId}/escalate`, {
        body: {
          version,
          kind,
          toLevel: kind === 'functional' ? toLevel : undefined,
          teamId: kind === 'functional' ? (teamId ?? undefined) : undefined,
          reason: reason.trim(),
        },
      });
      onClose();
      onDone();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      const fieldErrors = fieldErrorsFor(e, ['toLevel', 'teamId', 'reason']);
      setErrors(fieldErrors);
      if (!Object.keys(fieldErrors).length || isVersionConflict(e)) setProblem({ message: problemMessage(e), conflict: isVersionConflict(e) });
    } finally {
      setBusy(false);
    }
  }

  const levelTeams = teams.filter((t) => t.supportLevel === toLevel);
  return (
    <Modal opened={opened} onClose={onClose} title={w.dialog.escalate} size="lg" closeButtonProps={{ 'aria-label': messages.common.close }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <DialogError
            problem={problem}
            onReload={() => {
              onClose();
              router.refresh();
            }}
          />
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
                onChange={setTeamId}
                searchable
                clearable
                error={errors.teamId}
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
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {w.cancelDialog}
            </Button>
            <Button type="submit" loading={busy}>
              {w.submit.escalate}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
