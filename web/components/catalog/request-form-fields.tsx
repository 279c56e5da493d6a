'use client';

import { FileInput, Fieldset, Group, Input, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useId } from 'react';
import { UserPicker } from '@/components/tickets/user-picker';
import { ATTACHMENT_ACCEPT } from '@/lib/attachments';
import { fieldStates, isFile, type FormField, type InputValue, type InputValues } from '@/lib/request-form';
import { messages } from '@/messages/es-MX';

const t = messages.catalog;

type Props = {
  fields: FormField[];
  values: InputValues;
  errors: Record<string, string>;
  onChange: (key: string, value: InputValue) => void;
  /** The catalog manager's preview: file fields are shown but take no file. */
  inert?: boolean;
};

/**
 * A service's request form, drawn from its definition. The requester's page, the agent's
 * registration and the catalog manager's live preview all use it, so what the manager sees is
 * what the requester gets. Conditional fields appear, disappear and become obligatory as the
 * answers change, by the same rule the server applies (formFieldStates).
 */
export function RequestFormFields({ fields, values, errors, onChange, inert = false }: Props) {
  const states = fieldStates(fields, values);
  return (
    <Stack gap="md">
      {fields.map((field, index) =>
        states[field.key]?.visible === false ? null : (
          <FieldInput
            // Keys may be edited in the builder; the index keeps the input mounted while typing.
            key={`${index}-${field.type}`}
            field={{ ...field, required: states[field.key]?.required ?? field.required }}
            value={values[field.key] ?? null}
            error={errors[field.key]}
            onChange={(value) => onChange(field.key, value)}
            inert={inert}
          />
        ),
      )}
    </Stack>
  );
}

const DEFAULT_HINTS: Partial<Record<FormField['type'], string>> = {
  ipv4_cidr: t.ipHint,
  port_list: t.portHint,
  url: t.urlHint,
};

type FieldProps = { field: FormField; value: InputValue; error?: string; onChange: (value: InputValue) => void; inert?: boolean };

function FieldInput({ field, value, error, onChange, inert }: FieldProps) {
  const v = field.validation ?? {};
  const common = {
    label: field.label,
    description: field.help || DEFAULT_HINTS[field.type],
    required: field.required,
    error,
    'data-field-key': field.key,
  };
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'long_text':
      return <Textarea {...common} autosize minRows={3} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return (
        <NumberInput
          {...common}
          value={text}
          min={v.min}
          max={v.max}
          allowDecimal={!v.integer}
          clampBehavior="none"
          onChange={(n) => onChange(n === '' ? '' : String(n))}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'date_range':
      return <DateRangeInput field={field} value={value} error={error} onChange={onChange} />;
    case 'select':
      return (
        <Select
          {...common}
          placeholder={t.chooseOne}
          data={v.options ?? []}
          value={typeof value === 'string' && value ? value : null}
          onChange={(option) => onChange(option)}
          clearable={!field.required}
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          placeholder={t.chooseMany}
          data={v.options ?? []}
          value={Array.isArray(value) ? value : []}
          onChange={(options) => onChange(options)}
        />
      );
    case 'email':
      return <TextInput {...common} type="email" autoComplete="off" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'phone':
      return <TextInput {...common} type="tel" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'url':
      return <TextInput {...common} type="url" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'user_picker':
      return (
        <UserPicker
          label={field.label}
          description={field.help}
          required={field.required}
          error={error}
          kind="requester"
          placeholder={t.userPickerPlaceholder}
          nothingFound={t.nothingFound}
          value={typeof value === 'string' && value ? value : null}
          onChange={(id) => onChange(id)}
        />
      );
    case 'file':
      // Uploaded (staged) when the request is sent, before the ticket is created; the answer is its id.
      return (
        <FileInput
          {...common}
          description={field.help || t.fileHint}
          placeholder={t.filePlaceholder}
          clearable
          disabled={inert}
          accept={ATTACHMENT_ACCEPT}
          clearButtonProps={{ 'aria-label': messages.common.clearFile }}
          value={isFile(value) ? value : null}
          onChange={(file) => onChange(file)}
        />
      );
    default:
      // text, ipv4_cidr, port_list
      return <TextInput {...common} value={text} maxLength={v.maxLength} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}

function DateRangeInput({ field, value, error, onChange }: FieldProps) {
  const id = useId();
  const range = value && typeof value === 'object' && !Array.isArray(value) && !isFile(value) ? value : { from: '', to: '' };
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : undefined;
  return (
    <Fieldset
      variant="unstyled"
      data-field-key={field.key}
      legend={
        <Text component="span" size="sm" fw={500}>
          {field.label}
          {field.required && (
            <Text component="span" c="red.8" aria-hidden>
              {' *'}
            </Text>
          )}
        </Text>
      }
    >
      {field.help && (
        <Text size="xs" c="dimmed">
          {field.help}
        </Text>
      )}
      <Group grow align="flex-start" gap="sm" mt={4}>
        <TextInput
          type="date"
          label={t.dateFrom}
          aria-label={t.rangeLabel(field.label, t.dateFrom)}
          aria-required={field.required}
          value={range.from}
          error={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(e) => onChange({ ...range, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t.dateTo}
          aria-label={t.rangeLabel(field.label, t.dateTo)}
          aria-required={field.required}
          value={range.to}
          error={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(e) => onChange({ ...range, to: e.currentTarget.value })}
        />
      </Group>
      {error && (
        <Input.Error id={errorId} mt={4}>
          {error}
        </Input.Error>
      )}
    </Fieldset>
  );
}
