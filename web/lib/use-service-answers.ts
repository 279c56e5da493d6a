'use client';

import { useCallback, useState } from 'react';
import { problemMessage } from './api-errors';
import { ApiError } from './api-types';
import { stageFormFiles } from './attachments';
import { checkRequestForm, emptyValues, formAnswerKey, toFormData, type FormField, type InputValue, type InputValues } from './request-form';
import { messages } from '@/messages/es-MX';

export type AnswerService = { id: string; form: FormField[]; leadTimeDays: number } | null | undefined;

/**
 * The answers to the chosen service's request form on a page that creates a ticket (catalog
 * order, "Nueva solicitud", the agent's registration): values as typed, errors by field key from
 * the local check or from the server, and the `formData` to send.
 */
export function useServiceAnswers(service: AnswerService, deskTimeZone: string) {
  const fields = service?.form ?? [];
  // Answers belong to one service: choosing another starts from blank.
  const [state, setState] = useState<{ serviceId: string | null; values: InputValues; errors: Record<string, string> }>({
    serviceId: service?.id ?? null,
    values: emptyValues(fields),
    errors: {},
  });
  const current = state.serviceId === (service?.id ?? null) ? state : { serviceId: service?.id ?? null, values: emptyValues(fields), errors: {} };

  const setValue = useCallback(
    (key: string, value: InputValue) =>
      setState((s) => {
        const base = s.serviceId === (service?.id ?? null) ? s : { serviceId: service?.id ?? null, values: emptyValues(service?.form ?? []), errors: {} };
        const { [key]: _dropped, ...errors } = base.errors;
        return { ...base, values: { ...base.values, [key]: value }, errors };
      }),
    [service],
  );

  /** Checks the answers as the server will; returns the errors by field key (empty when fine). */
  const check = (): Record<string, string> => {
    const errors = service ? checkRequestForm(fields, current.values, { days: service.leadTimeDays, deskTimeZone }) : {};
    setState({ ...current, errors });
    return errors;
  };

  /** Places the server's `formData.<key>…` errors on their fields; returns how many it placed. */
  const placeServerErrors = (error: unknown): number => {
    const errors: Record<string, string> = {};
    if (error instanceof ApiError) {
      for (const e of error.errors) {
        const key = formAnswerKey(e.field, fields);
        if (key && !errors[key]) errors[key] = e.message;
      }
    }
    setState({ ...current, errors });
    return Object.keys(errors).length;
  };

  /**
   * Uploads the files the form's `file` fields hold (staged, before the ticket exists) and gives
   * the `formData` naming them; null when the server refused a file, whose reason is then shown on
   * its field. A second submit uploads again: an unbound staged file is swept by the server.
   */
  const stagedFormData = async (): Promise<{ formData: Record<string, unknown> | undefined } | null> => {
    if (!service || !fields.length) return { formData: undefined };
    const staged = await stageFormFiles(fields, current.values);
    if (!staged.ok) {
      setState({ ...current, errors: staged.errors });
      return null;
    }
    return { formData: toFormData(fields, staged.values) };
  };

  return {
    fields,
    stagedFormData,
    values: current.values,
    errors: current.errors,
    setValue,
    check,
    placeServerErrors,
    /** Whether an API field error is shown on one of this form's fields. */
    shows: (apiField: string) => formAnswerKey(apiField, fields) !== null,
    formData: (): Record<string, unknown> | undefined => (service && fields.length ? toFormData(fields, current.values) : undefined),
  };
}

/** Moves the focus to the first field marked invalid, once React has drawn the messages. */
export function focusFirstInvalid(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * The form-level sentence after the server refused a ticket: "check the marked fields" when it
 * named fields on the page, its own detail otherwise, followed by the messages of any field the
 * page does not show (a form the catalog manager changed while the page was open), so no refusal
 * is left unexplained.
 */
export function refusalMessage(error: unknown, isPlaced: (apiField: string) => boolean): string {
  const errors = error instanceof ApiError ? error.errors : [];
  const placed = errors.some((e) => isPlaced(e.field));
  const head = placed ? messages.common.checkFields : problemMessage(error);
  const rest = [...new Set(errors.filter((e) => !isPlaced(e.field)).map((e) => e.message))];
  return rest.length ? messages.ticketCreate.alsoRefused(head, rest.join('; ')) : head;
}
