'use client';

import { Checkbox, Select, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useDialogSubmit } from '@/lib/use-dialog-submit';
import { messages } from '@/messages/es-MX';
import { DialogForm, type DialogFrame, type TicketDialogProps } from './dialog-form';

export type DialogField = {
  name: string;
  label: string;
  kind: 'textarea' | 'text' | 'select' | 'checkbox' | 'datetime';
  required?: boolean;
  description?: string;
  options?: { value: string; label: string }[];
  initial?: string | boolean;
};

export type DialogValues = Record<string, string | boolean>;

type Props = DialogFrame &
  Pick<TicketDialogProps, 'opened' | 'onClose' | 'onDone'> & {
    fields: DialogField[];
    submit: (values: DialogValues) => Promise<void>;
  };

const initialOf = (fields: DialogField[]): DialogValues => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? (f.kind === 'checkbox' ? false : '')]));

/**
 * A modal form for one ticket action: required fields are checked here in Spanish, the API's
 * field errors land under their fields, and a stale version offers a reload.
 */
export function ActionDialog({ opened, onClose, onDone, fields, submit, ...frame }: Props) {
  const [values, setValues] = useState<DialogValues>(() => initialOf(fields));
  const { errors, problem, busy, reset, check, run } = useDialogSubmit(
    fields.map((f) => f.name),
    () => {
      onClose();
      onDone();
    },
  );

  useEffect(() => {
    if (opened) {
      setValues(initialOf(fields));
      reset();
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
    if (check(missing)) await run(() => submit(values));
  }

  return (
    <DialogForm {...frame} opened={opened} onClose={onClose} busy={busy} problem={problem} onSubmit={onSubmit}>
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
        if (f.kind === 'datetime') {
          // The browser's own date and time picker; the value is local time ("2026-12-01T09:30").
          return (
            <TextInput key={f.name} {...common} type="datetime-local" value={values[f.name] as string} onChange={(e) => set(f.name, e.currentTarget.value)} />
          );
        }
        if (f.kind === 'text') {
          return <TextInput key={f.name} {...common} value={values[f.name] as string} onChange={(e) => set(f.name, e.currentTarget.value)} />;
        }
        return <Textarea key={f.name} {...common} autosize minRows={3} value={values[f.name] as string} onChange={(e) => set(f.name, e.currentTarget.value)} />;
      })}
    </DialogForm>
  );
}
