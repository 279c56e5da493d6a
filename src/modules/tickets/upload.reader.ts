import type { FastifyRequest } from 'fastify';
import { MesaError } from '../../common/errors/mesa-error';
import type { UploadedFileLike } from './ticket-attachments.service';

/**
 * Reads a multipart upload: the one file in the `file` part (in memory, bounded by
 * ATTACHMENT_MAX_BYTES: a larger file fails with 413) and the text fields beside it.
 */
export async function readUpload(req: FastifyRequest): Promise<{ file: UploadedFileLike | undefined; fields: Record<string, string> }> {
  if (!req.isMultipart()) {
    throw new MesaError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Envía el archivo como multipart/form-data en una parte llamada "file".', { field: 'content-type' });
  }
  let file: UploadedFileLike | undefined;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.fieldname !== 'file') continue;
      file = { originalname: part.filename, mimetype: part.mimetype, size: buffer.length, buffer };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { file, fields };
}
