'use client';

import { Button, FileInput, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { FormAlert } from '@/components/form-alert';
import { apiFetch } from '@/lib/api-client';
import { fieldErrorsFor, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { uploadAttachment } from '@/lib/attachments';
import { ariaInvalid } from '@/lib/form-a11y';
import { serviceOptions, typeAfterServiceChange, typesForService } from '@/lib/service-options';
import type { CatalogServiceItem, TicketFields, TicketType } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.requester;
const FIELDS = ['serviceId', 'type', 'title', 'description'] as const;

type Values = { serviceId: string | null; type: TicketType; title: string; description: string; file: File | null };

export function NewRequestForm({ services }: { services: CatalogServiceItem[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [formError, setFormError] = useState('');
  const form = useForm<Values>({
    mode: 'controlled',
    enhanceGetInputProps: ariaInvalid,
    initialValues: { serviceId: null, type: 'incident', title: '', description: '', file: null },
    validate: {
      title: (v) => (v.trim() ? null : t.required),
      description: (v) => (v.trim() ? null : t.required),
    },
  });

  const types = typesForService(services, form.values.serviceId);

  const submit = form.onSubmit(async (values) => {
    setFormError('');
    let ticket: TicketFields;
    try {
      ticket = await apiFetch('tickets', {
        body: {
          type: values.type,
          serviceId: values.serviceId ?? undefined,
          title: values.title.trim(),
          description: values.description.trim(),
        },
      });
    } catch (error) {
      if (redirectIfSignedOut(error)) return;
      const fieldErrors = fieldErrorsFor(error, FIELDS);
      form.setErrors(fieldErrors);
      setFormError(Object.keys(fieldErrors).length ? messages.common.checkFields : problemMessage(error));
      return;
    }
    let notice = '';
    if (values.file) {
      try {
        await uploadAttachment(ticket.id, values.file);
      } catch {
        notice = '?aviso=adjunto';
      }
    }
    router.push(`/solicitante/tickets/${ticket.id}${notice}`);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <Select
          label={t.service}
          placeholder={t.servicePlaceholder}
          description={t.serviceHint}
          data={serviceOptions(services)}
          searchable
          clearable
          nothingFoundMessage={t.noServices}
          {...form.getInputProps('serviceId')}
          onChange={(value) => {
            form.setFieldValue('serviceId', value);
            const type = typeAfterServiceChange(services, value, form.values.type);
            if (type) form.setFieldValue('type', type);
          }}
        />
        <Select
          label={t.type}
          data={types.map((type) => ({ value: type, label: messages.tickets.types[type] }))}
          allowDeselect={false}
          required
          {...form.getInputProps('type')}
        />
        <TextInput label={t.title_} description={t.titleHint} required maxLength={200} {...form.getInputProps('title')} />
        <Textarea
          label={t.description}
          description={t.descriptionHint}
          required
          autosize
          minRows={5}
          maxLength={20000}
          {...form.getInputProps('description')}
        />
        <FileInput
          label={t.attachment}
          description={t.attachmentHint}
          clearable
          clearButtonProps={{ 'aria-label': messages.common.clearFile }}
          {...form.getInputProps('file')}
        />
        <Group gap="md">
          <Button type="submit" loading={form.submitting} disabled={!hydrated}>
            {t.submit}
          </Button>
          <AnchorLink href="/solicitante">{t.cancel}</AnchorLink>
        </Group>
      </Stack>
    </form>
  );
}
