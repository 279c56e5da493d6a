'use client';

import {
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { conditionSources, keyFromLabel, numberOrBlank as num, optionsOf, uniqueKey, type BuilderField, type ConditionKind } from '@/lib/form-builder';
import { BOUND_TYPES, FIELD_TYPE_LIST, OPTION_TYPES, TEXT_TYPES } from '@/lib/request-form';
import type { ServiceForm } from '@/lib/service-sheet';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

type FieldEditorProps = {
  form: ServiceForm;
  index: number;
  onMove: (to: number) => void;
  onRemove: () => void;
};

/**
 * One field of the request-form builder: its label, key, type and validation rules, bound to
 * `form.<index>.<setting>` (the API's `form.<index>.validation.<rule>` errors are placed on the
 * flat row's setting, see lib/service-sheet.ts).
 */
export function FieldEditor({ form, index, onMove, onRemove }: FieldEditorProps) {
  const field = form.values.form[index];
  const count = form.values.form.length;
  const path = <S extends keyof BuilderField>(setting: S) => `form.${index}.${setting}` as const;
  const numberProps = (setting: 'min' | 'max' | 'minLength' | 'maxLength') => ({
    ...form.getInputProps(path(setting)),
    onChange: (v: string | number) => form.setFieldValue(path(setting), num(v)),
  });
  // The key follows the label until the manager types one, and stays unique among the fields.
  const onLabel = (label: string) => {
    form.setFieldValue(path('label'), label);
    if (field.keyEdited) return;
    const taken = form.values.form.filter((_, i) => i !== index).map((o) => o.key);
    form.setFieldValue(path('key'), uniqueKey(keyFromLabel(label), taken));
  };
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
            <Button
              id={`${field.uid}-up`}
              size="compact-sm"
              variant="subtle"
              aria-label={t.moveUpLabel(name)}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            >
              {t.moveUp}
            </Button>
            <Button
              id={`${field.uid}-down`}
              size="compact-sm"
              variant="subtle"
              aria-label={t.moveDownLabel(name)}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              {t.moveDown}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" c="red.9" aria-label={t.removeLabel(name)} onClick={onRemove}>
              {t.remove}
            </Button>
          </Group>
        </Group>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              id={`${field.uid}-label`}
              label={t.fieldLabel}
              required
              maxLength={200}
              {...form.getInputProps(path('label'))}
              onChange={(e) => onLabel(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect label={t.fieldType} data={FIELD_TYPE_LIST.map((v) => ({ value: v, label: t.fieldTypes[v] }))} {...form.getInputProps(path('type'))} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t.fieldKey}
              description={t.fieldKeyHint}
              required
              maxLength={50}
              styles={MONO}
              {...form.getInputProps(path('key'))}
              onChange={(e) => {
                form.setFieldValue(path('key'), e.currentTarget.value);
                form.setFieldValue(path('keyEdited'), true);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t.fieldHelp} maxLength={500} {...form.getInputProps(path('help'))} />
          </Grid.Col>
        </Grid>
        <Checkbox label={t.fieldRequired} {...form.getInputProps(path('required'), { type: 'checkbox' })} />
        {OPTION_TYPES.includes(field.type) && (
          <Textarea label={t.fieldOptions} description={t.fieldOptionsHint} required autosize minRows={3} {...form.getInputProps(path('options'))} />
        )}
        {BOUND_TYPES.includes(field.type) && (
          <Grid gap="sm">
            <Grid.Col span={6}>
              <NumberInput label={t.fieldMin} {...numberProps('min')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <NumberInput label={t.fieldMax} {...numberProps('max')} />
            </Grid.Col>
          </Grid>
        )}
        {field.type === 'number' && <Checkbox label={t.fieldInteger} {...form.getInputProps(path('integer'), { type: 'checkbox' })} />}
        {TEXT_TYPES.includes(field.type) && (
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={t.fieldMinLength} min={0} allowDecimal={false} allowNegative={false} {...numberProps('minLength')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={t.fieldMaxLength} min={1} max={10000} allowDecimal={false} allowNegative={false} {...numberProps('maxLength')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t.fieldRegex} styles={MONO} maxLength={500} {...form.getInputProps(path('regex'))} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t.fieldRegexMessage} maxLength={200} {...form.getInputProps(path('regexMessage'))} />
            </Grid.Col>
          </Grid>
        )}
        <ConditionsEditor form={form} index={index} />
      </Stack>
    </Paper>
  );
}

/**
 * "Shown only when" and "required only when" another option field has one of some answers
 * (seed 003: ports only for opening ports). The requester's form shows, hides and marks the
 * field live, and the server asks for exactly the same.
 */
function ConditionsEditor({ form, index }: { form: ServiceForm; index: number }) {
  const field = form.values.form[index];
  const sources = conditionSources(form.values.form, index);
  const row = (kind: ConditionKind) => {
    const fieldPath = `form.${index}.${kind}Field` as const;
    const valuesPath = `form.${index}.${kind}Values` as const;
    const sourceKey = field[`${kind}Field`];
    const source = form.values.form.find((f, i) => i !== index && f.key === sourceKey);
    const label = kind === 'showWhen' ? t.showWhen : t.requiredWhen;
    // A condition on a field that is no longer an option field is still listed, so it can be cleared.
    const data = sources.map((f) => ({ value: f.key, label: t.conditionSource(f.label || f.key, f.key) }));
    if (sourceKey && !data.some((d) => d.value === sourceKey)) data.push({ value: sourceKey, label: sourceKey });
    return (
      <Grid gap="sm" key={kind}>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={label}
            placeholder={kind === 'showWhen' ? t.conditionAlways : t.conditionNever}
            data={data}
            clearable
            {...form.getInputProps(fieldPath)}
            value={sourceKey || null}
            onChange={(key) => {
              form.setFieldValue(fieldPath, key ?? '');
              form.setFieldValue(valuesPath, []);
            }}
          />
        </Grid.Col>
        {sourceKey && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <MultiSelect
              label={t.conditionValues}
              placeholder={t.conditionValuesPlaceholder}
              data={[...new Set([...(source ? optionsOf(source) : []), ...field[`${kind}Values`]])]}
              required
              {...form.getInputProps(valuesPath)}
            />
          </Grid.Col>
        )}
      </Grid>
    );
  };
  const hasAny = Boolean(field.showWhenField || field.requiredWhenField);
  if (!sources.length && !hasAny) {
    return (
      <Text size="sm" c="dimmed">
        {t.noConditionSources}
      </Text>
    );
  }
  return (
    <Fieldset legend={t.conditions} variant="filled" radius="md">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t.conditionsHint}
        </Text>
        {row('showWhen')}
        {!field.required && row('requiredWhen')}
      </Stack>
    </Fieldset>
  );
}
