import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarsController } from './calendars.controller';
import { CalendarsService } from './calendars.service';

/** SLA: business calendars (issue 12); business time, clocks and timers build on them. */
@Module({
  imports: [AuditModule],
  controllers: [CalendarsController],
  providers: [CalendarsService],
  exports: [CalendarsService],
})
export class SlaModule {}
