'use client';

import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AnchorLink } from '@/components/anchor-link';
import { FormAlert } from '@/components/form-alert';
import { AttachmentPicker, attachmentsError } from '@/components/ticket-create/attachment-picker';
import { CreatedWithFailures } from '@/components/ticket-create/created-with-failures';
import { ServiceFormSection } from '@/components/ticket-create/service-form-section';
import { UserPicker } from '@/components/tickets/user-picker';
import { ariaInvalid } from '@/lib/form-a11y';
import { serviceOptions, typeAfterServiceChange, typesForService } from '@/lib/service-options';
import { LEVELS, type CatalogServiceItem, type Channel, type Level, type TicketType } from '@/lib/tickets';
import { useServiceAnswers } from '@/lib/use-service-answers';
import { useHydrated } from '@/lib/use-hydrated';
import { useTicketCreate } from '@/lib/use-ticket-create';
import { messages } from '@/messages/es-MX';

const t = messages.register;
const tk = messages.tickets;
const FIELDS = ['requesterId', 'channel', 'serviceId', 'type', 'title', 'description', 'impact', 'urgency', 'isMajor', 'letterNumber'] as const;

type Values = {
  requesterId: string | null;
  channel: Channel;
  serviceId: string | null;
  type: TicketType;
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  isMajor: boolean;
  letterNumber: string;
  files: File[];
};

const levelOptions = LEVELS.map((l) => ({ value: l, label: tk.levels[l] }));

type Props = { services: CatalogServiceItem[]; channels: Channel[]; deskTimeZone: string };

export function RegisterForm({ services, channels, deskTimeZone }: Props) {
  const hydrated = useHydrated();
  const form = useForm<Values>({
    mode: 'controlled',
    enhanceGetInputProps: ariaInvalid,
    initialValues: {
      requesterId: null,
      channel: channels.includes('phone') ? 'phone' : channels[0],
      serviceId: null,
      type: 'incident',
      title: '',
      description: '',
      impact: 'medium',
      urgency: 'medium',
      isMajor: false,
      letterNumber: '',
      files: [],
    },
    validate: {
      requesterId: (v) => (v ? null : t.required),
      title: (v) => (v.trim() ? null : t.required),
      description: (v) => (v.trim() ? null : t.required),
      letterNumber: (v, values) => (values.channel === 'letter' && !v.trim() ? t.required : null),
      files: (v) => attachmentsError(v) ?? null,
    },
  });

  const formal = form.values.channel === 'letter' || form.values.channel === 'e_signature';
  const types = typesForService(services, form.values.serviceId);
  const service = services.find((s) => s.id === form.values.serviceId) ?? null;
  // The form answers are the requester's data; the agent types them as the requester gives them.
  const answers = useServiceAnswers(service, deskTimeZone);

  const { submit, formError, created } = useTicketCreate({
    form,
    answers,
    fields: FIELDS,
    ticketHref: (id) => `/agente/tickets/${id}`,
    body: (v, formData) => ({
      requesterId: v.requesterId ?? undefined,
      channel: v.channel,
      serviceId: v.serviceId ?? undefined,
      type: v.type,
      title: v.title.trim(),
      description: v.description.trim(),
      impact: v.impact,
      urgency: v.urgency,
      isMajor: v.isMajor,
      letterNumber: formal && v.letterNumber.trim() ? v.letterNumber.trim() : undefined,
      formData,
    }),
  });

  if (created) return <CreatedWithFailures number={created.ticket.number} href={`/agente/tickets/${created.ticket.id}`} failures={created.failures} />;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <UserPicker
          label={t.requester}
          kind="requester"
          value={form.values.requesterId}
          onChange={(id) => form.setFieldValue('requesterId', id)}
          placeholder={t.requesterPlaceholder}
          description={t.requesterHint}
          nothingFound={t.noRequesters}
          error={form.errors.requesterId as string | undefined}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t.channel}
            data={channels.map((c) => ({ value: c, label: tk.channels[c] }))}
            allowDeselect={false}
            required
            {...form.getInputProps('channel')}
          />
          <Select
            label={t.type}
            data={types.map((type) => ({ value: type, label: tk.types[type] }))}
            allowDeselect={false}
            required
            {...form.getInputProps('type')}
          />
        </SimpleGrid>
        {formal && <TextInput label={t.letterNumber} required={form.values.channel === 'letter'} maxLength={100} {...form.getInputProps('letterNumber')} />}
        <Select
          label={t.service}
          placeholder={t.servicePlaceholder}
          data={serviceOptions(services)}
          searchable
          clearable
          {...form.getInputProps('serviceId')}
          onChange={(value) => {
            form.setFieldValue('serviceId', value);
            const type = typeAfterServiceChange(services, value, form.values.type);
            if (type) form.setFieldValue('type', type);
          }}
        />
        <TextInput label={t.title_} required maxLength={200} {...form.getInputProps('title')} />
        <Textarea label={t.description} required autosize minRows={4} maxLength={20000} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select label={t.impact} data={levelOptions} allowDeselect={false} required {...form.getInputProps('impact')} />
          <Select label={t.urgency} data={levelOptions} allowDeselect={false} required {...form.getInputProps('urgency')} />
        </SimpleGrid>
        <Checkbox label={t.isMajor} {...form.getInputProps('isMajor', { type: 'checkbox' })} />
        <ServiceFormSection fields={answers.fields} values={answers.values} errors={answers.errors} onChange={answers.setValue} hint={t.serviceDataHint} />
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
          <AnchorLink href="/agente">{messages.workspace.back}</AnchorLink>
        </Group>
      </Stack>
    </form>
  );
}
