'use client';

import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { FormAlert } from '@/components/form-alert';
import { UserPicker } from '@/components/tickets/user-picker';
import { apiFetch } from '@/lib/api-client';
import { fieldErrorsFor, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { ariaInvalid } from '@/lib/form-a11y';
import { serviceOptions, typeAfterServiceChange, typesForService } from '@/lib/service-options';
import { LEVELS, type CatalogServiceItem, type Channel, type Level, type TicketType } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
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
};

const levelOptions = LEVELS.map((l) => ({ value: l, label: tk.levels[l] }));

export function RegisterForm({ services, channels }: { services: CatalogServiceItem[]; channels: Channel[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [formError, setFormError] = useState('');
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
    },
    validate: {
      requesterId: (v) => (v ? null : t.required),
      title: (v) => (v.trim() ? null : t.required),
      description: (v) => (v.trim() ? null : t.required),
      letterNumber: (v, values) => (values.channel === 'letter' && !v.trim() ? t.required : null),
    },
  });

  const formal = form.values.channel === 'letter' || form.values.channel === 'e_signature';
  const types = typesForService(services, form.values.serviceId);

  const submit = form.onSubmit(async (v) => {
    setFormError('');
    try {
      const ticket = await apiFetch('tickets', {
        body: {
          requesterId: v.requesterId,
          channel: v.channel,
          serviceId: v.serviceId ?? undefined,
          type: v.type,
          title: v.title.trim(),
          description: v.description.trim(),
          impact: v.impact,
          urgency: v.urgency,
          isMajor: v.isMajor,
          letterNumber: formal && v.letterNumber.trim() ? v.letterNumber.trim() : undefined,
        },
      });
      router.push(`/agente/tickets/${ticket.id}`);
    } catch (error) {
      if (redirectIfSignedOut(error)) return;
      const fieldErrors = fieldErrorsFor(error, FIELDS);
      form.setErrors(fieldErrors);
      setFormError(Object.keys(fieldErrors).length ? messages.common.checkFields : problemMessage(error));
    }
  });

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
