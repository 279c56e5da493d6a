'use client';

import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ActionDialog } from '@/components/tickets/action-dialog';
import { apiFetch } from '@/lib/api-client';
import { isVersionConflict, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { requesterActions } from '@/lib/ticket-actions';
import type { TicketState } from '@/lib/tickets';
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
  const router = useRouter();
  const [dialog, setDialog] = useState<'reject' | 'cancel' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const allowed = requesterActions(state);
  if (part === 'resolution' && !allowed.confirm && !done) return null;
  if (part === 'cancel' && !allowed.cancel && !done) return null;

  const transition = (body: Record<string, unknown>) =>
    apiFetch(`tickets/${ticketId}/transitions`, { body: { ...body, version } });

  async function confirm() {
    setBusy(true);
    setError('');
    try {
      await transition({ to: 'closed' });
      setDone(t.confirmed);
      router.refresh();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setError(isVersionConflict(e) ? messages.workspace.conflict : problemMessage(e));
      if (isVersionConflict(e)) router.refresh();
    } finally {
      setBusy(false);
    }
  }

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
      <div role="status" aria-live="polite">
        {done && (
          <Alert color="teal" variant="light">
            {done}
          </Alert>
        )}
      </div>
      <ActionDialog
        opened={dialog === 'reject'}
        onClose={() => setDialog(null)}
        title={t.rejectTitle}
        submitLabel={t.rejectSubmit}
        fields={[{ name: 'reason', label: t.rejectReason, kind: 'textarea', required: true }]}
        submit={(v) => transition({ to: 'in_progress', reason: v.reason }).then(() => undefined)}
        onDone={() => {
          setDone(t.rejected);
          router.refresh();
        }}
      />
      <ActionDialog
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={t.cancelTitle}
        submitLabel={t.cancelSubmit}
        danger
        fields={[{ name: 'reason', label: t.cancelReason, kind: 'textarea', required: true }]}
        submit={(v) => transition({ to: 'cancelled', reason: v.reason }).then(() => undefined)}
        onDone={() => {
          setDone(t.cancelled);
          router.refresh();
        }}
      />
    </>
  );
}
