import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, IdParam } from '../../common/http/api.decorators';
import { ApiStreamResponse } from '../../common/http/api-responses';
import { MesaError } from '../../common/errors/mesa-error';
import { previewTypeOf } from './attachment.rules';
import { TicketAttachmentsService } from './ticket-attachments.service';

@ApiTags('tickets')
@Controller('v1/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: TicketAttachmentsService) {}

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
