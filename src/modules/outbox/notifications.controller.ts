import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { NotificationsService } from './notifications.service';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import { notificationPreferenceBody, notificationPreferencesResponse, notificationsResponse } from './dto/notifications.dto';

const listQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  limit: z.coerce.number().int().min(1).max(100).default(100),
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
    return this.notifications.list(actor, q.unread, q.limit);
  }

  @Post('read-all')
  @HttpCode(204)
  @Access('notifications.self')
  @ApiNoContent()
  async readAll(@CurrentActor() actor: Actor): Promise<void> {
    await this.notifications.markAllRead(actor);
  }

  @Get('preferences')
  @Access('notifications.self')
  @ApiZodResponse(notificationPreferencesResponse)
  preferences(@CurrentActor() actor: Actor) {
    return this.notifications.preferences(actor);
  }

  /** Approvals and major incidents are refused (400 naming `kind`): nobody may silence them. */
  @Put('preferences')
  @Access('notifications.self')
  @ApiZodBody(notificationPreferenceBody)
  @ApiZodResponse(notificationPreferencesResponse)
  setPreference(@CurrentActor() actor: Actor, @ZodBody(notificationPreferenceBody) body: z.output<typeof notificationPreferenceBody>) {
    return this.notifications.setPreference(actor, body.kind, body.channel);
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
