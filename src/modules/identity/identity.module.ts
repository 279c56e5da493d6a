import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LiveConnectionGuard } from './live-connection.guard';
import { LiveConnectionsService } from './live-connections.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { PasswordService } from './password.service';
import { AuthCacheBus } from './auth-cache.bus';
import { SessionsService } from './sessions.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';
import { UsersController } from './users.controller';
import { UserDirectory } from './user-directory.service';
import { UsersService } from './users.service';
import { WriteRateLimiter } from '../../common/infra/write-rate-limiter';

@Module({
  imports: [AuditModule, OrganisationsModule],
  controllers: [AuthController, UsersController, TeamsController],
  providers: [
    PasswordHasher,
    PasswordService,
    SessionsService,
    AuthCacheBus,
    LoginRateLimiter,
    WriteRateLimiter,
    LiveConnectionsService,
    LiveConnectionGuard,
    AuthService,
    UsersService,
    TeamsService,
    UserDirectory,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, TeamsService, UserDirectory, PasswordService, LiveConnectionsService, LiveConnectionGuard],
})
export class IdentityModule {}
