import { apiUpload } from './api-client';
import type { AttachmentItem } from './tickets';

/** POST /tickets/:id/attachments (multipart `file`, optional `articleId`). */
export async function uploadAttachment(ticketId: string, file: File, articleId?: string): Promise<AttachmentItem> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (articleId) form.append('articleId', articleId);
  return apiUpload(`tickets/${ticketId}/attachments`, form);
}
