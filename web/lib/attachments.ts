import { apiUpload } from './api-client';
import { ApiError } from './api-types';
import { problemMessage } from './api-errors';
import type { AttachmentItem } from './tickets';
import { messages } from '@/messages/es-MX';

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
