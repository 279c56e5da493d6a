import { DEMO_PASSWORD, demoForms, demoLogins, loadDemoData } from '../../src/database/demo-data';
import { createTestDatabase } from '../support/databases';
import { createDataSource } from '../../src/database/data-source';
import { checkFormDefinition, type FormField, validateForm } from '../../src/modules/catalog/request-form.rules';
import { createTestApp, type TestApp } from '../support/app';
import { as, login, type Session } from '../support/http';

type ShippedService = { id: string; code: string; name: string; approval: string; leadTimeDays: number; form: FormField[] };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** One valid answer set per shipped form (seed 003 DGST-P01 procedures); a form without one fails the test. */
const SAMPLE_ANSWERS: Record<string, Record<string, unknown>> = {
  'RED-DATOS': {
    tipo: 'Apertura de puertos',
    dependencia: 'Secretaría de Educación',
    area: 'Control Escolar',
    usuario: 'Lucía Hernández',
    telefono: '473 735 1200',
    extension: '5120',
    ip: '10.20.30.40',
    puertos: '443, 8000-8080',
    autoriza: 'Mtra. Teresa Aguilar',
    justificacion: 'El sistema de inscripciones publica su servicio web a las escuelas.',
  },
  'RED-VOZ': {
    emite: 'Administrativo(a) de la dependencia',
    dependencia: 'Secretaría de Educación',
    area: 'Control Escolar',
    usuario: 'Lucía Hernández',
    telefono: '473 735 1200',
    extension: '5120',
    movimiento: 'Permiso especial de marcación',
    permisos: ['Larga distancia nacional'],
    autoriza: 'Mtra. Teresa Aguilar',
    justificacion: 'Coordina con oficinas regionales fuera del estado.',
  },
  BD: {
    tipo: 'Permisos de acceso a usuarios autorizados',
    sistema: 'Sistema de Control Escolar',
    motor: 'INFORMIX',
    base_datos: 'control_escolar',
    usuarios: 'lhernandez: solo lectura',
    involucrados: 'Lucía Hernández (analista), Miguel Ángel Soto (desarrollador)',
    justificacion: 'La analista genera los reportes de fin de ciclo escolar directamente de la base.',
  },
  EVENTOS: { fecha_evento: inDays(60), sede: 'Auditorio del Conjunto Pozuelos', asistentes: 120 },
  RESPALDOS: {
    dependencia: 'Secretaría de Educación',
    area: 'Control Escolar',
    informacion: 'Base de datos de calificaciones y expedientes digitalizados.',
    servidor: 'srv-escolar-01',
    uso: ['Legal', 'Laboral'],
    periodicidad: 'Mensual',
    inicio: inDays(10),
  },
  CUENTAS: {
    movimiento: 'Alta',
    usuario: 'Lucía Hernández',
    dependencia: 'Secretaría de Educación',
    area: 'Control Escolar',
    plataforma: 'Directorio activo institucional',
    requisita: 'Lic. Jorge Pérez, coordinador administrativo',
  },
  SIGUE: {
    nombre: 'Lucía Hernández',
    extension: '5120',
    adscripcion: 'Secretaría de Educación, Control Escolar',
    tipo_usuario: 'Consulta',
    aplicacion: 'Expedientes de personal',
    permisos: ['Visualización', 'Impresión'],
    dueno: 'Mtra. Teresa Aguilar',
    dueno_correo: 'titular.seg@demo.mesa.local',
  },
};

