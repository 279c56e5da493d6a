import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { as, login, type Session } from '../../support/http';

// Seed 003 DGST-P01-PR04 3.c: who authorises and why, only for dialling codes and special permissions.
const AUTHORISED = ['Asignación de clave de marcación', 'Permiso especial de marcación'];
const voiceForm = [
  { key: 'extension', type: 'text', label: 'Número de extensión', required: true },
  {
    key: 'movimiento',
    type: 'select',
    label: 'Tipo de movimiento',
    required: true,
    validation: { options: ['Alta de extensión', 'Baja de extensión', ...AUTHORISED] },
  },
  { key: 'autoriza', type: 'text', label: 'Nombre de quien autoriza', required: true, showWhen: { field: 'movimiento', values: AUTHORISED } },
  { key: 'justificacion', type: 'long_text', label: 'Justificación', required: false, requiredWhen: { field: 'movimiento', values: AUTHORISED } },
];

describe('Tickets for services with a request form', () => {
  const dataDir = join(tmpdir(), `mesa-test-request-forms-${process.pid}`);
  let t: TestApp;
  let requester: Session;
  let agent: Session;
  let requesterId: string;
  let serviceId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    const org = await createOrganisation(t.dataSource);
    const r = await createUser(t.dataSource, { roles: ['requester'], organisationId: org.id });
    const a = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const m = await createUser(t.dataSource, { roles: ['catalog_manager'] });
    requesterId = r.id;
    [requester, agent] = [await login(t.url, r.email, r.password), await login(t.url, a.email, a.password)];
    const manager = await login(t.url, m.email, m.password);
    const service = await as(t.url, manager)
      .post('/api/v1/catalog/services')
      .send({ code: 'VOZ', name: 'Red de voz', category: 'Telecomunicaciones', type: 'service_request', status: 'active', form: voiceForm })
      .expect(201);
    serviceId = service.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const order = (s: Session, formData: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    as(t.url, s)
      .post('/api/v1/tickets')
      .send({ type: 'service_request', serviceId, title: 'Permiso de larga distancia', description: 'Para la jefa de área.', formData, ...extra });

  it('refuses a special permission without who authorises and why, naming each field in Spanish', async () => {
    const res = await order(requester, { extension: '5120', movimiento: 'Permiso especial de marcación' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual([
      { field: 'formData.autoriza', message: 'Nombre de quien autoriza es obligatorio cuando Tipo de movimiento es «Permiso especial de marcación»' },
      { field: 'formData.justificacion', message: 'Justificación es obligatorio cuando Tipo de movimiento es «Permiso especial de marcación»' },
    ]);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE service_id = $1`, [serviceId]))[0].n).toBe(0);
  });

  it('takes a complete special permission, and drops what a plain extension does not show', async () => {
    const full = {
      extension: '5120',
      movimiento: 'Permiso especial de marcación',
      autoriza: 'Mtra. Teresa Aguilar',
      justificacion: 'Coordina oficinas regionales.',
    };
    const ok = await order(requester, full).expect(201);
    expect(ok.body).toMatchObject({ formVersion: 1, formData: full });
    const plain = await order(requester, { ...full, movimiento: 'Alta de extensión' }).expect(201);
    // Who authorises is not shown for a new extension: dropped. The justification is shown (only required for some kinds): kept.
    expect(plain.body.formData).toEqual({ extension: '5120', movimiento: 'Alta de extensión', justificacion: 'Coordina oficinas regionales.' });
  });

  it('lets an agent register a phone ticket on behalf of the requester with the form answers, checked the same way', async () => {
    const missing = await order(agent, { movimiento: 'Asignación de clave de marcación', autoriza: 'Lic. Pérez' }, { requesterId, channel: 'phone' }).expect(
      400,
    );
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['formData.extension', 'formData.justificacion']);
    const answers = { extension: '5121', movimiento: 'Asignación de clave de marcación', autoriza: 'Lic. Pérez', justificacion: 'Llamadas a proveedores.' };
    const res = await order(agent, answers, { requesterId, channel: 'phone' }).expect(201);
    expect(res.body).toMatchObject({ requesterId, channel: 'phone', formVersion: 1, formData: answers });
    // The requester sees the answers typed for them on their ticket.
    const seen = await as(t.url, requester).get(`/api/v1/tickets/${res.body.id}`).expect(200);
    expect(seen.body.formData).toEqual(answers);
  });

  it('takes attachments sent right after the ticket is created, under the same rules as later uploads', async () => {
    // The portal creates the ticket, then uploads each chosen file to it in the same submit.
    const answers = { extension: '5122', movimiento: 'Alta de extensión' };
    for (const [who, extra] of [
      [requester, {}],
      [agent, { requesterId, channel: 'phone' }],
    ] as const) {
      const ticket = (await order(who, answers, extra).expect(201)).body;
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const up = await as(t.url, who)
        .post(`/api/v1/tickets/${ticket.id}/attachments`)
        .attach('file', pdf, { filename: 'oficio.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(up.body).toMatchObject({ ticketId: ticket.id, fileName: 'oficio.pdf', contentType: 'application/pdf' });
      // An executable named .pdf is refused by its bytes, naming the file field.
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
      const bad = await as(t.url, who)
        .post(`/api/v1/tickets/${ticket.id}/attachments`)
        .attach('file', exe, { filename: 'oficio2.pdf', contentType: 'application/pdf' })
        .expect(415);
      expect(bad.body).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', errors: [{ field: 'file' }] });
      const list = await as(t.url, requester).get(`/api/v1/tickets/${ticket.id}/attachments`).expect(200);
      expect(list.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['oficio.pdf']);
    }
  });
});
