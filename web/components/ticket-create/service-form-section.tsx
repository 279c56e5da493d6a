'use client';

import { Divider, Stack, Text, Title } from '@mantine/core';
import { RequestFormFields } from '@/components/catalog/request-form-fields';
import type { FormField, InputValue, InputValues } from '@/lib/request-form';
import { messages } from '@/messages/es-MX';

type Props = {
  fields: FormField[];
  values: InputValues;
  errors: Record<string, string>;
  onChange: (key: string, value: InputValue) => void;
  hint?: string;
};

/** The chosen service's request form inside a page that creates a ticket; nothing when it asks for nothing. */
export function ServiceFormSection({ fields, values, errors, onChange, hint }: Props) {
  if (!fields.length) return null;
  return (
    <Stack gap="md" data-testid="service-form">
      <Divider />
      <Stack gap={2}>
        <Title order={2} size="h4">
          {messages.ticketCreate.serviceData}
        </Title>
        <Text size="sm" c="dimmed">
          {hint ?? messages.catalog.serviceDataHint}
        </Text>
      </Stack>
      <RequestFormFields fields={fields} values={values} errors={errors} onChange={onChange} />
      <Divider />
    </Stack>
  );
}
