import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { AuditService } from '../audit/audit.service';
import { createLocationBody, createOrganisationBody, historyQuery, organisationListQuery, updateLocationBody, updateOrganisationBody } from './dto/organisations.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('v1')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  @Get('organisations')
  @Access('organisations.read')
  @ApiZodQuery(organisationListQuery)
  list(@ZodQuery(organisationListQuery) q: z.output<typeof organisationListQuery>) {
    return this.organisations.list(q);
  }

  @Get('organisations/:id')
  @Access('organisations.read')
  @ApiIdParam()
  get(@IdParam() id: string) {
    return this.organisations.get(id);
  }

  @Get('organisations/:id/history')
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiZodQuery(historyQuery)
  history(@IdParam() id: string, @ZodQuery(historyQuery) q: z.output<typeof historyQuery>) {
    return this.audit.list({ ...q, entity: 'organisation', entityId: id });
  }

  @Post('organisations')
  @Access('organisations.manage')
  @ApiZodBody(createOrganisationBody)
  create(@CurrentActor() actor: Actor, @ZodBody(createOrganisationBody) body: z.output<typeof createOrganisationBody>) {
    return this.organisations.create(actor, body);
  }

  @Patch('organisations/:id')
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiZodBody(updateOrganisationBody)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateOrganisationBody) body: z.output<typeof updateOrganisationBody>) {
    return this.organisations.update(actor, id, body);
  }

  @Delete('organisations/:id')
  @HttpCode(204)
  @Access('organisations.manage')
  @ApiIdParam()
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.organisations.remove(actor, id);
  }

  @Get('organisations/:id/locations')
  @Access('organisations.read')
  @ApiIdParam()
  locations(@IdParam() id: string) {
    return this.organisations.listLocations(id);
  }

  @Post('organisations/:id/locations')
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiZodBody(createLocationBody)
  createLocation(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(createLocationBody) body: z.output<typeof createLocationBody>) {
    return this.organisations.createLocation(actor, id, body);
  }

  @Patch('locations/:id')
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiZodBody(updateLocationBody)
  updateLocation(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateLocationBody) body: z.output<typeof updateLocationBody>) {
    return this.organisations.updateLocation(actor, id, body);
  }

  @Delete('locations/:id')
  @HttpCode(204)
  @Access('organisations.manage')
  @ApiIdParam()
  async removeLocation(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.organisations.removeLocation(actor, id);
  }
}
