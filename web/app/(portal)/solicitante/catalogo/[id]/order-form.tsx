'use client';

import { Button, Divider, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { RequestFormFields } from '@/components/catalog/request-form-fields';
import { FormAlert } from '@/components/form-alert';
import { AttachmentPicker, attachmentsError } from '@/components/ticket-create/attachment-picker';
import { CreatedWithFailures } from '@/components/ticket-create/created-with-failures';
import { ApiError, apiFetch } from '@/lib/api-client';
import { redirectIfSignedOut } from '@/lib/api-errors';
import { stageFormFiles, uploadAll, type UploadFailure } from '@/lib/attachments';
import type { ServiceType } from '@/lib/catalog';
import { checkRequestForm, emptyValues, formAnswerKey, toFormData, type FormField, type InputValue, type InputValues } from '@/lib/request-form';
import type { TicketFields } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
import { refusalMessage } from '@/lib/use-service-answers';
import { messages } from '@/messages/es-MX';

const t = messages.catalog;

type Props = { service: { id: string; name: string; type: ServiceType; leadTimeDays: number; form: FormField[] }; deskTimeZone: string };
type TicketKind = 'incident' | 'service_request';

export function OrderForm({ service, deskTimeZone }: Props) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [title, setTitle] = useState(service.name);
  const [description, setDescription] = useState('');
  const [type, setType] = useState<TicketKind>(service.type === 'incident' ? 'incident' : 'service_request');
  const [values, setValues] = useState<InputValues>(() => emptyValues(service.form));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [created, setCreated] = useState<{ ticket: TicketFields; failures: UploadFailure[] } | null>(null);

  const setValue = (key: string, value: InputValue) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const focusFirstError = (keys: string[]) => {
    requestAnimationFrame(() => {
      const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (first) first.focus();
      else if (keys.length) document.querySelector<HTMLElement>(`[data-field-key="${keys[0]}"] input`)?.focus();
    });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError('');
    const found: Record<string, string> = { ...checkRequestForm(service.form, values, { days: service.leadTimeDays, deskTimeZone }) };
    if (!title.trim()) found['ticket.title'] = t.required;
    if (!description.trim()) found['ticket.description'] = t.required;
    const tooMany = attachmentsError(files);
    if (tooMany) found['ticket.files'] = tooMany;
    setErrors(found);
    if (Object.keys(found).length) {
      setFormError(messages.common.checkFields);
      focusFirstError(Object.keys(found));
      return;
    }
    setSubmitting(true);
    let ticket: TicketFields;
    try {
      // The form's files go first (staged); a refused one is marked on its field and no ticket is created.
      const staged = await stageFormFiles(service.form, values);
      if (!staged.ok) {
        setSubmitting(false);
        setErrors(staged.errors);
        setFormError(messages.common.checkFields);
        focusFirstError(Object.keys(staged.errors));
        return;
      }
      ticket = await apiFetch('tickets', {
        body: { serviceId: service.id, type, title: title.trim(), description: description.trim(), formData: toFormData(service.form, staged.values) },
      });
    } catch (error) {
      setSubmitting(false);
      if (redirectIfSignedOut(error)) return;
      // The server is the authority: its messages (lead time, formats) go under each field.
      const fromServer: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const e of error.errors) {
          const key = formAnswerKey(e.field, service.form) ?? `ticket.${e.field}`;
          if (!fromServer[key]) fromServer[key] = e.message;
        }
      }
      const placed = Object.keys(fromServer).filter((k) => k === 'ticket.title' || k === 'ticket.description' || service.form.some((f) => f.key === k));
      setErrors(Object.fromEntries(placed.map((k) => [k, fromServer[k]])));
      setFormError(refusalMessage(error, (field) => placed.includes(formAnswerKey(field, service.form) ?? `ticket.${field}`)));
      focusFirstError(placed);
      return;
    }
    const failures = await uploadAll(ticket.id, files);
    if (failures.length) {
      setSubmitting(false);
      setCreated({ ticket, failures });
    } else router.push(`/solicitante/tickets/${ticket.id}`);
  };

  if (created) return <CreatedWithFailures number={created.ticket.number} href={`/solicitante/tickets/${created.ticket.id}`} failures={created.failures} />;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <Title order={2} size="h3">
          {t.requestSection}
        </Title>
        {service.type === 'both' && (
          <Select
            label={t.type}
            required
            allowDeselect={false}
            data={(['service_request', 'incident'] as const).map((value) => ({ value, label: messages.tickets.types[value] }))}
            value={type}
            onChange={(value) => value && setType(value as TicketKind)}
          />
        )}
        <TextInput
          label={t.subject}
          description={t.subjectHint}
          required
          maxLength={200}
          value={title}
          error={errors['ticket.title']}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setErrors(({ 'ticket.title': _dropped, ...rest }) => rest);
          }}
        />
        <Textarea
          label={t.description}
          description={t.descriptionHint}
          required
          autosize
          minRows={3}
          maxLength={20000}
          value={description}
          error={errors['ticket.description']}
          onChange={(e) => {
            setDescription(e.currentTarget.value);
            setErrors(({ 'ticket.description': _dropped, ...rest }) => rest);
          }}
        />
        <Divider />
        <Stack gap={2}>
          <Title order={2} size="h3">
            {t.serviceData}
          </Title>
          <Text size="sm" c="dimmed">
            {service.form.length ? t.serviceDataHint : t.noFormFields}
          </Text>
        </Stack>
        <RequestFormFields fields={service.form} values={values} errors={errors} onChange={setValue} />
        <Divider />
        <AttachmentPicker
          value={files}
          error={errors['ticket.files']}
          onChange={(chosen) => {
            setFiles(chosen);
            setErrors(({ 'ticket.files': _dropped, ...rest }) => rest);
          }}
        />
        <Group gap="md">
          <Button type="submit" loading={submitting} disabled={!hydrated}>
            {t.submit}
          </Button>
          <AnchorLink href="/solicitante/catalogo">{t.back}</AnchorLink>
        </Group>
      </Stack>
    </form>
  );
}
