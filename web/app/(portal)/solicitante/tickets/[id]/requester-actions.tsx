'use client';

import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ActionDialog } from '@/components/tickets/action-dialog';
import { ActionStatus } from '@/components/tickets/action-status';
import { apiFetch } from '@/lib/api-client';
import { requesterActions } from '@/lib/ticket-actions';
import type { TicketState } from '@/lib/tickets';
import { useTicketAction } from '@/lib/use-ticket-action';
import { messages } from '@/messages/es-MX';

const t = messages.requester;

type Props = {
  ticketId: string;
  version: number;
  state: TicketState;
  /** The resolution prompt sits under the solution; withdrawing, at the end of the page. */
  part: 'resolution' | 'cancel';
};

/** Confirm or reject a resolution, or withdraw an open request (the requester's edges). */
export function RequesterActions({ ticketId, version, state, part }: Props) {
  const [dialog, setDialog] = useState<'reject' | 'cancel' | null>(null);
  const { busy, error, done, run, finished } = useTicketAction();
  const allowed = requesterActions(state);
  if (part === 'resolution' && !allowed.confirm && !done) return null;
  if (part === 'cancel' && !allowed.cancel && !done) return null;

  const transition = (body: Record<string, unknown>) => apiFetch(`tickets/${ticketId}/transitions`, { body: { ...body, version } });

  const confirm = () => run(() => transition({ to: 'closed' }), t.confirmed);

  return (
    <>
      {part === 'resolution' && allowed.confirm && (
        <Paper withBorder p="lg" radius="md" component="section" aria-label={t.resolvedPrompt}>
          <Stack gap="sm">
            <Text>{t.resolvedPrompt}</Text>
            <Group gap="sm">
              <Button onClick={confirm} loading={busy} color="teal.9">
                {t.confirm}
              </Button>
              <Button variant="default" onClick={() => setDialog('reject')}>
                {t.reject}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {part === 'cancel' && allowed.cancel && (
        <Group>
          <Button variant="default" color="red.9" onClick={() => setDialog('cancel')}>
            {t.cancelRequest}
          </Button>
        </Group>
      )}
      <FormAlert message={error} />
      <ActionStatus message={done} />
      <ActionDialog
        opened={dialog === 'reject'}
        onClose={() => setDialog(null)}
        title={t.rejectTitle}
        submitLabel={t.rejectSubmit}
        fields={[{ name: 'reason', label: t.rejectReason, kind: 'textarea', required: true }]}
        submit={(v) => transition({ to: 'in_progress', reason: v.reason }).then(() => undefined)}
        onDone={() => finished(t.rejected)}
      />
      <ActionDialog
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={t.cancelTitle}
        submitLabel={t.cancelSubmit}
        danger
        fields={[{ name: 'reason', label: t.cancelReason, kind: 'textarea', required: true }]}
        submit={(v) => transition({ to: 'cancelled', reason: v.reason }).then(() => undefined)}
        onDone={() => finished(t.cancelled)}
      />
    </>
  );
}
