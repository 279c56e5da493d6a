import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../../common/http/api.decorators';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import { savedFilterBody, savedFilterResponse, savedFiltersResponse } from './dto/tickets.dto';
import { SavedFiltersService } from './saved-filters.service';

@ApiTags('tickets')
@Controller('v1/saved-filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFiltersService) {}

  @Get()
  @Access('tickets.work')
  @ApiZodResponse(savedFiltersResponse)
  list(@CurrentActor() actor: Actor) {
    return this.filters.list(actor);
  }

  @Post()
  @Access('tickets.work')
  @ApiZodBody(savedFilterBody)
  @ApiZodResponse(savedFilterResponse, 201)
  save(@CurrentActor() actor: Actor, @ZodBody(savedFilterBody) body: z.output<typeof savedFilterBody>) {
    return this.filters.save(actor, body.name, body.query);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('tickets.work')
  @ApiIdParam()
  @ApiNoContent()
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.filters.remove(actor, id);
  }
}
