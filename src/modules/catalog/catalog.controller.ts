import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { rolesHave } from '../../common/auth/permissions';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { CatalogService } from './catalog.service';
import { createServiceBody, serviceListQuery, updateServiceBody } from './dto/catalog.dto';

@ApiTags('catalog')
@Controller('v1/catalog/services')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Access('catalog.read')
  @ApiZodQuery(serviceListQuery)
  list(@CurrentActor() actor: Actor, @ZodQuery(serviceListQuery) q: z.output<typeof serviceListQuery>) {
    const staff = rolesHave(actor.roles, 'tickets.work') || rolesHave(actor.roles, 'catalog.manage');
    return this.catalog.list(q, staff ? 'staff' : 'requester');
  }

  @Get(':id')
  @Access('catalog.read')
  @ApiIdParam()
  get(@IdParam() id: string) {
    return this.catalog.get(id);
  }

  @Post()
  @Access('catalog.manage')
  @ApiZodBody(createServiceBody)
  create(@CurrentActor() actor: Actor, @ZodBody(createServiceBody) body: z.output<typeof createServiceBody>) {
    return this.catalog.create(actor, body);
  }

  @Patch(':id')
  @Access('catalog.manage')
  @ApiIdParam()
  @ApiZodBody(updateServiceBody)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateServiceBody) body: z.output<typeof updateServiceBody>) {
    return this.catalog.update(actor, id, body);
  }
}
