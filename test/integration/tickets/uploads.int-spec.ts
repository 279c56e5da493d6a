import { NestFactory } from '@nestjs/core';
import type { Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AttachmentStorage } from '../../../src/modules/tickets/attachment-storage';
import { lockBlobShared } from '../../../src/modules/tickets/attachment-blob-locks';
import { AttachmentsSweeper, type SweepResult } from '../../../src/modules/tickets/attachments-sweeper';
import { JobRegistry } from '../../../src/modules/system/job-registry';
import { JOBS } from '../../../src/modules/system/jobs';
import { InfraModule } from '../../../src/common/infra/infra.module';
import { JobsModule } from '../../../src/modules/system/jobs.module';
import { TicketsWorkerModule } from '../../../src/modules/tickets/tickets-worker.module';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { as, login, type Session } from '../../support/http';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  await walk(dir);
  return out;
}

describe('Uploads', () => {
  const dataDir = join(tmpdir(), `mesa-test-uploads-${process.pid}`);
  let t: TestApp;
  let requester: Session;
  let other: Session;
  let blobPath: (content: string) => string;
  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: dataDir, ATTACHMENT_ORPHAN_GRACE_MINUTES: '10' } });
    const r = await createUser(t.dataSource, { roles: ['requester'], organisationId: (await createOrganisation(t.dataSource)).id });
    const o = await createUser(t.dataSource, { roles: ['requester'], organisationId: (await createOrganisation(t.dataSource)).id });
    [requester, other] = [await login(t.url, r.email, r.password), await login(t.url, o.email, o.password)];
    const storage = new AttachmentStorage(t.config);
    blobPath = (content) => storage.pathOf(sha(content));
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const open = async (s: Session, title: string) =>
    (
      await as(t.url, s)
        .post('/api/v1/tickets')
        .send({ title, description: `${title}: detalle` })
        .expect(201)
    ).body;

  it("leaves no file on disk when the upload goes to another requester's ticket", async () => {
    const ticket = await open(requester, 'Ticket ajeno');
    const before = await filesUnder(join(dataDir, 'attachments'));
    const refused = await as(t.url, other)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', Buffer.from('intruso-1'), { filename: 'x.txt', contentType: 'text/plain' })
      .expect(404);
    expect(refused.body.code).toBe('TICKET_NOT_FOUND');
    expect(existsSync(blobPath('intruso-1'))).toBe(false);
    expect(await filesUnder(join(dataDir, 'attachments'))).toEqual(before);
  });

  it('strips bidi and control characters from the stored file name', async () => {
    const ticket = await open(requester, 'Nombre engañoso');
    const up = await as(t.url, requester)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', Buffer.from('factura'), { filename: 'factura\u202Efdp.txt', contentType: 'text/plain' })
      .expect(201);
    expect(up.body.fileName).toBe('facturafdp.txt');
    const [row] = await t.dataSource.query(`SELECT file_name FROM attachments WHERE id = $1`, [up.body.id]);
    expect(row.file_name).toBe('facturafdp.txt');
  });

  it('writes blobs readable by owner and group only', async () => {
    const ticket = await open(requester, 'Permisos');
    await as(t.url, requester)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', Buffer.from('permisos-0640'), { filename: 'p.txt', contentType: 'text/plain' })
      .expect(201);
    const path = blobPath('permisos-0640');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect((await stat(dirname(path))).mode & 0o777).toBe(0o750);
  });

  describe('orphan sweep (real database and disk)', () => {
    const old = new Date(Date.now() - 60 * 60_000);
    const plant = async (content: string, mtime: Date) => {
      const path = blobPath(content);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      await utimes(path, mtime, mtime);
      return path;
    };

    it('removes old unreferenced blobs and stale temporary files, keeps referenced, young and in-flight ones; twice is once', async () => {
      const ticket = await open(requester, 'Barrido');
      await as(t.url, requester)
        .post(`/api/v1/tickets/${ticket.id}/attachments`)
        .attach('file', Buffer.from('referenciado'), { filename: 'r.txt', contentType: 'text/plain' })
        .expect(201);
      const referenced = blobPath('referenciado');
      await utimes(referenced, old, old);
      const orphan = await plant('huerfano', old);
      const young = await plant('reciente', new Date());
      const inFlight = await plant('en-curso', old);
      // What a write that crashed before its rename leaves behind.
      const tmp = `${blobPath('temporal')}.123.456.tmp`;
      await mkdir(dirname(tmp), { recursive: true });
      await writeFile(tmp, 'medio');
      await utimes(tmp, old, old);

      const sweeper = new AttachmentsSweeper(t.dataSource, new AttachmentStorage(t.config), t.config);
      // An upload of the same bytes is between writing the blob and committing its row.
      const qr = t.dataSource.createQueryRunner();
      await qr.startTransaction();
      try {
        await lockBlobShared(qr.manager, sha('en-curso'));
        const first = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
        expect(first.reduce((n, r) => n + r.removed, 0)).toBe(2);
        expect(existsSync(inFlight)).toBe(true);
      } finally {
        await qr.rollbackTransaction();
        await qr.release();
      }
      expect(existsSync(orphan)).toBe(false);
      expect(existsSync(tmp)).toBe(false);
      expect(existsSync(referenced)).toBe(true);
      expect(existsSync(young)).toBe(true);

      // The upload rolled back: its blob is an orphan now, and goes on the next run, once.
      expect((await sweeper.sweep()).removed).toBe(1);
      expect(existsSync(inFlight)).toBe(false);
      expect(await sweeper.sweep()).toEqual({ removed: 0, skipped: 0, unboundStaged: 0 });
      expect(existsSync(referenced)).toBe(true);
    });

    it('runs as the worker job attachments.sweep: delivered twice, each orphan goes once', async () => {
      const orphans = await Promise.all(['job-1', 'job-2', 'job-3'].map((c) => plant(c, old)));
      // The worker's wiring for this job without the BullMQ runner, whose own scheduled sweep would race this one.
      const worker = await NestFactory.createApplicationContext(
        { module: class SweepOnly {}, imports: [InfraModule.forRoot(t.config, 'worker'), JobsModule, TicketsWorkerModule] },
        { logger: false },
      );
      try {
        const handler = worker.get(JobRegistry).get(JOBS.attachmentsSweep)!;
        const runs = (await Promise.all([handler({} as Job), handler({} as Job)])) as SweepResult[];
        expect(runs.reduce((n, r) => n + r.removed, 0)).toBe(3);
        expect(orphans.filter((p) => existsSync(p))).toEqual([]);
      } finally {
        await worker.close();
      }
    });

    it('never deletes an old blob that an upload is reusing right now', async () => {
      const path = await plant('reutilizado', old);
      const sweeper = new AttachmentsSweeper(t.dataSource, new AttachmentStorage(t.config), t.config);
      const ticket = await open(requester, 'Reuso');
      // Uploading the same bytes refreshes the blob, so the sweep sees a young file.
      await as(t.url, requester)
        .post(`/api/v1/tickets/${ticket.id}/attachments`)
        .attach('file', Buffer.from('reutilizado'), { filename: 'r.txt', contentType: 'text/plain' })
        .expect(201);
      expect((await stat(path)).mtime.getTime()).toBeGreaterThan(old.getTime());
      await sweeper.sweep();
      expect(existsSync(path)).toBe(true);
    });
  });
});

