import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../src/common/auth/actor';
import { AttachmentScanner, AttachmentStorage, sha256Of } from '../../../src/modules/tickets/attachment-storage';
import { TicketAccess } from '../../../src/modules/tickets/ticket-access.service';
import { TicketAttachmentsService } from '../../../src/modules/tickets/ticket-attachments.service';
import { TicketHistoryWriter } from '../../../src/modules/tickets/ticket-history.writer';
import { AttachmentsSweeper } from '../../../src/modules/tickets/attachments-sweeper';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { as, login, type Session } from '../../support/http';

// Seed 003 (SIGUE access): the authorisation e-mail from the information owner comes with the request.
const accessForm = [
  { key: 'nombre', type: 'text', label: 'Nombre del usuario', required: true },
  { key: 'autorizacion', type: 'file', label: 'Correo de autorización', required: true },
  { key: 'formato', type: 'file', label: 'Formato firmado', required: false },
];

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const GRACE_MINUTES = 10;

describe('Staged uploads for request-form files', () => {
  const dataDir = join(tmpdir(), `mesa-test-staged-${process.pid}`);
  let t: TestApp;
  let requester: Session;
  let other: Session;
  let agent: Session;
  let requesterId: string;
  let serviceId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: dataDir, ATTACHMENT_ORPHAN_GRACE_MINUTES: String(GRACE_MINUTES) } });
    const org = await createOrganisation(t.dataSource);
    const r = await createUser(t.dataSource, { roles: ['requester'], organisationId: org.id });
    const o = await createUser(t.dataSource, { roles: ['requester'], organisationId: org.id });
    const a = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const m = await createUser(t.dataSource, { roles: ['catalog_manager'] });
    requesterId = r.id;
    [requester, other, agent] = [await login(t.url, r.email, r.password), await login(t.url, o.email, o.password), await login(t.url, a.email, a.password)];
    const manager = await login(t.url, m.email, m.password);
    const service = await as(t.url, manager)
      .post('/api/v1/catalog/services')
      .send({ code: 'SIGUE', name: 'Acceso a SIGUE', category: 'Aplicaciones', type: 'service_request', status: 'active', form: accessForm })
      .expect(201);
    serviceId = service.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const stage = (s: Session, content: Buffer, filename: string, contentType = 'application/pdf') =>
    as(t.url, s).post('/api/v1/attachments/staged').attach('file', content, { filename, contentType });
  const order = (s: Session, formData: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    as(t.url, s)
      .post('/api/v1/tickets')
      .send({ type: 'service_request', serviceId, title: 'Acceso a SIGUE', description: 'Consulta de expedientes.', formData, ...extra });
  const ticketCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE service_id = $1`, [serviceId]))[0].n as number;
  const rowOf = async (id: string) =>
    (
      (await t.dataSource.query(`SELECT ticket_id, uploaded_by_id, sha256 FROM attachments WHERE id = $1`, [id])) as {
        ticket_id: string | null;
        sha256: string;
      }[]
    )[0];

  it('stages a file with no ticket, then binds it to the ticket its uploader creates, which the requester sees with its history', async () => {
    const up = await stage(requester, pdf('autorizacion-1'), 'autorizacion.pdf').expect(201);
    expect(up.body).toEqual({ id: expect.any(String), fileName: 'autorizacion.pdf', contentType: 'application/pdf', size: pdf('autorizacion-1').length });
    expect((await rowOf(up.body.id)).ticket_id).toBeNull();

    const created = await order(requester, { nombre: 'Ana Ruiz', autorizacion: up.body.id }).expect(201);
    expect(created.body.formData).toEqual({ nombre: 'Ana Ruiz', autorizacion: up.body.id });
    expect((await rowOf(up.body.id)).ticket_id).toBe(created.body.id);

    const list = await as(t.url, requester).get(`/api/v1/tickets/${created.body.id}/attachments`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: up.body.id, ticketId: created.body.id, fileName: 'autorizacion.pdf' })]);
    const content = await as(t.url, requester).get(`/api/v1/attachments/${up.body.id}/content`).buffer(true).expect(200);
    expect(Buffer.from(content.body).toString()).toContain('autorizacion-1');
    const history = await as(t.url, requester).get(`/api/v1/tickets/${created.body.id}/history`).expect(200);
    expect(history.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'attachment', newValue: 'autorizacion.pdf' })]));
  });

  it('lets an agent register on behalf of a requester with a file the agent staged; the requester sees it', async () => {
    const up = await stage(agent, pdf('por-telefono'), 'correo del titular.pdf').expect(201);
    const created = await order(agent, { nombre: 'Luis Mora', autorizacion: up.body.id }, { requesterId, channel: 'phone' }).expect(201);
    const list = await as(t.url, requester).get(`/api/v1/tickets/${created.body.id}/attachments`).expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([up.body.id]);
    await as(t.url, requester).get(`/api/v1/attachments/${up.body.id}/content`).expect(200);
  });

  it("refuses another user's staged file, naming the form field in Spanish, and creates nothing", async () => {
    const theirs = await stage(other, pdf('ajeno'), 'ajeno.pdf').expect(201);
    const before = await ticketCount();
    const res = await order(requester, { nombre: 'Ana Ruiz', autorizacion: theirs.body.id }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      { field: 'formData.autorizacion', message: 'Correo de autorización: el archivo adjunto ya no está disponible; vuelve a adjuntarlo' },
    ]);
    expect(await ticketCount()).toBe(before);
    expect((await rowOf(theirs.body.id)).ticket_id).toBeNull();
  });

  it('refuses a file already bound, an attachment uploaded to a ticket, and one file answering two fields', async () => {
    const up = await stage(requester, pdf('una-vez'), 'una-vez.pdf').expect(201);
    const first = await order(requester, { nombre: 'Ana Ruiz', autorizacion: up.body.id }).expect(201);
    const again = await order(requester, { nombre: 'Ana Ruiz', autorizacion: up.body.id }).expect(400);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'formData.autorizacion' })]);
    expect((await rowOf(up.body.id)).ticket_id).toBe(first.body.id);
    // The requester's own attachment of another ticket, uploaded the ordinary way.
    const direct = await as(t.url, requester)
      .post(`/api/v1/tickets/${first.body.id}/attachments`)
      .attach('file', pdf('directo'), { filename: 'directo.pdf', contentType: 'application/pdf' })
      .expect(201);
    const moved = await order(requester, { nombre: 'Ana Ruiz', autorizacion: direct.body.id }).expect(400);
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'formData.autorizacion' })]);
    expect((await rowOf(direct.body.id)).ticket_id).toBe(first.body.id);
    // One file answering two fields is refused on the second.
    const twice = await stage(requester, pdf('dos-campos'), 'dos.pdf').expect(201);
    const res = await order(requester, { nombre: 'Ana Ruiz', autorizacion: twice.body.id, formato: twice.body.id }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'formData.formato' })]);
  });

  it('refuses a request without its required file, and a file field answered with something that is no file', async () => {
    const missing = await order(requester, { nombre: 'Ana Ruiz' }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'formData.autorizacion', message: 'Correo de autorización es obligatorio' }]);
    const bogus = await order(requester, { nombre: 'Ana Ruiz', autorizacion: 'correo.pdf' }).expect(400);
    expect(bogus.body.errors).toEqual([{ field: 'formData.autorizacion', message: 'Correo de autorización debe ser un archivo adjunto' }]);
    const unknown = await order(requester, { nombre: 'Ana Ruiz', autorizacion: '0b7c6f7e-3f7a-4e8e-9a55-1f7f2c1d9a10' }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'formData.autorizacion' })]);
  });

  it('checks a staged file as any upload: an .exe renamed .pdf and a missing file are refused on the file field', async () => {
    const exe = await stage(requester, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), 'autorizacion.pdf').expect(415);
    expect(exe.body).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', errors: [{ field: 'file', message: expect.stringContaining('.exe') }] });
    const none = await as(t.url, requester).post('/api/v1/attachments/staged').field('nota', 'sin archivo').expect(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'nota' })]);
    expect(
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM attachments WHERE uploaded_by_id = $1 AND file_name = 'autorizacion.pdf' AND ticket_id IS NULL`,
          [requesterId],
        )
      )[0].n,
    ).toBe(0);
    const hostile = await stage(requester, pdf('nombre'), '../../etc/co\u202Efdp.pdf').expect(201);
    expect(hostile.body.fileName).toBe('cofdp.pdf');
  });

  it('binds one staged file once when two creates race for it', async () => {
    const up = await stage(requester, pdf('carrera'), 'carrera.pdf').expect(201);
    const before = await ticketCount();
    const results = await Promise.all([0, 1].map(() => order(requester, { nombre: 'Ana Ruiz', autorizacion: up.body.id })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    const winner = results.find((r) => r.status === 201)!;
    expect((await rowOf(up.body.id)).ticket_id).toBe(winner.body.id);
    expect(await ticketCount()).toBe(before + 1);
  });

  it('never lets anyone but the uploader read a staged file, whatever their role', async () => {
    const up = await stage(requester, pdf('privado'), 'privado.pdf').expect(201);
    for (const s of [other, agent]) {
      for (const route of ['content', 'preview']) {
        const res = await as(t.url, s).get(`/api/v1/attachments/${up.body.id}/${route}`).expect(404);
        expect(res.body.code).toBe('ATTACHMENT_NOT_FOUND');
      }
    }
    await as(t.url, requester).get(`/api/v1/attachments/${up.body.id}/content`).expect(200);
  });

  it('sweeps staged files nobody bound after the grace period, with their blobs, and keeps bound ones', async () => {
    const storage = new AttachmentStorage(t.config);
    const sweeper = new AttachmentsSweeper(t.dataSource, storage, t.config);
    const bound = await stage(requester, pdf('se-queda'), 'se-queda.pdf').expect(201);
    await order(requester, { nombre: 'Ana Ruiz', autorizacion: bound.body.id }).expect(201);
    const unbound = await stage(requester, pdf('se-va'), 'se-va.pdf').expect(201);
    const unboundBlob = storage.pathOf((await rowOf(unbound.body.id)).sha256);
    const boundBlob = storage.pathOf((await rowOf(bound.body.id)).sha256);

    // Within the grace period nothing goes.
    expect((await sweeper.sweep()).unboundStaged).toBe(0);
    expect(await rowOf(unbound.body.id)).toBeDefined();

    const later = new Date(Date.now() + (GRACE_MINUTES + 1) * 60_000);
    const result = await sweeper.sweep(later);
    expect(result.unboundStaged).toBeGreaterThanOrEqual(1);
    expect(await rowOf(unbound.body.id)).toBeUndefined();
    expect(existsSync(unboundBlob)).toBe(false);
    expect((await rowOf(bound.body.id)).ticket_id).not.toBeNull();
    expect(existsSync(boundBlob)).toBe(true);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM attachments WHERE ticket_id IS NULL`))[0].n).toBe(0);
    // Swept, its id binds nothing.
    await order(requester, { nombre: 'Ana Ruiz', autorizacion: unbound.body.id }).expect(400);
  });

  it('never sweeps a staged file that a create holds: the sweep waits for it and then finds it bound', async () => {
    const sweeper = new AttachmentsSweeper(t.dataSource, new AttachmentStorage(t.config), t.config);
    const up = await stage(requester, pdf('en-vuelo'), 'en-vuelo.pdf').expect(201);
    const ticketId = (await as(t.url, requester).post('/api/v1/tickets').send({ title: 'Destino', description: 'x' }).expect(201)).body.id;
    const qr = t.dataSource.createQueryRunner();
    await qr.startTransaction();
    let sweeping: Promise<unknown> | undefined;
    try {
      // What TicketAttachmentsService.claimStaged holds while the ticket is written.
      await qr.query(`SELECT id FROM attachments WHERE id = $1 FOR UPDATE`, [up.body.id]);
      sweeping = sweeper.sweep(new Date(Date.now() + (GRACE_MINUTES + 1) * 60_000));
      await new Promise((r) => setTimeout(r, 300));
      await qr.query(`UPDATE attachments SET ticket_id = $1 WHERE id = $2`, [ticketId, up.body.id]);
      await qr.commitTransaction();
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.release();
    }
    await sweeping;
    expect((await rowOf(up.body.id)).ticket_id).toBe(ticketId);
    expect(existsSync(new AttachmentStorage(t.config).pathOf((await rowOf(up.body.id)).sha256))).toBe(true);
  });

  it('passes a staged file through the scanner hook: one reported unclean never reaches the disk', async () => {
    class RefusingScanner extends AttachmentScanner {
      async scan() {
        return { clean: false as const, reason: 'firma de prueba EICAR' };
      }
    }
    const storage = t.app.get(AttachmentStorage);
    const service = new TicketAttachmentsService(t.dataSource, t.app.get(TicketAccess), storage, t.app.get(TicketHistoryWriter), new RefusingScanner());
    const actor = { userId: requesterId, email: 'r@x', roles: ['requester'], organisationId: null, via: 'session' } as Actor;
    const content = pdf('infectado');
    await expect(
      service.stage(actor, { originalname: 'infectado.pdf', mimetype: 'application/pdf', size: content.length, buffer: content }),
    ).rejects.toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
    expect(existsSync(storage.pathOf(sha256Of(content)))).toBe(false);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM attachments WHERE file_name = 'infectado.pdf'`))[0].n).toBe(0);
  });
});
