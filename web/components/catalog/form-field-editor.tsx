'use client';

import { Button, Checkbox, Grid, Group, NativeSelect, NumberInput, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { numberOrBlank as num, type BuilderField } from '@/lib/form-builder';
import { BOUND_TYPES, FIELD_TYPE_LIST, OPTION_TYPES, TEXT_TYPES, type FieldType } from '@/lib/request-form';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

type FieldEditorProps = {
  field: BuilderField;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<BuilderField>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
};

/** One field of the request-form builder: its label, key, type and validation rules. */
export function FieldEditor({ field, index, count, errors, onChange, onMove, onRemove }: FieldEditorProps) {
  const at = (p: string) => `form.${index}.${p}`;
  const errProps = (p: string) => ({ error: errors[at(p)], 'data-error-key': at(p) });
  const name = field.label || t.newFieldLabel(index + 1);
  const headingId = `${field.uid}-heading`;
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-labelledby={headingId} data-field-uid={field.uid}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {t.fieldHeading(index + 1, field.label)}
          </Title>
          <Group gap={4}>
            <Button id={`${field.uid}-up`} size="compact-sm" variant="subtle" aria-label={t.moveUpLabel(name)} disabled={index === 0} onClick={() => onMove(index - 1)}>
              {t.moveUp}
            </Button>
            <Button id={`${field.uid}-down`} size="compact-sm" variant="subtle" aria-label={t.moveDownLabel(name)} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
              {t.moveDown}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" c="red.9" aria-label={t.removeLabel(name)} onClick={onRemove}>
              {t.remove}
            </Button>
          </Group>
        </Group>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput id={`${field.uid}-label`} label={t.fieldLabel} required maxLength={200} value={field.label} onChange={(e) => onChange({ label: e.currentTarget.value })} {...errProps('label')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t.fieldType}
              data={FIELD_TYPE_LIST.map((v) => ({ value: v, label: t.fieldTypes[v] }))}
              value={field.type}
              onChange={(e) => onChange({ type: e.currentTarget.value as FieldType })}
              {...errProps('type')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t.fieldKey}
              description={t.fieldKeyHint}
              required
              maxLength={50}
              styles={MONO}
              value={field.key}
              onChange={(e) => onChange({ key: e.currentTarget.value, keyEdited: true })}
              {...errProps('key')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t.fieldHelp} maxLength={500} value={field.help} onChange={(e) => onChange({ help: e.currentTarget.value })} {...errProps('help')} />
          </Grid.Col>
        </Grid>
        <Checkbox label={t.fieldRequired} checked={field.required} onChange={(e) => onChange({ required: e.currentTarget.checked })} />
        {OPTION_TYPES.includes(field.type) && (
          <Textarea
            label={t.fieldOptions}
            description={t.fieldOptionsHint}
            required
            autosize
            minRows={3}
            value={field.options}
            onChange={(e) => onChange({ options: e.currentTarget.value })}
            {...errProps('validation.options')}
          />
        )}
        {BOUND_TYPES.includes(field.type) && (
          <Grid gap="sm">
            <Grid.Col span={6}>
              <NumberInput label={t.fieldMin} value={field.min} onChange={(v) => onChange({ min: num(v) })} {...errProps('validation.min')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <NumberInput label={t.fieldMax} value={field.max} onChange={(v) => onChange({ max: num(v) })} {...errProps('validation.max')} />
            </Grid.Col>
          </Grid>
        )}
        {field.type === 'number' && <Checkbox label={t.fieldInteger} checked={field.integer} onChange={(e) => onChange({ integer: e.currentTarget.checked })} />}
        {TEXT_TYPES.includes(field.type) && (
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={t.fieldMinLength} min={0} allowDecimal={false} allowNegative={false} value={field.minLength} onChange={(v) => onChange({ minLength: num(v) })} {...errProps('validation.minLength')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={t.fieldMaxLength} min={1} max={10000} allowDecimal={false} allowNegative={false} value={field.maxLength} onChange={(v) => onChange({ maxLength: num(v) })} {...errProps('validation.maxLength')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t.fieldRegex} styles={MONO} maxLength={500} value={field.regex} onChange={(e) => onChange({ regex: e.currentTarget.value })} {...errProps('validation.regex')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t.fieldRegexMessage} maxLength={200} value={field.regexMessage} onChange={(e) => onChange({ regexMessage: e.currentTarget.value })} {...errProps('validation.regexMessage')} />
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Paper>
  );
}
