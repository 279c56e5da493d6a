'use client';

import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ActionDialog } from '@/components/tickets/action-dialog';
import { ActionStatus } from '@/components/tickets/action-status';
import { apiFetch } from '@/lib/api-client';
import { useTicketAction } from '@/lib/use-ticket-action';
import { messages } from '@/messages/es-MX';

const t = messages.requester;

/** What the approver chose in the e-mail (`?decision=`): a link never decides by itself, it prepares the click. */
export type ApprovalIntent = 'aprobar' | 'rechazar' | null;

type Props = { ticketId: string; version: number; intent?: ApprovalIntent };

/** The approver's decision on a request that waits for it: approve at once, or reject with a reason. */
export function ApprovalCard({ ticketId, version, intent = null }: Props) {
  const [rejecting, setRejecting] = useState(intent === 'rechazar');
  const { busy, error, done, run, finished } = useTicketAction();

  const decide = (body: { decision: 'approve' | 'reject'; reason?: string }) => apiFetch(`tickets/${ticketId}/approval`, { body: { ...body, version } });

  const approve = () => run(() => decide({ decision: 'approve' }), t.approved);

  return (
    <>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="solicitud-aprobacion" data-testid="approval-card">
        <Stack gap="sm">
          <Title order={2} size="h3" id="solicitud-aprobacion">
            {t.approvalTitle}
          </Title>
          <Text>{t.approvalPrompt}</Text>
          <Group gap="sm">
            <Button onClick={approve} loading={busy} color="teal.9" disabled={Boolean(done)} autoFocus={intent === 'aprobar'}>
              {t.approve}
            </Button>
            <Button variant="default" color="red.9" onClick={() => setRejecting(true)} disabled={busy || Boolean(done)}>
              {t.approveReject}
            </Button>
          </Group>
          <FormAlert message={error} />
        </Stack>
      </Paper>
      <ActionStatus message={done} />
      <ActionDialog
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={t.approveRejectTitle}
        submitLabel={t.approveRejectSubmit}
        danger
        fields={[{ name: 'reason', label: t.approveRejectReason, kind: 'textarea', required: true }]}
        submit={(v) => decide({ decision: 'reject', reason: v.reason as string }).then(() => undefined)}
        onDone={() => finished(t.approvalRejected)}
      />
    </>
  );
}
