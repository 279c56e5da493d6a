'use client';

import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ActionDialog } from '@/components/tickets/action-dialog';
import { apiFetch } from '@/lib/api-client';
import { isVersionConflict, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { messages } from '@/messages/es-MX';

const t = messages.requester;

type Props = { ticketId: string; version: number };

/** The approver's decision on a request that waits for it: approve at once, or reject with a reason. */
export function ApprovalCard({ ticketId, version }: Props) {
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const decide = (body: { decision: 'approve' | 'reject'; reason?: string }) =>
    apiFetch(`tickets/${ticketId}/approval`, { body: { ...body, version } });

  async function approve() {
    setBusy(true);
    setError('');
    try {
      await decide({ decision: 'approve' });
      setDone(t.approved);
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
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="solicitud-aprobacion" data-testid="approval-card">
        <Stack gap="sm">
          <Title order={2} size="h3" id="solicitud-aprobacion">
            {t.approvalTitle}
          </Title>
          <Text>{t.approvalPrompt}</Text>
          <Group gap="sm">
            <Button onClick={approve} loading={busy} color="teal.9" disabled={Boolean(done)}>
              {t.approve}
            </Button>
            <Button variant="default" color="red.9" onClick={() => setRejecting(true)} disabled={busy || Boolean(done)}>
              {t.approveReject}
            </Button>
          </Group>
          <FormAlert message={error} />
        </Stack>
      </Paper>
      <div role="status" aria-live="polite">
        {done && (
          <Alert color="teal" variant="light">
            {done}
          </Alert>
        )}
      </div>
      <ActionDialog
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={t.approveRejectTitle}
        submitLabel={t.approveRejectSubmit}
        danger
        fields={[{ name: 'reason', label: t.approveRejectReason, kind: 'textarea', required: true }]}
        submit={(v) => decide({ decision: 'reject', reason: v.reason as string }).then(() => undefined)}
        onDone={() => {
          setDone(t.approvalRejected);
          router.refresh();
        }}
      />
    </>
  );
}
