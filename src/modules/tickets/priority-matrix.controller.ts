import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiZodBody, ZodBody } from '../../common/http/api.decorators';
import { ApiZodResponse } from '../../common/http/api-responses';
import { priorityMatrixBody, priorityMatrixResponse } from './dto/tickets.dto';
import { PriorityMatrixService } from './priority-matrix.service';

@ApiTags('tickets')
@Controller('v1/priority-matrix')
export class PriorityMatrixController {
  constructor(private readonly matrix: PriorityMatrixService) {}

  @Get()
  @Access('tickets.settings.read')
  @ApiZodResponse(priorityMatrixResponse)
  async get() {
    return { matrix: await this.matrix.get() };
  }

  @Put()
  @Access('tickets.configure')
  @ApiZodBody(priorityMatrixBody)
  @ApiZodResponse(priorityMatrixResponse)
  async set(@CurrentActor() actor: Actor, @ZodBody(priorityMatrixBody) body: z.output<typeof priorityMatrixBody>) {
    return { matrix: await this.matrix.set(actor, body.cells) };
  }
}
