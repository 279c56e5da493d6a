import { PassThrough } from 'node:stream';
import pino from 'pino';
import { PinoNestLogger } from './logging';

function capture(level = 'info') {
  const lines: { level: number; msg: string; context?: string }[] = [];
  const stream = new PassThrough();
  stream.on('data', (b: Buffer) => b.toString().split('\n').filter(Boolean).forEach((l) => lines.push(JSON.parse(l))));
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
