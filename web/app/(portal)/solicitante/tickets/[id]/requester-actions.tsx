'use client';

import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
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
  /** The resolution panel (with the solution) sits at the top of the page; withdrawing, at the end. */
  part: 'resolution' | 'cancel';
  solution?: string | null;
};

/** Confirm or reject a resolution, or withdraw an open request (the requester's edges). */
export function RequesterActions({ ticketId, version, state, part, solution }: Props) {
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
        <Paper
          withBorder
          p="lg"
          radius="md"
          component="section"
          aria-labelledby="solicitud-confirmacion"
          bg="teal.0"
          style={{ borderLeft: '4px solid var(--mantine-color-teal-8)' }}
          data-testid="confirmation-panel"
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="solicitud-confirmacion">
              {messages.ticketPage.awaitingConfirmation}
            </Title>
            <Text>{messages.ticketPage.awaitingConfirmationIntro}</Text>
            {solution && (
              <Paper withBorder p="md" radius="sm" bg="white">
                <Text fw={600} size="sm" mb={4}>
                  {t.solutionTitle}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="ticket-solution">
                  {solution}
                </Text>
              </Paper>
            )}
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
