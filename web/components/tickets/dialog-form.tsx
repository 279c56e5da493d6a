'use client';

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';
import { DialogError, type DialogProblem } from './dialog-error';

/** What every ticket action dialog is given by the screen that opens it. */
export type TicketDialogProps = {
  opened: boolean;
  onClose: () => void;
  /** After a successful submit (the dialog closes itself). */
  onDone: () => void;
  ticketId: string;
  version: number;
};

/** The frame's texts and look. */
export type DialogFrame = {
  title: string;
  intro?: string;
  submitLabel: string;
  danger?: boolean;
};

type Props = DialogFrame & {
  opened: boolean;
  onClose: () => void;
  busy: boolean;
  problem: DialogProblem;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
};

/** The frame of a ticket action's modal form: its alert (a stale version offers a reload), fields, cancel and submit. */
export function DialogForm({ opened, onClose, title, intro, submitLabel, danger, busy, problem, onSubmit, children }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();

  function reload() {
    onClose();
    router.refresh();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': messages.common.close }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {intro && <Text size="sm">{intro}</Text>}
          <DialogError problem={problem} onReload={reload} />
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {messages.workspace.cancelDialog}
            </Button>
            <Button type="submit" color={danger ? 'red.9' : undefined} loading={busy} disabled={!hydrated}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
