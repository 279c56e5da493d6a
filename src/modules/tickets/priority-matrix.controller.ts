import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiZodBody, ZodBody } from '../../common/http/api.decorators';
import { priorityMatrixBody } from './dto/tickets.dto';
import { PriorityMatrixService } from './priority-matrix.service';

@ApiTags('tickets')
@Controller('v1/priority-matrix')
export class PriorityMatrixController {
  constructor(private readonly matrix: PriorityMatrixService) {}

  @Get()
  @Access('tickets.settings.read')
  async get() {
    return { matrix: await this.matrix.get() };
  }

  @Put()
  @Access('tickets.configure')
  @ApiZodBody(priorityMatrixBody)
  async set(@CurrentActor() actor: Actor, @ZodBody(priorityMatrixBody) body: z.output<typeof priorityMatrixBody>) {
    return { matrix: await this.matrix.set(actor, body.cells) };
  }
}
