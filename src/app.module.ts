import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from './config/config';
import { RouteInventory } from './common/auth/route-inventory';
import { ProblemFilter } from './common/errors/problem.filter';
import { InfraModule } from './common/infra/infra.module';
import { AuditModule } from './modules/audit/audit.module';
import { IdentityModule } from './modules/identity/identity.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { SystemModule } from './modules/system/system.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { SlaModule } from './modules/sla/sla.module';
import { TextModulesModule } from './modules/text-modules/text-modules.module';

export type AppModuleOptions = { config: AppConfig };

/** The API's module graph. The worker reuses the same business modules without HTTP. */
@Module({})
export class AppModule {
  static register({ config }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfraModule.forRoot(config, 'api'),
        DiscoveryModule,
        AuditModule,
        OrganisationsModule,
        IdentityModule,
        CatalogModule,
        TicketsModule,
        TextModulesModule,
        SlaModule,
        SystemModule,
      ],
      providers: [RouteInventory, { provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
