'use client';

import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { RequestFormFields } from '@/components/catalog/request-form-fields';
import { checkRequestForm, emptyValue, PENDING_FILE_ID, type FormField, type InputValue, type InputValues } from '@/lib/request-form';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

type Props = { fields: FormField[]; leadTimeDays: number; deskTimeZone: string };

/**
 * The request form as the requester will get it, to try out while it is built. What is typed
 * here is never sent; "passed" holds only for the definition it was checked against.
 */
export function RequestFormPreview({ fields, leadTimeDays, deskTimeZone }: Props) {
  const hydrated = useHydrated();
  const [values, setValues] = useState<InputValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [passedFor, setPassedFor] = useState<string | null>(null);
  const definition = JSON.stringify([fields, leadTimeDays]);

  // A file field takes no file here; it counts as answered, so the rest of the form can be tried.
  const inputValues: InputValues = Object.fromEntries(fields.map((f) => [f.key, f.type === 'file' ? PENDING_FILE_ID : (values[f.key] ?? emptyValue(f))]));
  const setValue = (key: string, value: InputValue) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
    setPassedFor(null);
  };
  const check = () => {
    const found = checkRequestForm(fields, inputValues, { days: leadTimeDays, deskTimeZone });
    setErrors(found);
    setPassedFor(Object.keys(found).length === 0 ? definition : null);
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="preview-title" bg="gray.0" data-testid="form-preview">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h3" id="preview-title">
            {t.preview}
          </Title>
          <Text size="sm" c="dimmed">
            {t.previewHint}
          </Text>
        </Stack>
        <Paper p="md" radius="md" withBorder>
          {fields.length ? (
            <RequestFormFields fields={fields} values={inputValues} errors={errors} onChange={setValue} inert />
          ) : (
            <Text size="sm" c="dimmed">
              {messages.catalog.noFormFields}
            </Text>
          )}
        </Paper>
        <Group gap="sm">
          <Button variant="default" onClick={check} disabled={!hydrated || fields.length === 0}>
            {t.previewCheck}
          </Button>
          <Text size="sm" c="teal.9" role="status">
            {passedFor === definition ? t.previewOk : ''}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
