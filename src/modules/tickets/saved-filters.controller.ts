import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../../common/http/api.decorators';
import { savedFilterBody } from './dto/tickets.dto';
import { SavedFiltersService } from './tickets-bulk.service';

@ApiTags('tickets')
@Controller('v1/saved-filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFiltersService) {}

  @Get()
  @Access('tickets.work')
  list(@CurrentActor() actor: Actor) {
    return this.filters.list(actor);
  }

  @Post()
  @Access('tickets.work')
  @ApiZodBody(savedFilterBody)
  save(@CurrentActor() actor: Actor, @ZodBody(savedFilterBody) body: z.output<typeof savedFilterBody>) {
    return this.filters.save(actor, body.name, body.query);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('tickets.work')
  @ApiIdParam()
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.filters.remove(actor, id);
  }
}
