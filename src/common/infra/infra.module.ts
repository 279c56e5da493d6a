import { Global, Inject, Injectable, Module, type OnApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { createDataSource } from '../../database/data-source';
import { Clock } from '../clock';

export const REDIS = Symbol('REDIS');

@Injectable()
class InfraLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Config, the PostgreSQL data source and the Redis client, shared by API and worker. */
@Global()
@Module({})
export class InfraModule {
  static forRoot(config: AppConfig, role: 'api' | 'worker'): DynamicModule {
    return {
      module: InfraModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: async () => {
            const ds = createDataSource(config.databaseUrl, { applicationName: `mesa-${role}`, poolSize: role === 'api' ? 20 : 10 });
            return ds.initialize();
          },
        },
        {
          provide: REDIS,
          // BullMQ requires maxRetriesPerRequest: null on connections it blocks on; the shared
          // client is for counters and pub/sub, so failing fast is the better behaviour here.
          useFactory: () => new Redis(config.redis.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false }),
        },
        InfraLifecycle,
        Clock,
      ],
      exports: [APP_CONFIG, DataSource, REDIS, Clock],
    };
  }
}
