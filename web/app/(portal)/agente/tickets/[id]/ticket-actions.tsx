'use client';

import { Alert, Button, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionDialog, type DialogField, type DialogValues } from '@/components/tickets/action-dialog';
import { DialogError, type DialogProblem } from '@/components/tickets/dialog-error';
import { apiFetch } from '@/lib/api-client';
import { isVersionConflict, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { TeamItem } from '@/lib/api-types';
import { formatNowTime } from '@/lib/format';
import { agentActions, type AgentAction } from '@/lib/ticket-actions';
import { LEVELS, PENDING_REASONS, TICKET_TYPES, type Ticket } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';
import { AssignDialog } from './assign-dialog';
import { EscalateDialog } from './escalate-dialog';

const w = messages.workspace;
const tk = messages.tickets;

type Props = {
  ticket: Ticket;
  me: { id: string; roles: string[] };
  teams: TeamItem[];
  services: { value: string; label: string }[];
};

type FormAction = Exclude<AgentAction, 'take' | 'start' | 'assign' | 'escalate'>;

// Display order: the usual next step first, the terminal ones last.
const ORDER: AgentAction[] = [
  'take',
  'start',
  'assign',
  'escalate',
  'returnToCoordinator',
  'proposeSolution',
  'moreTime',
  'pending',
  'resolve',
  'close',
  'reopen',
  'edit',
  'letterAnswer',
  'decline',
  'cancel',
];
const DANGER = new Set<AgentAction>(['decline', 'cancel']);
const PRIMARY = new Set<AgentAction>(['take', 'start', 'resolve', 'close']);

const levelOptions = LEVELS.map((l) => ({ value: l, label: tk.levels[l] }));

/** Buttons for the actions valid in this state for this user; the API re-checks each one. */
export function TicketActions({ ticket, me, teams, services }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<AgentAction | null>(null);
  const [busy, setBusy] = useState<AgentAction | null>(null);
  const [problem, setProblem] = useState<DialogProblem>(null);
  const [done, setDone] = useState('');
  const available = agentActions(ticket, me);
  const base = `tickets/${ticket.id}` as const;
  const version = ticket.version;
  const letterAnswerMissing = (ticket.channel === 'letter' || ticket.channel === 'e_signature') && !ticket.letterAnswer;

  const finished = () => {
    setDone(`${w.done} (${formatNowTime()})`);
    router.refresh();
  };

  async function direct(action: 'take' | 'start') {
    setBusy(action);
    setProblem(null);
    setDone('');
    try {
      if (action === 'take') await apiFetch(`${base}/take`, { body: { version } });
      else await apiFetch(`${base}/transitions`, { body: { to: 'in_progress', version } });
      finished();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setProblem({ message: problemMessage(e), conflict: isVersionConflict(e) });
      // TICKET_ALREADY_TAKEN and friends: show the ticket as it is now.
      if (!isVersionConflict(e)) router.refresh();
    } finally {
      setBusy(null);
    }
  }

  const transition = (body: Record<string, unknown>) => apiFetch(`${base}/transitions`, { body: { ...body, version } });
  const text = (v: DialogValues, name: string) => (typeof v[name] === 'string' && (v[name] as string).trim()) || undefined;

  const forms: Record<FormAction, { fields: DialogField[]; intro?: string; submit: (v: DialogValues) => Promise<unknown> }> = {
    returnToCoordinator: {
      fields: [{ name: 'reason', label: w.reason, kind: 'textarea', required: true }],
      submit: (v) => apiFetch(`${base}/return-to-coordinator`, { body: { version, reason: text(v, 'reason') } }),
    },
    proposeSolution: {
      fields: [{ name: 'solution', label: w.solution, kind: 'textarea', required: true, initial: ticket.proposedSolution ?? '' }],
      submit: (v) => apiFetch(`${base}/proposed-solution`, { body: { version, solution: text(v, 'solution') } }),
    },
    moreTime: {
      fields: [{ name: 'reason', label: w.reason, kind: 'textarea', required: true }],
      submit: (v) => apiFetch(`${base}/more-time`, { body: { version, reason: text(v, 'reason') } }),
    },
    pending: {
      fields: [
        {
          name: 'pendingReason',
          label: w.pendingReason,
          kind: 'select',
          required: true,
          options: PENDING_REASONS.map((r) => ({ value: r, label: tk.pendingReasons[r] })),
        },
        { name: 'reason', label: w.pendingNote, kind: 'textarea' },
        { name: 'pendingUntil', label: messages.ticketPage.pendingUntil, description: messages.ticketPage.pendingUntilHint, kind: 'datetime' },
      ],
      submit: (v) => {
        // datetime-local is the agent's local time; the API takes an instant.
        const until = text(v, 'pendingUntil');
        const pendingUntil = until && !Number.isNaN(new Date(until).getTime()) ? new Date(until).toISOString() : until;
        return transition({ to: 'pending', pendingReason: text(v, 'pendingReason'), reason: text(v, 'reason'), pendingUntil });
      },
    },
    resolve: {
      fields: [
        {
          name: 'solution',
          label: w.solution,
          description: w.solutionHint,
          kind: 'textarea',
          required: true,
          initial: ticket.proposedSolution ?? '',
        },
      ],
      submit: (v) => transition({ to: 'resolved', solution: text(v, 'solution') }),
    },
    close: letterAnswerMissing
      ? {
          // A letter ticket closes only with the letter's answer recorded: ask for it here.
          fields: [{ name: 'letterAnswer', label: w.letterAnswer, description: w.letterAnswerNeeded, kind: 'textarea', required: true }],
          intro: w.closeConfirm,
          submit: async (v) => {
            const updated = await apiFetch(base, { method: 'PATCH', body: { version, letterAnswer: text(v, 'letterAnswer') } });
            return apiFetch(`${base}/transitions`, { body: { to: 'closed', version: updated.version } });
          },
        }
      : { fields: [], intro: w.closeConfirm, submit: () => transition({ to: 'closed' }) },
    reopen: {
      fields: [{ name: 'reason', label: w.reason, kind: 'textarea', required: true }],
      submit: (v) => transition({ to: 'in_progress', reason: text(v, 'reason') }),
    },
    decline: {
      fields: [{ name: 'reason', label: w.reason, kind: 'textarea', required: true }],
      submit: (v) => transition({ to: 'declined', reason: text(v, 'reason') }),
    },
    cancel: {
      fields: [{ name: 'reason', label: w.reason, kind: 'textarea', required: true }],
      submit: (v) => transition({ to: 'cancelled', reason: text(v, 'reason') }),
    },
    edit: {
      fields: [
        {
          name: 'type',
          label: w.fields.type,
          kind: 'select',
          required: true,
          initial: ticket.type,
          options: TICKET_TYPES.map((t) => ({ value: t, label: tk.types[t] })),
        },
        { name: 'serviceId', label: w.fields.service, kind: 'select', initial: ticket.serviceId ?? '', options: services },
        { name: 'impact', label: w.fields.impact, kind: 'select', required: true, initial: ticket.impact, options: levelOptions },
        { name: 'urgency', label: w.fields.urgency, kind: 'select', required: true, initial: ticket.urgency, options: levelOptions },
        ...(ticket.channel === 'letter'
          ? [{ name: 'letterNumber', label: w.fields.letterNumber, kind: 'text' as const, required: true, initial: ticket.letterNumber ?? '' }]
          : []),
        { name: 'isMajor', label: w.isMajor, kind: 'checkbox', initial: ticket.isMajor },
        { name: 'reason', label: w.reason, kind: 'text' },
      ],
      submit: (v) => {
        // Only what changed, so the history records real edits.
        const body: Record<string, unknown> = { version };
        if (v.type !== ticket.type) body.type = v.type;
        if ((v.serviceId || null) !== ticket.serviceId) body.serviceId = v.serviceId || null;
        if (v.impact !== ticket.impact) body.impact = v.impact;
        if (v.urgency !== ticket.urgency) body.urgency = v.urgency;
        if (v.isMajor !== ticket.isMajor) body.isMajor = v.isMajor;
        if (ticket.channel === 'letter' && text(v, 'letterNumber') !== (ticket.letterNumber ?? undefined)) body.letterNumber = text(v, 'letterNumber');
        if (text(v, 'reason')) body.reason = text(v, 'reason');
        return apiFetch(base, { method: 'PATCH', body });
      },
    },
    letterAnswer: {
      fields: [{ name: 'letterAnswer', label: w.letterAnswer, kind: 'textarea', required: true, initial: ticket.letterAnswer ?? '' }],
      submit: (v) => apiFetch(base, { method: 'PATCH', body: { version, letterAnswer: text(v, 'letterAnswer') } }),
    },
  };

  const shown = ORDER.filter((a) => available.has(a));
  const formAction = open && open in forms ? (open as FormAction) : null;
  const form = formAction ? forms[formAction] : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-acciones">
      <Title order={2} size="h4" id="ticket-acciones" mb="sm">
        {w.actions}
      </Title>
      {shown.length === 0 ? (
        <Text c="dimmed" size="sm">
          {w.noActions}
        </Text>
      ) : (
        <SimpleGrid cols={2} spacing="xs">
          {shown.map((action) => (
            <Button
              key={action}
              variant={PRIMARY.has(action) ? 'filled' : 'default'}
              color={DANGER.has(action) ? 'red.9' : undefined}
              c={DANGER.has(action) ? 'red.9' : undefined}
              loading={busy === action}
              onClick={() => (action === 'take' || action === 'start' ? direct(action) : setOpen(action))}
              data-action={action}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.2 } }}
              h="auto"
              mih={36}
              py={6}
            >
              {w.action[action]}
            </Button>
          ))}
        </SimpleGrid>
      )}
      <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
        <DialogError
          problem={problem}
          onReload={() => {
            setProblem(null);
            router.refresh();
          }}
        />
      </div>
      <div role="status" aria-live="polite">
        {done && (
          <Alert color="teal" variant="light" mt="sm">
            {done}
          </Alert>
        )}
      </div>
      {form && formAction && (
        <ActionDialog
          opened
          onClose={() => setOpen(null)}
          title={w.dialog[formAction]}
          intro={form.intro}
          submitLabel={w.submit[formAction]}
          danger={DANGER.has(formAction)}
          fields={form.fields}
          submit={async (v) => {
            setProblem(null);
            setDone('');
            await form.submit(v);
          }}
          onDone={finished}
        />
      )}
      <AssignDialog
        opened={open === 'assign'}
        onClose={() => setOpen(null)}
        onDone={finished}
        ticketId={ticket.id}
        version={version}
        teams={teams}
        current={{ teamId: ticket.teamId, assigneeId: ticket.assigneeId }}
      />
      {available.has('escalate') && (
        <EscalateDialog
          opened={open === 'escalate'}
          onClose={() => setOpen(null)}
          onDone={finished}
          ticketId={ticket.id}
          version={version}
          level={ticket.supportLevel ?? '1'}
          roles={me.roles}
          teams={teams}
        />
      )}
    </Paper>
  );
}
