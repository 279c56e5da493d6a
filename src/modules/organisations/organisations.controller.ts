import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { AuditService } from '../audit/audit.service';
import {
  createLocationBody,
  createOrganisationBody,
  historyQuery,
  organisationListQuery,
  updateLocationBody,
  updateOrganisationBody,
} from './dto/organisations.dto';
import { OrganisationsService } from './organisations.service';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import { auditPageResponse } from '../audit/dto/audit.dto';
import { locationResponse, locationsResponse, organisationDetailResponse, organisationPageResponse, organisationResponse } from './dto/organisations.dto';

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
  @ApiZodResponse(organisationPageResponse)
  list(@ZodQuery(organisationListQuery) q: z.output<typeof organisationListQuery>) {
    return this.organisations.list(q);
  }

  @Get('organisations/:id')
  @Access('organisations.read')
  @ApiIdParam()
  @ApiZodResponse(organisationDetailResponse)
  get(@IdParam() id: string) {
    return this.organisations.get(id);
  }

  @Get('organisations/:id/history')
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiZodQuery(historyQuery)
  @ApiZodResponse(auditPageResponse)
  history(@IdParam() id: string, @ZodQuery(historyQuery) q: z.output<typeof historyQuery>) {
    return this.audit.list({ ...q, entity: 'organisation', entityId: id });
  }

  @Post('organisations')
  @Access('organisations.manage')
  @ApiZodBody(createOrganisationBody)
  @ApiZodResponse(organisationResponse, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createOrganisationBody) body: z.output<typeof createOrganisationBody>) {
    return this.organisations.create(actor, body);
  }

  @Patch('organisations/:id')
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiZodBody(updateOrganisationBody)
  @ApiZodResponse(organisationResponse)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateOrganisationBody) body: z.output<typeof updateOrganisationBody>) {
    return this.organisations.update(actor, id, body);
  }

  @Delete('organisations/:id')
  @HttpCode(204)
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiNoContent()
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.organisations.remove(actor, id);
  }

  @Get('organisations/:id/locations')
  @Access('organisations.read')
  @ApiIdParam()
  @ApiZodResponse(locationsResponse)
  locations(@IdParam() id: string) {
    return this.organisations.listLocations(id);
  }

  @Post('organisations/:id/locations')
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiZodBody(createLocationBody)
  @ApiZodResponse(locationResponse, 201)
  createLocation(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(createLocationBody) body: z.output<typeof createLocationBody>) {
    return this.organisations.createLocation(actor, id, body);
  }

  @Patch('locations/:id')
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiZodBody(updateLocationBody)
  @ApiZodResponse(locationResponse)
  updateLocation(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateLocationBody) body: z.output<typeof updateLocationBody>) {
    return this.organisations.updateLocation(actor, id, body);
  }

  @Delete('locations/:id')
  @HttpCode(204)
  @Access('organisations.manage')
  @ApiIdParam()
  @ApiNoContent()
  async removeLocation(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.organisations.removeLocation(actor, id);
  }
}
