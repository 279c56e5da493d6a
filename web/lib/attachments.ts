import { ALLOWED_ATTACHMENT_TYPES } from '../../src/modules/tickets/attachment.rules';
import { apiUpload } from './api-client';
import { ApiError } from './api-types';
import { problemMessage } from './api-errors';
import { fieldStates, isFile, type FormField, type InputValues } from './request-form';
import type { AttachmentItem } from './tickets';
import { messages } from '@/messages/es-MX';

/** The extensions the server accepts (attachment.rules), for a file input's `accept`; the server still checks name and bytes. */
export const ATTACHMENT_ACCEPT = Object.keys(ALLOWED_ATTACHMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');

/** Files that may go with a new ticket in one submit (each is one upload, under the server's rules). */
export const MAX_FILES_ON_CREATE = 5;

/** POST /tickets/:id/attachments (multipart `file`, optional `articleId`). */
export async function uploadAttachment(ticketId: string, file: File, articleId?: string): Promise<AttachmentItem> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (articleId) form.append('articleId', articleId);
  return apiUpload(`tickets/${ticketId}/attachments`, form);
}

export type UploadFailure = { name: string; reason: string };

/**
 * Sends each file to a ticket just created. The server checks each one as any later upload
 * (size, allowed types, the bytes matching the extension); a refused file does not stop the
 * others, and its reason comes back in Spanish to show the user.
 */
export async function uploadAll(ticketId: string, files: File[]): Promise<UploadFailure[]> {
  const failures: UploadFailure[] = [];
  for (const file of files) {
    try {
      await uploadAttachment(ticketId, file);
    } catch (error) {
      failures.push({ name: file.name, reason: uploadFailureReason(error) });
    }
  }
  return failures;
}

function uploadFailureReason(error: unknown): string {
  // 413 comes from the HTTP layer, whose detail is not written for people.
  if (error instanceof ApiError && error.status === 413) return messages.ticketCreate.fileTooLarge;
  return problemMessage(error);
}

/** POST /attachments/staged: a request form's file, sent before the ticket exists; its id answers the field. */
export async function stageAttachment(file: File): Promise<{ id: string; fileName: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload('attachments/staged', form);
}

export type StagedForm = { ok: true; values: InputValues } | { ok: false; errors: Record<string, string> };

/**
 * Uploads the file chosen in each `file` field the form shows, before the ticket is created: the
 * answers come back with each File replaced by its staged id, or, when the server refuses any
 * file (type, content, size, antivirus), that reason on its field and no ticket is created.
 */
export async function stageFormFiles(fields: FormField[], values: InputValues): Promise<StagedForm> {
  const states = fieldStates(fields, values);
  const out: InputValues = { ...values };
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const value = values[f.key];
    if (f.type !== 'file' || !isFile(value) || states[f.key]?.visible === false) continue;
    try {
      out[f.key] = (await stageAttachment(value)).id;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw error;
      const reason = uploadFailureReason(error);
      errors[f.key] = reason.charAt(0).toUpperCase() + reason.slice(1);
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values: out };
}
