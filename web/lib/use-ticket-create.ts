'use client';

import type { UseFormReturnType } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { apiFetch } from './api-client';
import { fieldErrorsFor, redirectIfSignedOut } from './api-errors';
import type { ApiBodyOf } from './api-paths';
import { uploadAll, type UploadFailure } from './attachments';
import type { TicketFields } from './tickets';
import { focusFirstInvalid, refusalMessage, type useServiceAnswers } from './use-service-answers';
import { messages } from '@/messages/es-MX';

type CreateBody = ApiBodyOf<'tickets', 'post'>;

/**
 * The submit of a page that creates a ticket (the agent's registration, "Nueva solicitud"): the
 * service's answers are checked with the rest so every missing field is marked at once; the form's
 * own files are staged first; the server's refusal is marked field by field; the extra files go
 * up once the ticket exists, and a refused one is reported without undoing the ticket.
 */
export function useTicketCreate<V extends { files: File[] }>(options: {
  form: UseFormReturnType<V>;
  answers: ReturnType<typeof useServiceAnswers>;
  /** The page's own fields the server may name. */
  fields: readonly string[];
  body: (values: V, formData: Record<string, unknown> | undefined) => CreateBody;
  /** Where the new ticket is read on this side of the portal. */
  ticketHref: (id: string) => string;
}) {
  const { form, answers, fields, body, ticketHref } = options;
  const router = useRouter();
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<{ ticket: TicketFields; failures: UploadFailure[] } | null>(null);

  const refuse = () => {
    setFormError(messages.common.checkFields);
    focusFirstInvalid();
  };

  const send = async (values: V) => {
    setFormError('');
    let ticket: TicketFields;
    try {
      const answered = await answers.stagedFormData();
      if (!answered) return refuse();
      ticket = await apiFetch('tickets', { body: body(values, answered.formData) });
    } catch (error) {
      if (redirectIfSignedOut(error)) return;
      // The server is the authority: every field it names is marked, the page's own and the service's.
      const fieldErrors = fieldErrorsFor(error, fields);
      form.setErrors(fieldErrors);
      answers.placeServerErrors(error);
      setFormError(refusalMessage(error, (field) => field in fieldErrors || answers.shows(field)));
      focusFirstInvalid();
      return;
    }
    const failures = await uploadAll(ticket.id, values.files);
    if (failures.length) setCreated({ ticket, failures });
    else router.push(ticketHref(ticket.id));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const valid = !Object.keys(answers.check()).length;
    return form.onSubmit((values) => (valid ? send(values) : refuse()), refuse)(event);
  };

  return { submit, formError, created };
}
