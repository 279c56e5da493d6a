import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import { CalendarsService } from './calendars.service';
import { addClosureBody, calendarQuery, calendarResponse, calendarsResponse, createCalendarBody, updateCalendarBody } from './dto/calendars.dto';

@ApiTags('calendars')
@Controller('v1/calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @Access('calendars.read')
  @ApiZodResponse(calendarsResponse)
  list() {
    return this.calendars.list();
  }

  @Get(':id')
  @Access('calendars.read')
  @ApiIdParam()
  @ApiZodQuery(calendarQuery)
  @ApiZodResponse(calendarResponse)
  get(@IdParam() id: string, @ZodQuery(calendarQuery) q: z.output<typeof calendarQuery>) {
    return this.calendars.get(id, q.year);
  }

  @Post()
  @Access('calendars.manage')
  @ApiZodBody(createCalendarBody)
  @ApiZodResponse(calendarResponse, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createCalendarBody) body: z.output<typeof createCalendarBody>) {
    return this.calendars.create(actor, body);
  }

  @Patch(':id')
  @Access('calendars.manage')
  @ApiIdParam()
  @ApiZodBody(updateCalendarBody)
  @ApiZodResponse(calendarResponse)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateCalendarBody) body: z.output<typeof updateCalendarBody>) {
    return this.calendars.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('calendars.manage')
  @ApiIdParam()
  @ApiNoContent()
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.calendars.remove(actor, id);
  }

  @Post(':id/closures')
  @Access('calendars.manage')
  @ApiIdParam()
  @ApiZodBody(addClosureBody)
  @ApiZodResponse(calendarResponse, 201)
  addClosure(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(addClosureBody) body: z.output<typeof addClosureBody>) {
    return this.calendars.addClosure(actor, id, body);
  }

  @Delete(':id/closures/:closureId')
  @Access('calendars.manage')
  @ApiIdParam()
  @ApiIdParam('closureId')
  @ApiZodResponse(calendarResponse)
  removeClosure(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('closureId') closureId: string) {
    return this.calendars.removeClosure(actor, id, closureId);
  }
}
