'use client';

import { Anchor, Button, CloseButton, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { StateBadge } from '@/components/tickets/badges';
import { DialogForm } from '@/components/tickets/dialog-form';
import { TicketPicker } from '@/components/tickets/ticket-picker';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { Schemas } from '@/lib/api-types';
import { useDialogSubmit } from '@/lib/use-dialog-submit';
import { messages } from '@/messages/es-MX';

const l = messages.ticketPage.links;
const w = messages.workspace;

export type LinkItem = Schemas['TicketLink'];
const LINK_KINDS = ['related_to', 'duplicate_of', 'parent_of', 'caused_by'] as const;

type Props = { ticketId: string; version: number; links: LinkItem[]; mayMerge: boolean };

/** Related tickets, and the dialogs that relate or merge this ticket with another (API: links, merge). */
export function TicketLinks({ ticketId, version, links, mayMerge }: Props) {
  const router = useRouter();
  const [dialog, setDialog] = useState<'link' | 'merge' | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  async function remove(link: LinkItem) {
    setError('');
    setDone('');
    try {
      await apiFetch(`tickets/${ticketId}/links/${link.id}`, { method: 'DELETE' });
      setDone(l.removed);
      router.refresh();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setError(problemMessage(e));
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-relacionados">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="ticket-relacionados">
          {l.title}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setDialog('link')} data-action="link">
            {l.link}
          </Button>
          {mayMerge && (
            <Button size="xs" variant="default" onClick={() => setDialog('merge')} data-action="merge">
              {l.merge}
            </Button>
          )}
        </Group>
      </Group>
      {links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {l.none}
        </Text>
      ) : (
        <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="ticket-links">
          {links.map((link) => (
            <Group component="li" key={link.id} gap={6} wrap="nowrap" align="flex-start" justify="space-between">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {(link.direction === 'outgoing' ? l.kinds : l.incoming)[link.kind] ?? link.kind}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <StateBadge state={link.ticket.state} size="sm" />
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <Anchor href={`/agente/tickets/${link.ticket.id}`} fw={600} size="sm">
                      {link.ticket.number}
                    </Anchor>{' '}
                    {link.ticket.title}
                  </Text>
                </Group>
              </Stack>
              <CloseButton size="sm" aria-label={l.remove(link.ticket.number)} onClick={() => remove(link)} />
            </Group>
          ))}
        </Stack>
      )}
      <FormAlert message={error} />
      <div role="status" aria-live="polite">
        {done && (
          <Text size="sm" c="teal.9" mt="xs">
            {done}
          </Text>
        )}
      </div>
      <LinkDialog
        opened={dialog === 'link'}
        onClose={() => setDialog(null)}
        ticketId={ticketId}
        onDone={() => {
          setDone(l.linked);
          router.refresh();
        }}
      />
      <MergeDialog
        opened={dialog === 'merge'}
        onClose={() => setDialog(null)}
        ticketId={ticketId}
        version={version}
        onDone={(number) => {
          setDone(l.merged(number));
          router.refresh();
        }}
      />
    </Paper>
  );
}

function LinkDialog({ opened, onClose, onDone, ticketId }: { opened: boolean; onClose: () => void; onDone: () => void; ticketId: string }) {
  const [target, setTarget] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('related_to');
  const dialog = useDialogSubmit(['toTicketId', 'kind'], () => {
    onClose();
    onDone();
  });
  useEffect(() => {
    if (!opened) return;
    setTarget(null);
    setKind('related_to');
    dialog.reset();
  }, [opened]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!dialog.check(target ? {} : { toTicketId: w.required })) return;
    await dialog.run(() => apiFetch(`tickets/${ticketId}/links`, { body: { toTicketId: target!, kind: kind as LinkItem['kind'] } }));
  }

  return (
    <DialogForm opened={opened} onClose={onClose} title={l.linkTitle} submitLabel={l.linkSubmit} busy={dialog.busy} problem={dialog.problem} onSubmit={submit}>
      <Select
        label={l.kind}
        data={LINK_KINDS.map((k) => ({ value: k, label: l.kinds[k] }))}
        value={kind}
        onChange={(v) => setKind(v ?? 'related_to')}
        allowDeselect={false}
        error={dialog.errors.kind}
      />
      <TicketPicker value={target} onChange={(id) => setTarget(id)} excludeId={ticketId} error={dialog.errors.toTicketId} />
    </DialogForm>
  );
}

function MergeDialog({
  opened,
  onClose,
  onDone,
  ticketId,
  version,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: (number: string) => void;
  ticketId: string;
  version: number;
}) {
  const [target, setTarget] = useState<{ id: string; number: string } | null>(null);
  const [reason, setReason] = useState('');
  const dialog = useDialogSubmit(['intoTicketId', 'reason'], () => {
    onClose();
    onDone(target?.number ?? '');
  });
  useEffect(() => {
    if (!opened) return;
    setTarget(null);
    setReason('');
    dialog.reset();
  }, [opened]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!dialog.check(target ? {} : { intoTicketId: w.required })) return;
    await dialog.run(() => apiFetch(`tickets/${ticketId}/merge`, { body: { version, intoTicketId: target!.id, reason: reason.trim() || undefined } }));
  }

  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={l.mergeTitle}
      intro={l.mergeIntro}
      submitLabel={l.mergeSubmit}
      danger
      busy={dialog.busy}
      problem={dialog.problem}
      onSubmit={submit}
    >
      <TicketPicker
        value={target?.id ?? null}
        onChange={(id, number) => setTarget(id ? { id, number: number ?? '' } : null)}
        excludeId={ticketId}
        error={dialog.errors.intoTicketId}
      />
      <TextInput label={l.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={dialog.errors.reason} />
    </DialogForm>
  );
}
