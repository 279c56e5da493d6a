import { PassThrough } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../config/config';
import { createLogger, PinoNestLogger } from './logging';

function capture(level = 'info') {
  const lines: { level: number; msg: string; context?: string }[] = [];
  const stream = new PassThrough();
  stream.on('data', (b: Buffer) =>
    b
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((l) => lines.push(JSON.parse(l))),
  );
  return { logger: new PinoNestLogger(pino({ level }, stream)), lines };
}

describe('PinoNestLogger', () => {
  it('demotes Nest start-up chatter to debug and keeps other messages at their level', async () => {
    const { logger, lines } = capture('info');
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    logger.log('worker started', 'WorkerRunner');
    logger.warn({ job: 'x' }, 'WorkerRunner');
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.level, l.msg, l.context])).toEqual([
      [30, 'worker started', 'WorkerRunner'],
      [40, 'WorkerRunner', 'WorkerRunner'],
    ]);
  });
});

describe('createLogger', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://mesa:Pg%23Secreta-91@db.internal:5432/mesa',
    REDIS_URL: 'redis://:RedisClave77@cache.internal:6379',
    SMTP_URL: 'smtp://mesa:Correo"Clave5@mail.internal:587',
    LOG_LEVEL: 'info',
  });

  function linesOf(log: (logger: ReturnType<typeof createLogger>) => void): Promise<string> {
    const out: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (b: Buffer) => out.push(b.toString()));
    log(createLogger(config, stream));
    return new Promise((r) => setImmediate(() => r(out.join(''))));
  }

  it('blanks the sensitive variables and their passwords wherever a line carries them', async () => {
    const written = await linesOf((logger) => {
      logger.error({ err: new Error('connect ECONNREFUSED postgres://mesa:Pg%23Secreta-91@db.internal:5432/mesa') }, 'database down');
      logger.warn({ detail: 'password "Pg#Secreta-91" rejected for redis://:RedisClave77@cache.internal:6379' }, 'retrying');
      logger.info('sending through smtp://mesa:Correo"Clave5@mail.internal:587 as Correo"Clave5');
    });
    expect(written).not.toMatch(/Secreta-91|RedisClave77|Correo\\?"Clave5/);
    expect(written).toContain('[redacted]');
    // Everything else in those lines stays readable.
    expect(written).toContain('connect ECONNREFUSED [redacted]');
    expect(written).toContain('database down');
  });

  it('leaves lines alone when no sensitive value is in them', async () => {
    const written = await linesOf((logger) => logger.info({ host: 'db.internal' }, 'ready'));
    expect(JSON.parse(written)).toMatchObject({ host: 'db.internal', msg: 'ready' });
  });
});
