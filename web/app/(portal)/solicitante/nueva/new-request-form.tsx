'use client';

import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AnchorLink } from '@/components/anchor-link';
import { FormAlert } from '@/components/form-alert';
import { AttachmentPicker, attachmentsError } from '@/components/ticket-create/attachment-picker';
import { CreatedWithFailures } from '@/components/ticket-create/created-with-failures';
import { ServiceFormSection } from '@/components/ticket-create/service-form-section';
import { ariaInvalid } from '@/lib/form-a11y';
import { serviceOptions, typeAfterServiceChange, typesForService } from '@/lib/service-options';
import type { CatalogServiceItem, TicketType } from '@/lib/tickets';
import { useServiceAnswers } from '@/lib/use-service-answers';
import { useHydrated } from '@/lib/use-hydrated';
import { useTicketCreate } from '@/lib/use-ticket-create';
import { messages } from '@/messages/es-MX';

const t = messages.requester;
const FIELDS = ['serviceId', 'type', 'title', 'description'] as const;

type Values = { serviceId: string | null; type: TicketType; title: string; description: string; files: File[] };

export function NewRequestForm({ services, deskTimeZone }: { services: CatalogServiceItem[]; deskTimeZone: string }) {
  const hydrated = useHydrated();
  const form = useForm<Values>({
    mode: 'controlled',
    enhanceGetInputProps: ariaInvalid,
    initialValues: { serviceId: null, type: 'incident', title: '', description: '', files: [] },
    validate: {
      title: (v) => (v.trim() ? null : t.required),
      description: (v) => (v.trim() ? null : t.required),
      files: (v) => attachmentsError(v) ?? null,
    },
  });
  const service = services.find((s) => s.id === form.values.serviceId) ?? null;
  const answers = useServiceAnswers(service, deskTimeZone);
  const types = typesForService(services, form.values.serviceId);

  const { submit, formError, created } = useTicketCreate({
    form,
    answers,
    fields: FIELDS,
    ticketHref: (id) => `/solicitante/tickets/${id}`,
    body: (values, formData) => ({
      type: values.type,
      serviceId: values.serviceId ?? undefined,
      title: values.title.trim(),
      description: values.description.trim(),
      formData,
    }),
  });

  if (created) return <CreatedWithFailures number={created.ticket.number} href={`/solicitante/tickets/${created.ticket.id}`} failures={created.failures} />;

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
        <ServiceFormSection fields={answers.fields} values={answers.values} errors={answers.errors} onChange={answers.setValue} />
        <AttachmentPicker
          value={form.values.files}
          error={form.errors.files as string | undefined}
          onChange={(files) => {
            form.setFieldValue('files', files);
            form.clearFieldError('files');
          }}
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
