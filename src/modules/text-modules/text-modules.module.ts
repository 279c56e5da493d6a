import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { TicketsModule } from '../tickets/tickets.module';
import { TextModulesController } from './text-modules.controller';
import { TextModulesService } from './text-modules.service';

/** Canned responses with placeholders for replies and notes (issue 11 item 7). */
@Module({
  imports: [AuditModule, IdentityModule, TicketsModule],
  controllers: [TextModulesController],
  providers: [TextModulesService],
})
export class TextModulesModule {}
