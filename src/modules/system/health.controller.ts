import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/access.decorator';
import { REDIS } from '../../common/infra/infra.module';
import { ApiZodResponse } from '../../common/http/api-responses';
import { healthResponse, readinessResponse } from './dto/health.dto';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_r, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @Public()
  @ApiZodResponse(healthResponse)
  health() {
    return { status: 'ok' as const };
  }

  /** Readiness: PostgreSQL and Redis are reachable (503 otherwise, naming which). */
  @Get('ready')
  @Public()
  @ApiZodResponse(readinessResponse)
  async ready(@Res({ passthrough: true }) res: Response) {
    const check = async (fn: () => Promise<unknown>) =>
      withTimeout(fn(), 2000).then(
        () => 'ok' as const,
        () => 'down' as const,
      );
    const [database, redis] = await Promise.all([check(() => this.dataSource.query('SELECT 1')), check(() => this.redis.ping())]);
    const ok = database === 'ok' && redis === 'ok';
    res.status(ok ? 200 : 503);
    return { status: ok ? ('ok' as const) : ('unavailable' as const), checks: { database, redis } };
  }
}
