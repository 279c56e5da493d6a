import { Injectable, Optional } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import type { ReadStream } from 'node:fs';
import { DataSource, type EntityManager } from 'typeorm';
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
import { checkStagedFiles, type FileAnswer, type StagedRow } from './staged-attachment.rules';

export type UploadedFileLike = { originalname: string; mimetype: string; size: number; buffer: Buffer };
export type StagedAttachmentDto = { id: string; fileName: string; contentType: string; size: number };
export type AttachmentDto = { id: string; ticketId: string; articleId: string | null; fileName: string; contentType: string; size: number; createdAt: string };

const toStagedDto = (a: Attachment): StagedAttachmentDto => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size });

/** A bound attachment (only those reach this: a staged one has no ticket and is never listed). */
const toDto = (a: Attachment): AttachmentDto => ({
  id: a.id,
  ticketId: a.ticketId!,
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

  /** The checks every upload passes before its bytes are looked at further: present, allowed name, type and content. */
  private async vet(file: UploadedFileLike | undefined): Promise<{ file: UploadedFileLike; fileName: string }> {
    if (!file) throw new MesaError('VALIDATION_FAILED', 'Adjunta un archivo en el campo "file".', { field: 'file' });
    const fileName = safeFileName(file.originalname);
    const check = checkAttachment(fileName, file.mimetype);
    if (!check.ok) throw new MesaError('ATTACHMENT_TYPE_NOT_ALLOWED', `Archivo rechazado: ${check.reason}.`, { field: 'file' });
    // The declared type is the client's word; the bytes are the file's.
    const content = checkSniffedType(check.extension, await fileTypeFromBuffer(file.buffer));
    if (!content.ok) throw new MesaError('ATTACHMENT_TYPE_NOT_ALLOWED', `Archivo rechazado: ${content.reason}.`, { field: 'file' });
    return { file, fileName };
  }

  private async scan(file: UploadedFileLike, fileName: string): Promise<void> {
    const scan = this.scanner ? await this.scanner.scan(file.buffer, fileName) : { clean: true as const };
    if (!scan.clean) throw new MesaError('ATTACHMENT_TYPE_NOT_ALLOWED', `Archivo rechazado por el antivirus: ${scan.reason}.`, { field: 'file' });
  }

  /** Writes the bytes and their row in `m`; the shared blob lock is held until `m` commits. */
  private async store(m: EntityManager, actor: Actor, file: UploadedFileLike, fileName: string, ticketId: string | null, articleId: string | null) {
    const sha256 = sha256Of(file.buffer);
    // Held until commit: the orphan sweep cannot delete this blob between writing it and the
    // row that references it becoming visible (see AttachmentsSweeper).
    await lockBlobShared(m, sha256);
    await this.storage.put(file.buffer, sha256);
    return m.save(m.create(Attachment, { ticketId, articleId, fileName, contentType: file.mimetype, size: file.size, sha256, uploadedById: actor.userId }));
  }

  /**
   * A file for a request form, uploaded before its ticket exists (issue 11 item 1): checked as
   * any upload, stored with no ticket and owned by the uploader, who alone may read it or bind
   * it to the ticket they create. Never bound, it is swept after ATTACHMENT_ORPHAN_GRACE_MINUTES.
   */
  async stage(actor: Actor, raw: UploadedFileLike | undefined): Promise<StagedAttachmentDto> {
    const { file, fileName } = await this.vet(raw);
    await this.scan(file, fileName);
    const a = await this.dataSource.transaction((m) => this.store(m, actor, file, fileName, null, null));
    return toStagedDto(a);
  }

  /**
   * Locks the staged rows the form's file answers name and checks they are the actor's and
   * unbound (staged-attachment.rules); refuses naming each bad `formData.<key>`. Call inside the
   * creating transaction, before the ticket is written: a second create naming the same file
   * waits here for the first to commit, then finds it bound.
   */
  async claimStaged(m: EntityManager, actor: Actor, answers: readonly FileAnswer[]): Promise<void> {
    if (!answers.length) return;
    const rows = (await m.query(
      `SELECT id, ticket_id AS "ticketId", uploaded_by_id AS "uploadedById" FROM attachments WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [answers.map((a) => a.attachmentId)],
    )) as StagedRow[];
    const errors = checkStagedFiles(answers, rows, actor.userId);
    if (errors.length) throw new MesaError('VALIDATION_FAILED', 'Revisa los archivos de la solicitud.', { errors });
  }

  /** Binds the claimed staged files to the new ticket, with a history row each as any upload writes. */
  async bindStaged(m: EntityManager, actor: Actor, ticketId: string, answers: readonly FileAnswer[]): Promise<void> {
    if (!answers.length) return;
    const bound = (await m.query(
      `WITH b AS (
         UPDATE attachments SET ticket_id = $1 WHERE id = ANY($2::uuid[]) AND ticket_id IS NULL AND uploaded_by_id = $3 RETURNING file_name, created_at
       ) SELECT file_name AS "fileName" FROM b ORDER BY created_at`,
      [ticketId, answers.map((a) => a.attachmentId), actor.userId],
    )) as { fileName: string }[];
    // claimStaged locked these rows as unbound and the actor's: anything else is a bug, not input.
    if (bound.length !== new Set(answers.map((a) => a.attachmentId)).size) throw new Error('staged attachments changed under their row lock');
    await this.historyWriter.write(
      m,
      actor,
      ticketId,
      bound.map((b) => ({ action: 'attachment', field: 'file', newValue: b.fileName, internal: false })),
    );
  }

  async upload(actor: Actor, ticketId: string, raw: UploadedFileLike | undefined, articleId: string | null): Promise<AttachmentDto> {
    const { file, fileName } = await this.vet(raw);
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
      await this.scan(file, fileName);
      const a = await this.store(m, actor, file, fileName, ticket.id, articleId);
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
  async open(actor: Actor, attachmentId: string): Promise<{ meta: StagedAttachmentDto; stream: ReadStream }> {
    const a = await this.dataSource.getRepository(Attachment).findOneBy({ id: attachmentId });
    const notFound = new MesaError('ATTACHMENT_NOT_FOUND', 'No existe el archivo o no tienes acceso a él.', { field: 'id' });
    if (!a) throw notFound;
    // A staged file (no ticket yet) is its uploader's alone, whatever roles anyone else holds.
    if (a.ticketId === null) {
      if (a.uploadedById !== actor.userId) throw notFound;
      return { meta: toStagedDto(a), stream: this.storage.open(a.sha256) };
    }
    await this.access.load(this.dataSource.manager, actor, a.ticketId).catch(() => {
      throw notFound;
    });
    if (a.articleId && !isStaff(actor.roles)) {
      const article = await this.dataSource.getRepository(Article).findOneBy({ id: a.articleId });
      if (article?.kind === 'internal') throw notFound;
    }
    return { meta: toStagedDto(a), stream: this.storage.open(a.sha256) };
  }
}
