import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotificationsLive } from './notifications-live.service';
import { OutboxHandlerRegistry } from './outbox-handler.registry';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxService } from './outbox.service';

@Module({
  controllers: [NotificationsController],
  providers: [OutboxService, OutboxHandlerRegistry, OutboxRelayService, NotificationsService, NotificationsLive],
  exports: [OutboxService, OutboxHandlerRegistry, OutboxRelayService, NotificationsService, NotificationsLive],
})
export class OutboxModule {}
