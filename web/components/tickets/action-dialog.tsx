'use client';

import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsFor, isVersionConflict, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';
import { DialogError, type DialogProblem } from './dialog-error';

export type DialogField = {
  name: string;
  label: string;
  kind: 'textarea' | 'text' | 'select' | 'checkbox';
  required?: boolean;
  description?: string;
  options?: { value: string; label: string }[];
  initial?: string | boolean;
};

export type DialogValues = Record<string, string | boolean>;

type Props = {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro?: string;
  submitLabel: string;
  fields: DialogField[];
  danger?: boolean;
  submit: (values: DialogValues) => Promise<void>;
  /** After a successful submit (the dialog closes itself). */
  onDone: () => void;
};

const initialOf = (fields: DialogField[]): DialogValues =>
  Object.fromEntries(fields.map((f) => [f.name, f.initial ?? (f.kind === 'checkbox' ? false : '')]));

/**
 * A modal form for one ticket action: required fields are checked here in Spanish, the API's
 * field errors land under their fields, and a stale version offers a reload.
 */
export function ActionDialog({ opened, onClose, title, intro, submitLabel, fields, danger, submit, onDone }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [values, setValues] = useState<DialogValues>(() => initialOf(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<DialogProblem>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setValues(initialOf(fields));
      setErrors({});
      setProblem(null);
    }
    // Reset only when the dialog opens; callers rebuild `fields` on every render.
  }, [opened]);

  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const f of fields) {
      const value = values[f.name];
      if (f.required && (typeof value !== 'string' || !value.trim())) missing[f.name] = messages.workspace.required;
    }
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await submit(values);
      setBusy(false);
      onClose();
      onDone();
    } catch (error) {
      setBusy(false);
      if (redirectIfSignedOut(error)) return;
      const fieldErrors = fieldErrorsFor(error, fields.map((f) => f.name));
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0 || isVersionConflict(error)) {
        setProblem({ message: problemMessage(error), conflict: isVersionConflict(error) });
      }
    }
  }

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
          {fields.map((f) => {
            const common = {
              label: f.label,
              description: f.description,
              required: f.required,
              error: errors[f.name],
              'aria-invalid': Boolean(errors[f.name]),
            };
            if (f.kind === 'checkbox') {
              return (
                <Checkbox
                  key={f.name}
                  label={f.label}
                  description={f.description}
                  checked={values[f.name] === true}
                  onChange={(e) => set(f.name, e.currentTarget.checked)}
                  error={errors[f.name]}
                />
              );
            }
            if (f.kind === 'select') {
              return (
                <Select
                  key={f.name}
                  {...common}
                  data={f.options ?? []}
                  allowDeselect={!f.required}
                  value={(values[f.name] as string) || null}
                  onChange={(v) => set(f.name, v ?? '')}
                />
              );
            }
            if (f.kind === 'text') {
              return <TextInput key={f.name} {...common} value={values[f.name] as string} onChange={(e) => set(f.name, e.currentTarget.value)} />;
            }
            return (
              <Textarea
                key={f.name}
                {...common}
                autosize
                minRows={3}
                value={values[f.name] as string}
                onChange={(e) => set(f.name, e.currentTarget.value)}
              />
            );
          })}
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