describe('Demo data', () => {
  it('loads once: an organisation tree, one login per role, catalog services and tickets; a second load changes nothing', async () => {
    const db = await createTestDatabase();
    try {
      const first = await loadDemoData(db.url);
      expect(first.created).toBe(true);
      expect(first.logins.map((l) => l.role).sort()).toEqual(
        demoLogins()
          .map((l) => l.role)
          .sort(),
      );
      const second = await loadDemoData(db.url);
      expect(second.created).toBe(false);
      const ds = await createDataSource(db.url, { poolSize: 1 }).initialize();
      try {
        const [counts] = await ds.query(
          `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM catalog_services WHERE status = 'active') AS services,
                  (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM organisations) AS orgs`,
        );
        expect(counts).toMatchObject({ users: 14, services: 10, tickets: 4, orgs: 9 });
        const numbers = (await ds.query(`SELECT number FROM tickets ORDER BY number`)) as { number: string }[];
        expect(numbers.every((n) => /^\d{4}-\d{6}$/.test(n.number))).toBe(true);
        // Each ticket's registration row is by whoever registered it, as the API writes it.
        const registrations = (await ds.query(
          `SELECT t.number, h.action, h.actor_id = t.created_by_id AS by_creator FROM tickets t
             JOIN ticket_history h ON h.ticket_id = t.id AND h.field = 'state' AND h.old_value IS NULL ORDER BY t.number`,
        )) as { action: string; by_creator: boolean }[];
        expect(registrations.map((r) => [r.action, r.by_creator])).toEqual(numbers.map(() => ['create', true]));
      } finally {
        await ds.destroy();
      }
    } finally {
      await db.drop();
    }
  });

  it('gives a demo loaded before conditional forms the new forms as a new version, keeping tickets on theirs', async () => {
    const db = await createTestDatabase();
    try {
      await loadDemoData(db.url);
      const ds = await createDataSource(db.url, { poolSize: 1 }).initialize();
      try {
        // Back to the forms shipped before issue 11: no conditions, no request kind in RED-DATOS; CUENTAS reworked by its manager.
        const old = (form: FormField[], code: string) =>
          form.filter((f) => !(code === 'RED-DATOS' && f.key === 'tipo')).map(({ showWhen: _s, requiredWhen: _r, ...f }) => ({ ...f, required: false }));
        for (const [code, form] of Object.entries(demoForms())) {
          const legacy = code === 'CUENTAS' ? old(form, code).slice(1) : old(form, code);
          await ds.query(`UPDATE catalog_services SET form = $2 WHERE code = $1`, [code, JSON.stringify(legacy)]);
          await ds.query(
            `UPDATE catalog_service_versions v SET snapshot = jsonb_set(snapshot, '{form}', $2::jsonb) FROM catalog_services s WHERE s.id = v.service_id AND s.code = $1`,
            [code, JSON.stringify(legacy)],
          );
        }
        const [voiceTicket] = await ds.query(
          `SELECT t.id, t.form_version, t.form_data FROM tickets t JOIN catalog_services s ON s.id = t.service_id WHERE s.code = 'RED-VOZ'`,
        );

        expect((await loadDemoData(db.url)).created).toBe(false);
        const rows = (await ds.query(
          `SELECT s.code, s.published_version AS version, v.snapshot->'form' AS form FROM catalog_services s
             JOIN catalog_service_versions v ON v.service_id = s.id AND v.version = s.published_version WHERE jsonb_array_length(s.form) > 0 ORDER BY s.code`,
        )) as { code: string; version: number; form: FormField[] }[];
        expect(rows.map((r) => [r.code, r.version])).toEqual([
          ['BD', 2],
          ['CUENTAS', 1],
          ['EVENTOS', 1],
          ['RED-DATOS', 2],
          ['RED-VOZ', 2],
          ['RESPALDOS', 1],
          ['SIGUE', 1],
        ]);
        expect(rows.find((r) => r.code === 'RED-DATOS')!.form).toEqual(demoForms()['RED-DATOS']);
        // The ticket answered on version 1 stays on it, and its answers still fit that version.
        const [after] = await ds.query(`SELECT form_version, form_data FROM tickets WHERE id = $1`, [voiceTicket.id]);
        expect(after).toEqual({ form_version: 1, form_data: voiceTicket.form_data });
        const [v1] = await ds.query(
          `SELECT v.snapshot->'form' AS form FROM catalog_service_versions v JOIN catalog_services s ON s.id = v.service_id WHERE s.code = 'RED-VOZ' AND v.version = 1`,
        );
        expect(validateForm(v1.form, after.form_data).ok).toBe(true);
        // A third start changes nothing more.
        await loadDemoData(db.url);
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM catalog_service_versions`);
        expect(n).toBe(10 + 3);
      } finally {
        await ds.destroy();
      }
    } finally {
      await db.drop();
    }
  });

  describe('request forms from seed 003', () => {
    let t: TestApp;
    let services: ShippedService[];
    let requester: Session;
    let manager: Session;
    const shipped = (code: string) => services.find((s) => s.code === code)!;
    const keys = (code: string) => shipped(code).form.map((f) => f.key);

    beforeAll(async () => {
      t = await createTestApp();
      await loadDemoData(t.databaseUrl);
      const rows = (await t.dataSource.query(
        `SELECT s.id, s.code, s.name, s.approval, v.snapshot->'form' AS form, (v.snapshot->>'leadTimeDays')::int AS "leadTimeDays"
           FROM catalog_services s JOIN catalog_service_versions v ON v.service_id = s.id AND v.version = s.published_version
          ORDER BY s.code`,
      )) as ShippedService[];
      services = rows;
      const email = (role: string) => demoLogins().find((l) => l.role === role)!.email;
      requester = await login(t.url, email('requester'), DEMO_PASSWORD);
      manager = await login(t.url, email('catalog_manager'), DEMO_PASSWORD);
    });
    afterAll(() => t?.close());

    it('ships the data each DGST-P01 procedure asks for: voice, databases, backups, user accounts and SIGUE access', () => {
      expect(services.filter((s) => s.form.length).map((s) => s.code)).toEqual(['BD', 'CUENTAS', 'EVENTOS', 'RED-DATOS', 'RED-VOZ', 'RESPALDOS', 'SIGUE']);
      expect(keys('RED-VOZ')).toEqual([
        'emite',
        'dependencia',
        'area',
        'usuario',
        'telefono',
        'extension',
        'movimiento',
        'permisos',
        'autoriza',
        'justificacion',
      ]);
      expect(keys('BD')).toEqual(['tipo', 'sistema', 'motor', 'base_datos', 'estructura', 'usuarios', 'involucrados', 'justificacion']);
      expect(keys('RESPALDOS')).toEqual(['dependencia', 'area', 'informacion', 'servidor', 'uso', 'periodicidad', 'inicio']);
      expect(keys('CUENTAS')).toEqual(['movimiento', 'usuario', 'dependencia', 'area', 'plataforma', 'cambios', 'requisita']);
      expect(keys('SIGUE')).toEqual(['nombre', 'extension', 'adscripcion', 'tipo_usuario', 'aplicacion', 'permisos', 'dueno', 'dueno_correo']);
      expect(shipped('BD').form.find((f) => f.key === 'tipo')!.validation!.options).toEqual([
        'Creación de base de datos',
        'Permisos de acceso a usuarios autorizados',
        'Modificación de estructura',
        'Respaldo o restauración',
      ]);
      // DGST-P01-PR08 3.e: never unique or administrator rights.
      expect(shipped('SIGUE').form.find((f) => f.key === 'permisos')!.validation!.options).not.toContain('Administrador');
      expect(services.filter((s) => s.approval !== 'none').map((s) => [s.code, s.approval])).toEqual([['SIGUE', 'requester_head']]);
    });

    it('asks each kind of network request only for its own data (DGST-P01-PR04 3.c, PR05 3.c.7–3.c.11)', () => {
      const shownFor = (code: string, key: string) => shipped(code).form.find((f) => f.key === key)!.showWhen;
      expect(shownFor('RED-DATOS', 'puertos')).toEqual({ field: 'tipo', values: ['Apertura de puertos'] });
      expect(shownFor('RED-DATOS', 'url')).toEqual({ field: 'tipo', values: ['Bloqueo o desbloqueo de sitios web'] });
      expect(shownFor('RED-DATOS', 'periodo')).toEqual({ field: 'tipo', values: ['Acceso a internet'] });
      expect(shownFor('RED-VOZ', 'autoriza')).toEqual({ field: 'movimiento', values: ['Asignación de clave de marcación', 'Permiso especial de marcación'] });
      expect(shownFor('RED-VOZ', 'justificacion')).toEqual(shownFor('RED-VOZ', 'autoriza'));
      const data = SAMPLE_ANSWERS['RED-DATOS'];
      // Internet access without its dates is refused naming the field; the ports of another kind are dropped.
      expect(validateForm(shipped('RED-DATOS').form, { ...data, tipo: 'Acceso a internet' })).toEqual({
        ok: false,
        errors: [{ field: 'formData.periodo', message: 'Periodo del acceso es obligatorio cuando Tipo de solicitud es «Acceso a internet»' }],
      });
      const internet = validateForm(shipped('RED-DATOS').form, { ...data, tipo: 'Acceso a internet', periodo: { from: inDays(1), to: inDays(30) } });
      expect(internet.ok && Object.keys(internet.values)).not.toContain('puertos');
      const voice = SAMPLE_ANSWERS['RED-VOZ'];
      expect(validateForm(shipped('RED-VOZ').form, { ...voice, autoriza: undefined })).toMatchObject({ ok: false, errors: [{ field: 'formData.autoriza' }] });
      expect(
        validateForm(shipped('RED-VOZ').form, { ...voice, movimiento: 'Baja de extensión', permisos: undefined, autoriza: undefined, justificacion: undefined })
          .ok,
      ).toBe(true);
    });

    it('keeps every shipped form valid for the form builder and accepts a sample answer set for each', () => {
      for (const s of services.filter((x) => x.form.length)) {
        expect({ code: s.code, errors: checkFormDefinition(s.form) }).toEqual({ code: s.code, errors: [] });
        expect(SAMPLE_ANSWERS[s.code]).toBeDefined();
        const result = validateForm(
          s.form,
          SAMPLE_ANSWERS[s.code],
          s.leadTimeDays ? { earliestDate: inDays(s.leadTimeDays), leadTimeDays: s.leadTimeDays } : {},
        );
        expect({ code: s.code, result: result.ok ? 'ok' : result.errors }).toEqual({ code: s.code, result: 'ok' });
      }
      expect(validateForm(shipped('SIGUE').form, { ...SAMPLE_ANSWERS.SIGUE, permisos: ['Administrador'] })).toMatchObject({
        ok: false,
        errors: [{ field: 'formData.permisos' }],
      });
      expect(validateForm(shipped('BD').form, { ...SAMPLE_ANSWERS.BD, motor: 'Oracle' })).toMatchObject({ ok: false, errors: [{ field: 'formData.motor' }] });
    });

    it('lets the catalog manager save every shipped form through the service API', async () => {
      for (const s of services.filter((x) => x.form.length)) {
        const res = await as(t.url, manager)
          .post('/api/v1/catalog/services')
          .send({ code: `${s.code}-COPIA`, name: `${s.name} (copia)`, category: 'Demo', type: 'service_request', form: s.form });
        expect({ code: s.code, status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ code: s.code, status: 201, body: null });
      }
    });

    it('takes each sample request from the demo requester; SIGUE waits for the titular of Informática', async () => {
      const [vip] = (await t.dataSource.query(`SELECT id FROM users WHERE email = 'titular.seg@demo.mesa.local'`)) as { id: string }[];
      for (const s of services.filter((x) => x.form.length)) {
        const res = await as(t.url, requester)
          .post('/api/v1/tickets')
          .send({
            type: 'service_request',
            serviceId: s.id,
            title: `Solicitud de ${s.name}`,
            description: 'Solicitud de prueba con los datos del formulario.',
            formData: SAMPLE_ANSWERS[s.code],
          });
        expect({ code: s.code, status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ code: s.code, status: 201, body: null });
        if (s.code === 'SIGUE') expect(res.body).toMatchObject({ state: 'pending', approverId: vip.id, approvalStatus: 'pending' });
        else expect(res.body).toMatchObject({ state: 'new', approverId: null });
      }
    });
  });
});
