import { Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CatalogTransferService } from './catalog-transfer.service';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { rolesHave } from '../../common/auth/permissions';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { CatalogService } from './catalog.service';
import { createServiceBody, serviceListQuery, updateServiceBody } from './dto/catalog.dto';
import { ApiStreamResponse, ApiZodResponse } from '../../common/http/api-responses';
import { catalogImportResponse, servicePageResponse, serviceResponse, serviceVersionsResponse } from './dto/catalog.dto';

const exportQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });
// A flat object (not a discriminated union) so every bad field is named, not just `format`.
const importBody = z
  .strictObject({
    format: z.enum(['json', 'csv']),
    services: z.array(z.record(z.string(), z.unknown())).min(1).max(1000).optional(),
    content: z.string().min(1).max(5_000_000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.format === 'json' && !b.services) ctx.addIssue({ code: 'custom', path: ['services'], message: 'es obligatorio con format json' });
    if (b.format === 'csv' && !b.content) ctx.addIssue({ code: 'custom', path: ['content'], message: 'es obligatorio con format csv' });
  });

const audienceOf = (actor: Actor) =>
  rolesHave(actor.roles, 'tickets.work') || rolesHave(actor.roles, 'catalog.manage')
    ? ({ kind: 'staff' } as const)
    : ({ kind: 'requester', organisationId: actor.organisationId } as const);

@ApiTags('catalog')
@Controller('v1/catalog/services')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly transfer: CatalogTransferService,
  ) {}

  @Get()
  @Access('catalog.read')
  @ApiZodQuery(serviceListQuery)
  @ApiZodResponse(servicePageResponse)
  list(@CurrentActor() actor: Actor, @ZodQuery(serviceListQuery) q: z.output<typeof serviceListQuery>) {
    return this.catalog.list(q, audienceOf(actor));
  }

  @Get('export')
  @Access('catalog.manage')
  @ApiZodQuery(exportQuery)
  @ApiStreamResponse(['application/json', 'text/csv'], 'The whole catalog as a file (catalogo.json or catalogo.csv), as the import reads it.')
  async export(@ZodQuery(exportQuery) q: z.output<typeof exportQuery>, @Res({ passthrough: true }) res: FastifyReply) {
    const file = await this.transfer.export(q.format);
    res.header('Content-Type', file.contentType);
    res.header('Content-Disposition', `attachment; filename="catalogo.${q.format}"`);
    return file.body;
  }

  @Post('import')
  @HttpCode(200)
  @Access('catalog.manage')
  @ApiZodBody(importBody)
  @ApiZodResponse(catalogImportResponse)
  import(@CurrentActor() actor: Actor, @ZodBody(importBody) body: z.output<typeof importBody>) {
    return this.transfer.import(
      actor,
      body.format === 'json' ? { format: 'json', services: body.services ?? [] } : { format: 'csv', content: body.content ?? '' },
    );
  }

  @Get(':id')
  @Access('catalog.read')
  @ApiIdParam()
  @ApiZodResponse(serviceResponse)
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.catalog.get(id, audienceOf(actor));
  }

  @Get(':id/versions')
  @Access('catalog.manage')
  @ApiIdParam()
  @ApiZodResponse(serviceVersionsResponse)
  versions(@IdParam() id: string) {
    return this.catalog.versions(id);
  }

  @Post()
  @Access('catalog.manage')
  @ApiZodBody(createServiceBody)
  @ApiZodResponse(serviceResponse, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createServiceBody) body: z.output<typeof createServiceBody>) {
    return this.catalog.create(actor, body);
  }

  @Patch(':id')
  @Access('catalog.manage')
  @ApiIdParam()
  @ApiZodBody(updateServiceBody)
  @ApiZodResponse(serviceResponse)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateServiceBody) body: z.output<typeof updateServiceBody>) {
    return this.catalog.update(actor, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access('catalog.manage')
  @ApiIdParam()
  @ApiZodResponse(serviceResponse)
  publish(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.catalog.publish(actor, id);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @Access('catalog.manage')
  @ApiIdParam()
  @ApiZodResponse(serviceResponse)
  retire(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.catalog.retire(actor, id);
  }
}
