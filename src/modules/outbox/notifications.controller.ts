import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodQuery, IdParam, ZodQuery } from '../../common/http/api.decorators';
import { NotificationsService } from './notifications.service';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import { notificationsResponse } from './dto/notifications.dto';

const listQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});

@ApiTags('notifications')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access('notifications.self')
  @ApiZodQuery(listQuery)
  @ApiZodResponse(notificationsResponse)
  list(@CurrentActor() actor: Actor, @ZodQuery(listQuery) q: z.output<typeof listQuery>) {
    return this.notifications.list(actor, q.unread);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Access('notifications.self')
  @ApiIdParam()
  @ApiNoContent()
  async read(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.notifications.markRead(actor, id);
  }
}
