import { Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Access, Public, SessionOnly } from '../../common/auth/access.decorator';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../../common/http/api.decorators';
import { requestIdOf } from '../../common/http/request-id';
import { clearCookie, setCookie } from '../../common/http/set-cookie';
import { CSRF_COOKIE, SESSION_COOKIE } from './access.guard';
import { AuthService } from './auth.service';
import { changePasswordBody, createTokenBody, loginBody } from './dto/identity.dto';
import { WriteRateLimiter } from '../../common/infra/write-rate-limiter';
import { ApiNoContent, ApiZodResponse } from '../../common/http/api-responses';
import { apiTokensResponse, createdApiTokenResponse, loginResponse, meResponse } from './dto/identity.dto';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly writeLimits: WriteRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @Public()
  @ApiZodBody(loginBody)
  @ApiZodResponse(loginResponse)
  async login(@ZodBody(loginBody) body: z.output<typeof loginBody>, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const { session, me } = await this.auth.login(body.email, body.password, {
      ip: req.clientAddress,
      userAgent: req.headers['user-agent'],
      requestId: requestIdOf(req),
    });
    const common = { secure: this.config.session.cookieSecure, sameSite: 'lax' as const, path: '/', expires: session.expiresAt };
    setCookie(res, SESSION_COOKIE, session.token, { ...common, httpOnly: true });
    // Readable by the portal's script, which echoes it in X-CSRF-Token (synchroniser token pattern).
    setCookie(res, CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
    return { user: me, csrfToken: session.csrfToken };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Access('profile.self')
  @ApiNoContent()
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    clearCookie(res, SESSION_COOKIE, { path: '/' });
    clearCookie(res, CSRF_COOKIE, { path: '/' });
  }

  @Get('me')
  @Access('profile.self')
  @ApiZodResponse(meResponse)
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor.userId);
  }

  @Post('me/password')
  @HttpCode(204)
  @Access('profile.self')
  @SessionOnly()
  @ApiZodBody(changePasswordBody)
  @ApiNoContent()
  async changePassword(
    @CurrentActor() actor: Actor,
    @ZodBody(changePasswordBody) body: z.output<typeof changePasswordBody>,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword, { ip: req.clientAddress });
  }

  @Get('me/tokens')
  @Access('profile.self')
  @ApiZodResponse(apiTokensResponse)
  async tokens(@CurrentActor() actor: Actor) {
    return { items: await this.auth.listTokens(actor) };
  }

  @Post('me/tokens')
  @Access('profile.self')
  @SessionOnly()
  @ApiZodBody(createTokenBody)
  @ApiZodResponse(createdApiTokenResponse, 201)
  async createToken(@CurrentActor() actor: Actor, @ZodBody(createTokenBody) body: z.output<typeof createTokenBody>) {
    await this.writeLimits.consume('tokenCreates', actor.userId);
    return this.auth.createToken(actor, body.name, body.scope, body.expiresInDays);
  }

  @Delete('me/tokens/:id')
  @HttpCode(204)
  @Access('profile.self')
  @ApiIdParam()
  @ApiNoContent()
  async revokeToken(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.auth.revokeToken(actor, id);
  }
}
