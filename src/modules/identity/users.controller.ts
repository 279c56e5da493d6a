import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, SessionOnly } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ROLE_LABELS, ROLES } from '../../common/auth/roles';
import { ApiIdParam, ApiZodBody, ApiZodQuery, IdParam, ZodBody, ZodQuery } from '../../common/http/api.decorators';
import { createUserBody, resetPasswordBody, updateUserBody, userListQuery } from './dto/identity.dto';
import { UsersService } from './users.service';
import { AuthService } from './auth.service';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import { apiTokensResponse, rolesResponse, userPageResponse, userResponse } from './dto/identity.dto';

@ApiTags('users')
@Controller('v1')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Get('roles')
  @Access('roles.read')
  @ApiZodResponse(rolesResponse)
  roles() {
    return { items: ROLES.map((id) => ({ id, label: ROLE_LABELS[id] })) };
  }

  @Get('users')
  @Access('users.read')
  @ApiZodQuery(userListQuery)
  @ApiZodResponse(userPageResponse)
  list(@ZodQuery(userListQuery) q: z.output<typeof userListQuery>) {
    return this.users.list(q);
  }

  @Get('users/:id')
  @Access('users.read')
  @ApiIdParam()
  @ApiZodResponse(userResponse)
  get(@IdParam() id: string) {
    return this.users.get(id);
  }

  @Post('users')
  @Access('users.manage')
  @ApiZodBody(createUserBody)
  @ApiZodResponse(userResponse, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createUserBody) body: z.output<typeof createUserBody>) {
    return this.users.create(actor, body);
  }

  @Patch('users/:id')
  @Access('users.manage')
  @ApiIdParam()
  @ApiZodBody(updateUserBody)
  @ApiZodResponse(userResponse)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ZodBody(updateUserBody) body: z.output<typeof updateUserBody>) {
    return this.users.update(actor, id, body);
  }

  @Post('users/:id/password')
  @HttpCode(204)
  @Access('users.manage')
  // Setting a password mints a sign-in that outlives any token: a leaked administrator token must
  // not take over its own account (bypassing me/password's current password) or anyone else's.
  @SessionOnly()
  @ApiIdParam()
  @ApiZodBody(resetPasswordBody)
  @ApiNoContent()
  async resetPassword(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @ZodBody(resetPasswordBody) body: z.output<typeof resetPasswordBody>,
  ): Promise<void> {
    await this.users.resetPassword(actor, id, body.newPassword);
  }

  /** The user's live API tokens (never their secrets), so an administrator can see and revoke them. */
  @Get('users/:id/tokens')
  @Access('users.manage')
  @ApiIdParam()
  @ApiZodResponse(apiTokensResponse)
  async tokens(@IdParam() id: string) {
    await this.users.get(id);
    return { items: await this.auth.liveTokensOf(id) };
  }

  @Delete('users/:id/tokens/:tokenId')
  @HttpCode(204)
  @Access('users.manage')
  @ApiIdParam()
  @ApiIdParam('tokenId')
  @ApiNoContent()
  async revokeToken(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('tokenId') tokenId: string): Promise<void> {
    await this.users.get(id);
    await this.auth.revokeTokenOf(actor, id, tokenId);
  }
}
