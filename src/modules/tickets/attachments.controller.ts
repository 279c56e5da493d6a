import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, IdParam } from '../../common/http/api.decorators';
import { ApiStreamResponse } from '../../common/http/api-responses';
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
}