describe('Per-user write limits', () => {
  let t: TestApp;
  let requester: Session;
  let colleague: Session;
  const dataDir = join(tmpdir(), `mesa-test-limits-${process.pid}`);
  beforeAll(async () => {
    t = await createTestApp({
      env: { DATA_DIR: dataDir, RATE_LIMIT_TICKET_CREATES: '2', RATE_LIMIT_REPLIES: '2', RATE_LIMIT_UPLOADS: '2', RATE_LIMIT_WINDOW_SECONDS: '300' },
    });
    const org = (await createOrganisation(t.dataSource)).id;
    const r = await createUser(t.dataSource, { roles: ['requester'], organisationId: org });
    const c = await createUser(t.dataSource, { roles: ['requester'], organisationId: org });
    [requester, colleague] = [await login(t.url, r.email, r.password), await login(t.url, c.email, c.password)];
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const expectLimited = (res: { status: number; headers: Record<string, string>; body: { code: string } }) => {
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('REQUEST_RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(300);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  };

  it('answers 429 with Retry-After past the limit on ticket creation, replies and uploads, per user', async () => {
    const create = (s: Session) => as(t.url, s).post('/api/v1/tickets').send({ title: 'Límite', description: 'x' });
    const ticket = (await create(requester).expect(201)).body;
    await create(requester).expect(201);
    expectLimited(await create(requester));
    // Counted per user: a colleague is not affected.
    await create(colleague).expect(201);

    const reply = () => as(t.url, requester).post(`/api/v1/tickets/${ticket.id}/articles`).send({ body: 'más datos' });
    await reply().expect(201);
    await reply().expect(201);
    expectLimited(await reply());

    const upload = (n: number) =>
      as(t.url, requester)
        .post(`/api/v1/tickets/${ticket.id}/attachments`)
        .attach('file', Buffer.from(`archivo-${n}`), { filename: `a${n}.txt`, contentType: 'text/plain' });
    await upload(1).expect(201);
    await upload(2).expect(201);
    expectLimited(await upload(3));
    expect(existsSync(new AttachmentStorage(t.config).pathOf(sha('archivo-3')))).toBe(false);
    // A request form's file sent before its ticket (staged) draws on the same budget.
    const stage = (s: Session, n: number) =>
      as(t.url, s)
        .post('/api/v1/attachments/staged')
        .attach('file', Buffer.from(`previo-${n}`), { filename: `p${n}.txt`, contentType: 'text/plain' });
    expectLimited(await stage(requester, 1));
    expect(existsSync(new AttachmentStorage(t.config).pathOf(sha('previo-1')))).toBe(false);
    await stage(colleague, 2).expect(201);
  });
});
