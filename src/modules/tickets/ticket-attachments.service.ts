import { Injectable, Optional } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import type { ReadStream } from 'node:fs';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { Article } from './entities/article.entity';
import { Attachment } from './entities/attachment.entity';
import { checkAttachment, checkSniffedType, safeFileName } from './attachment.rules';
import { AttachmentScanner, AttachmentStorage, sha256Of } from './attachment-storage';
import { lockBlobShared } from './attachment-blob-locks';
import { TicketAccess } from './ticket-access.service';
import { TicketHistoryWriter } from './ticket-history.writer';
import { TERMINAL_STATES } from './ticket-state.rules';
import { isStaff } from './ticket-visibility.rules';

export type UploadedFileLike = { originalname: string; mimetype: string; size: number; buffer: Buffer };
export type AttachmentDto = { id: string; ticketId: string; articleId: string | null; fileName: string; contentType: string; size: number; createdAt: string };

const toDto = (a: Attachment): AttachmentDto => ({
  id: a.id,
  ticketId: a.ticketId,
  articleId: a.articleId,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  createdAt: a.createdAt.toISOString(),
});

@Injectable()
export class TicketAttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TicketAccess,
    private readonly storage: AttachmentStorage,
    private readonly historyWriter: TicketHistoryWriter,
    // Absent unless an operator plugs a scanner in (see AttachmentScanner): Mesa does not pretend to scan.
    @Optional() private readonly scanner?: AttachmentScanner,
  ) {}

  async upload(actor: Actor, ticketId: string, file: UploadedFileLike | undefined, articleId: string | null): Promise<AttachmentDto> {
    if (!file) throw new MesaError('VALIDATION_FAILED', 'Adjunta un archivo en el campo "file".', { field: 'file' });
    const fileName = safeFileName(file.originalname);
    const check = checkAttachment(fileName, file.mimetype);
    if (!check.ok) throw new MesaError('ATTACHMENT_TYPE_NOT_ALLOWED', `Archivo rechazado: ${check.reason}.`, { field: 'file' });
    // The declared type is the client's word; the bytes are the file's.
    const content = checkSniffedType(check.extension, await fileTypeFromBuffer(file.buffer));
    if (!content.ok) throw new MesaError('ATTACHMENT_TYPE_NOT_ALLOWED', `Archivo rechazado: ${content.reason}.`, { field: 'file' });
    const staff = isStaff(actor.roles);
    return this.dataSource.transaction(async (m) => {
      // Who may attach comes first: a refused upload never touches the disk.
      const { ticket } = await this.access.load(m, actor, ticketId);
      if (TERMINAL_STATES.includes(ticket.state)) throw new MesaError('TICKET_READ_ONLY', 'El ticket está cerrado.');
      let internal = false;
      if (articleId) {
        const article = await m.getRepository(Article).findOneBy({ id: articleId, ticketId: ticket.id });
        if (!article || (!staff && (article.kind !== 'public' || article.authorId !== actor.userId))) {
          throw new MesaError('VALIDATION_FAILED', 'El artículo no existe en este ticket.', { field: 'articleId' });
        }
        internal = article.kind === 'internal';
      }
      const scan = this.scanner ? await this.scanner.scan(file.buffer, fileName) : { clean: true as const };
      if (!scan.clean) throw new MesaError('ATTACHMENT_TYPE_NOT_ALLOWED', `Archivo rechazado por el antivirus: ${scan.reason}.`, { field: 'file' });
      const sha256 = sha256Of(file.buffer);
      // Held until commit: the orphan sweep cannot delete this blob between writing it and the
      // row that references it becoming visible (see AttachmentsSweeper).
      await lockBlobShared(m, sha256);
      await this.storage.put(file.buffer, sha256);
      const a = await m.save(
        m.create(Attachment, { ticketId: ticket.id, articleId, fileName, contentType: file.mimetype, size: file.size, sha256, uploadedById: actor.userId }),
      );
      // The name of a file on an internal note is as internal as the note (history-visibility.rules).
      await this.historyWriter.write(m, actor, ticket.id, [{ action: 'attachment', field: 'file', newValue: fileName, internal }]);
      return toDto(a);
    });
  }

  async list(actor: Actor, ticketId: string): Promise<{ items: AttachmentDto[] }> {
    const { ticket } = await this.access.load(this.dataSource.manager, actor, ticketId);
    const rows = (await this.dataSource.query(
      `SELECT a.id FROM attachments a LEFT JOIN articles ar ON ar.id = a.article_id
        WHERE a.ticket_id = $1 AND ($2 OR ar.kind IS DISTINCT FROM 'internal') ORDER BY a.created_at`,
      [ticket.id, isStaff(actor.roles)],
    )) as { id: string }[];
    const items = rows.length
      ? await this.dataSource
          .getRepository(Attachment)
          .createQueryBuilder('a')
          .where('a.id = ANY(:ids)', { ids: rows.map((r) => r.id) })
          .orderBy('a.created_at')
          .getMany()
      : [];
    return { items: items.map(toDto) };
  }

  /** Authorised per ticket: an attachment of an internal note is invisible to requesters. */
  async open(actor: Actor, attachmentId: string): Promise<{ meta: AttachmentDto; stream: ReadStream }> {
    const a = await this.dataSource.getRepository(Attachment).findOneBy({ id: attachmentId });
    const notFound = new MesaError('ATTACHMENT_NOT_FOUND', 'No existe el archivo o no tienes acceso a él.', { field: 'id' });
    if (!a) throw notFound;
    await this.access.load(this.dataSource.manager, actor, a.ticketId).catch(() => {
      throw notFound;
    });
    if (a.articleId && !isStaff(actor.roles)) {
      const article = await this.dataSource.getRepository(Article).findOneBy({ id: a.articleId });
      if (article?.kind === 'internal') throw notFound;
    }
    return { meta: toDto(a), stream: this.storage.open(a.sha256) };
  }
}
