import { Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { createTeamBody, setMembersBody, teamListQuery, updateTeamBody } from './dto/identity.dto';
import { TeamsService } from './teams.service';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import { teamPageResponse, teamResponse } from './dto/identity.dto';

@ApiTags('teams')
@Controller('v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Access('teams.read')
  @ApiZodQuery(teamListQuery)
  @ApiZodResponse(teamPageResponse)
  list(@ZodQuery(teamListQuery) q: z.output<typeof teamListQuery>) {
    return this.teams.list(q);
  }

  @Get(':id')
  @Access('teams.read')
  @ApiIdParam()
  @ApiZodResponse(teamResponse)
  get(@IdParam() id: string) {
    return this.teams.get(id);
  }

  @Post()
  @Access('teams.manage')
  @ApiZodBody(createTeamBody)
  @ApiZodResponse(teamResponse, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createTeamBody) body: z.output<typeof createTeamBody>) {
    return this.teams.create(actor, body);
  }

  @Patch(':id')
  @Access('teams.manage')
  @ApiIdParam()
  @ApiZodBody(updateTeamBody)
  @ApiZodResponse(teamResponse)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateTeamBody) body: z.output<typeof updateTeamBody>) {
    return this.teams.update(actor, id, body);
  }

  @Put(':id/members')
  @Access('teams.manage')
  @ApiIdParam()
  @ApiZodBody(setMembersBody)
  @ApiZodResponse(teamResponse)
  setMembers(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(setMembersBody) body: z.output<typeof setMembersBody>) {
    return this.teams.setMembers(actor, id, body.userIds);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('teams.manage')
  @ApiIdParam()
  @ApiNoContent()
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.teams.remove(actor, id);
  }
}
