import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { as, login, type Session } from '../../support/http';
import { EXE_HEADER, TINY_PNG } from '../../support/files';

const dataDir = join(tmpdir(), `mesa-test-data-${process.pid}`);

describe('Ticket links, merge and attachments', () => {
  let t: TestApp;
  let agent: Session;
  let requester: Session;
  let other: Session;
  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: dataDir, ATTACHMENT_MAX_BYTES: '2048' } });
    const a = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const r = await createUser(t.dataSource, { roles: ['requester'], organisationId: (await createOrganisation(t.dataSource)).id });
    const o = await createUser(t.dataSource, { roles: ['requester'], organisationId: (await createOrganisation(t.dataSource)).id });
    [agent, requester, other] = [await login(t.url, a.email, a.password), await login(t.url, r.email, r.password), await login(t.url, o.email, o.password)];
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

  it('merges a duplicate: articles move, the duplicate closes pointing at the original, both histories say so', async () => {
    const original = await open(requester, 'Impresora del piso 3 sin tóner');
    const duplicate = await open(requester, 'Otra vez la impresora del piso 3');
    await as(t.url, requester).post(`/api/v1/tickets/${duplicate.id}/articles`).send({ body: 'Ya van dos días sin imprimir' }).expect(201);
    const merged = await as(t.url, agent)
      .post(`/api/v1/tickets/${duplicate.id}/merge`)
      .send({ intoTicketId: original.id, version: duplicate.version + 1 })
      .expect(200);
    expect(merged.body.source).toMatchObject({ state: 'closed', mergedIntoId: original.id });
    const articles = await as(t.url, requester).get(`/api/v1/tickets/${original.id}/articles`).expect(200);
    expect(articles.body.items.map((a: { body: string; movedFromTicketId: string }) => [a.body, a.movedFromTicketId])).toEqual([
      ['Ya van dos días sin imprimir', duplicate.id],
    ]);
    const srcHistory = await as(t.url, agent).get(`/api/v1/tickets/${duplicate.id}/history`).expect(200);
    expect(srcHistory.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'merge', newValue: original.number })]));
    const dstHistory = await as(t.url, agent).get(`/api/v1/tickets/${original.id}/history`).expect(200);
    expect(dstHistory.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'merge', field: 'mergedFrom', newValue: duplicate.number })]),
    );
    const links = await as(t.url, agent).get(`/api/v1/tickets/${original.id}/links`).expect(200);
    expect(links.body.items).toEqual([
      expect.objectContaining({ kind: 'duplicate_of', direction: 'incoming', ticket: expect.objectContaining({ id: duplicate.id }) }),
    ]);
    // The moved article is now found by searching the original.
    const found = await as(t.url, agent).get('/api/v1/tickets?q=imprimir').expect(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(original.id);
    await as(t.url, agent).post(`/api/v1/tickets/${duplicate.id}/merge`).send({ intoTicketId: original.id, version: merged.body.source.version }).expect(409);
  });

  it('relates tickets, refuses self-links and duplicates, and unlinks with history', async () => {
    const a = await open(requester, 'Caída del sistema de nómina');
    const b = await open(requester, 'Nómina no calcula deducciones');
    await as(t.url, agent).post(`/api/v1/tickets/${a.id}/links`).send({ toTicketId: a.id, kind: 'related_to' }).expect(400);
    const link = await as(t.url, agent).post(`/api/v1/tickets/${b.id}/links`).send({ toTicketId: a.id, kind: 'caused_by' }).expect(201);
    const dup = await as(t.url, agent).post(`/api/v1/tickets/${b.id}/links`).send({ toTicketId: a.id, kind: 'caused_by' }).expect(400);
    expect(dup.body.code).toBe('TICKET_LINK_INVALID');
    await as(t.url, requester).post(`/api/v1/tickets/${b.id}/links`).send({ toTicketId: a.id, kind: 'related_to' }).expect(403);
    await as(t.url, agent).delete(`/api/v1/tickets/${b.id}/links/${link.body.id}`).expect(204);
    const history = await as(t.url, agent).get(`/api/v1/tickets/${a.id}/history`).expect(200);
    expect(history.body.items.filter((h: { action: string }) => h.action === 'link')).toHaveLength(2);
  });

  it('stores attachments by content, authorises downloads per ticket and hides internal-note files from requesters', async () => {
    const ticket = await open(requester, 'Adjunto captura del error');
    const up = await as(t.url, requester)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', TINY_PNG, { filename: 'error.png', contentType: 'image/png' })
      .expect(201);
    expect(up.body).toMatchObject({ fileName: 'error.png', size: TINY_PNG.length });
    const got = await as(t.url, requester).get(`/api/v1/attachments/${up.body.id}/content`).buffer(true).expect(200);
    expect(Buffer.compare(got.body, TINY_PNG)).toBe(0);
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''error.png");
    await as(t.url, other).get(`/api/v1/attachments/${up.body.id}/content`).expect(404);

    const note = await as(t.url, agent).post(`/api/v1/tickets/${ticket.id}/articles`).send({ kind: 'internal', body: 'log del servidor' }).expect(201);
    const hidden = await as(t.url, agent)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .field('articleId', note.body.id)
      .attach('file', Buffer.from('secreto'), { filename: 'server.log', contentType: 'text/plain' })
      .expect(201);
    await as(t.url, requester).get(`/api/v1/attachments/${hidden.body.id}/content`).expect(404);
    const list = await as(t.url, requester).get(`/api/v1/tickets/${ticket.id}/attachments`).expect(200);
    expect(list.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['error.png']);
  });

  it('rejects disallowed types, oversized files and a missing file with 4xx naming the field', async () => {
    const ticket = await open(requester, 'Archivos rechazados');
    const exe = await as(t.url, requester)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', Buffer.from('MZ'), { filename: 'setup.exe', contentType: 'application/x-msdownload' })
      .expect(415);
    expect(exe.body.errors[0].field).toBe('file');
    const big = await as(t.url, requester)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', Buffer.alloc(4096, 1), { filename: 'grande.pdf', contentType: 'application/pdf' });
    expect(big.status).toBe(413);
    const none = await as(t.url, requester)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .field('articleId', '00000000-0000-4000-8000-000000000000')
      .expect(400);
    expect(none.body.errors[0].field).toBe('file');
    await request(t.url).post(`/api/v1/tickets/${ticket.id}/attachments`).attach('file', Buffer.from('x'), 'a.txt').expect(401);
  });

  it('judges a file by its bytes: a disguised executable is refused, text without a signature is taken', async () => {
    const ticket = await open(requester, 'Archivos disfrazados');
    const upload = (content: Buffer, filename: string, contentType: string) =>
      as(t.url, requester).post(`/api/v1/tickets/${ticket.id}/attachments`).attach('file', content, { filename, contentType });
    const asPdf = await upload(EXE_HEADER, 'oficio.pdf', 'application/pdf').expect(415);
    expect(asPdf.body).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', errors: [{ field: 'file' }] });
    expect(asPdf.body.detail).toContain('.exe');
    await upload(EXE_HEADER, 'notas.txt', 'text/plain').expect(415);
    await upload(EXE_HEADER, 'notas.txt', 'application/octet-stream').expect(415);
    await upload(Buffer.from('no soy una imagen'), 'captura.png', 'image/png').expect(415);
    await upload(TINY_PNG, 'captura.jpg', 'image/jpeg').expect(415);
    await upload(TINY_PNG, 'captura.png', 'application/octet-stream').expect(201);
    await upload(Buffer.from('clave,nombre\nVPN,Acceso remoto\n'), 'servicios.csv', 'text/csv').expect(201);
    await upload(Buffer.from('<?xml version="1.0"?><oficio/>'), 'oficio.xml', 'application/xml').expect(201);
    const list = await as(t.url, requester).get(`/api/v1/tickets/${ticket.id}/attachments`).expect(200);
    expect(list.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['captura.png', 'servicios.csv', 'oficio.xml']);
  });
});
