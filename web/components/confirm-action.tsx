'use client';

import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';
import { FormAlert } from './form-alert';

type Props = {
  /** The button's text, and its accessible name when the text alone is ambiguous in a list. */
  label: string;
  ariaLabel?: string;
  title: string;
  body: string;
  confirmLabel: string;
  /** Runs on confirmation; a thrown API error stays in the dialog, success closes it. */
  onConfirm: () => Promise<void>;
  danger?: boolean;
  buttonProps?: ButtonProps;
};

/**
 * A button for an action that is hard to undo (deactivate, retire, revoke): it asks first, in a
 * dialog that names what will happen, and keeps the API's refusal in the dialog.
 */
export function ConfirmAction({ label, ariaLabel, title, body, confirmLabel, onConfirm, danger = false, buttonProps }: Props) {
  const hydrated = useHydrated();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const confirm = async () => {
    setBusy(true);
    setError('');
    try {
      await onConfirm();
      setOpened(false);
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="light"
        color={danger ? 'red' : undefined}
        c={danger ? 'red.9' : undefined}
        aria-label={ariaLabel}
        disabled={!hydrated}
        onClick={() => {
          setError('');
          setOpened(true);
        }}
        {...buttonProps}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} closeButtonProps={{ 'aria-label': messages.common.close }}>
        <Stack gap="md">
          <Text>{body}</Text>
          <FormAlert message={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpened(false)}>
              {messages.admin.cancel}
            </Button>
            <Button color={danger ? 'red.9' : undefined} loading={busy} onClick={confirm} data-autofocus>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
