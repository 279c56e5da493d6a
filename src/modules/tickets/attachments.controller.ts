import { Controller, Get, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest, FastifyReply as Response } from 'fastify';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, IdParam } from '../../common/http/api.decorators';
import { ApiStreamResponse, ApiZodResponse } from '../../common/http/api-responses';
import { MesaError } from '../../common/errors/mesa-error';
import { WriteRateLimiter } from '../../common/infra/write-rate-limiter';
import { stagedAttachmentResponse } from './dto/tickets.dto';
import { readUpload } from './upload.reader';
import { previewTypeOf } from './attachment.rules';
import { TicketAttachmentsService } from './ticket-attachments.service';

const stagedFields = z.strictObject({});

@ApiTags('tickets')
@Controller('v1/attachments')
export class AttachmentsController {
  constructor(
    private readonly attachments: TicketAttachmentsService,
    private readonly writeLimits: WriteRateLimiter,
  ) {}

  /**
   * A file for a request form's `file` field, sent before the ticket exists (issue 11 item 1):
   * the same checks as any upload; the answer is its id, which only this user can bind, by
   * creating the ticket. Unbound, it is deleted after ATTACHMENT_ORPHAN_GRACE_MINUTES.
   */
  @Post('staged')
  @Access('tickets.use')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiZodResponse(stagedAttachmentResponse, 201)
  async stage(@CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    // Counted before the body is read, with the ticket uploads: one budget per user for the disk.
    await this.writeLimits.consume('uploads', actor.userId);
    const { file, fields } = await readUpload(req);
    stagedFields.parse(fields);
    return this.attachments.stage(actor, file);
  }

  @Get(':id/content')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiStreamResponse(['application/octet-stream'], 'The file, with the content type it was stored with and Content-Disposition: attachment.')
  async content(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { meta, stream } = await this.attachments.open(actor, id);
    res.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`);
    return new StreamableFile(stream, { type: meta.contentType, length: meta.size });
  }

  /**
   * Images and PDFs shown inside the portal (issue 11, item 10): inline, with the type their
   * extension (sniffed at upload) calls for, never one a browser would run as a page. The
   * portal's ticket page may frame it (frame-ancestors 'self'), nothing else may, and the
   * document itself may load nothing.
   */
  @Get(':id/preview')
  @Access('tickets.use')
  @ApiIdParam()
  @ApiStreamResponse(['image/png', 'image/jpeg', 'image/gif', 'application/pdf'], 'The image or PDF, inline, for the portal to show.')
  async preview(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { meta, stream } = await this.attachments.open(actor, id);
    const type = previewTypeOf(meta.fileName);
    if (!type) {
      stream.destroy();
      throw new MesaError('ATTACHMENT_TYPE_NOT_ALLOWED', 'Este tipo de archivo no tiene vista previa; descárgalo.', { field: 'id' });
    }
    res.header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`);
    res.header('Content-Security-Policy', `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'`);
    res.header('X-Frame-Options', 'SAMEORIGIN');
    return new StreamableFile(stream, { type, length: meta.size });
  }
}
