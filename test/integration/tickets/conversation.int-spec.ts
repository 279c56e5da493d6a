import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { Clock } from '../../../src/common/clock';
import { OutboxRelayService } from '../../../src/modules/outbox/outbox-relay.service';
import { JobRegistry } from '../../../src/modules/system/job-registry';
import { JOBS } from '../../../src/modules/system/jobs';
import { PENDING_DUE_KIND } from '../../../src/modules/tickets/pending-reminder.notifier';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation } from '../../support/factories';
import { TINY_PNG } from '../../support/files';
import { bearer, createApiToken } from '../../support/routes';
import { act, actOk, createTeam, historyRows, openTicket, person, problemOf, ticketUrl, type Person } from '../../support/tickets';
import { startWorkerByHand } from '../../support/worker';

type ArticleItem = { kind: string; origin: string | null; body: string; authorId: string | null };

describe('reasons and solutions in the conversation (issue 11, items 4, 8, 10)', () => {
  let t: TestApp;
  let requester: Person;
  let other: Person;
  let agent: Person;
  let coordinatorL2: Person;
  let resolverL2: Person;
  let teamL2: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const area = await createOrganisation(t.dataSource, { kind: 'responsible_unit', name: 'Dirección de Informática' });
    const sub = await createOrganisation(t.dataSource, { kind: 'area', name: 'Área de Redes', parentId: area.id });
    [requester, other, agent, coordinatorL2, resolverL2] = await Promise.all([
      person(t, ['requester'], { organisationId: sub.id, isVip: true, fullName: 'Lucía Pérez' }),
      person(t, ['requester']),
      person(t, ['agent_l1']),
      person(t, ['team_coordinator']),
      person(t, ['resolver_l2']),
    ]);
    teamL2 = await createTeam(t.dataSource, { supportLevel: '2', coordinatorId: coordinatorL2.id, memberIds: [resolverL2.id] });
  });
  afterAll(() => t?.close());

  const articles = async (p: Person, id: string) => {
    const res = await p.api.get(ticketUrl(id, '/articles')).expect(200);
    return res.body.items as ArticleItem[];
  };

  describe('escalation and return reasons', () => {
    it('writes the escalation reason as an internal entry that only staff read', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'escalate', { kind: 'functional', teamId: teamL2.id, reason: 'Falla en el concentrador VPN.' });
      expect(await articles(agent, ticket.id)).toEqual([
        expect.objectContaining({ kind: 'internal', origin: 'escalation', body: 'Falla en el concentrador VPN.', authorId: agent.id }),
      ]);
      expect(await articles(requester, ticket.id)).toEqual([]);
    });

    it('writes the reason for returning to the coordinator as an internal entry', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'escalate', { kind: 'functional', teamId: teamL2.id, reason: 'Primer nivel no pudo.' });
      await actOk(coordinatorL2.api, ticket.id, 'assign', { teamId: teamL2.id, assigneeId: resolverL2.id });
      await actOk(resolverL2.api, ticket.id, 'return-to-coordinator', { reason: 'Requiere acceso de tercer nivel al firewall.' });
      const staffView = await articles(coordinatorL2, ticket.id);
      expect(staffView.map((a) => [a.kind, a.origin, a.body])).toEqual([
        ['internal', 'escalation', 'Primer nivel no pudo.'],
        ['internal', 'return', 'Requiere acceso de tercer nivel al firewall.'],
      ]);
      expect(await articles(requester, ticket.id)).toEqual([]);
    });

    it('keeps the hierarchical escalation reason internal too', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'escalate', { kind: 'functional', teamId: teamL2.id, reason: 'Para N2.' });
      await actOk(coordinatorL2.api, ticket.id, 'escalate', { kind: 'hierarchical', reason: 'Lleva tres días sin avance.' });
      expect((await articles(agent, ticket.id)).map((a) => [a.kind, a.origin, a.body])).toEqual([
        ['internal', 'escalation', 'Para N2.'],
        ['internal', 'escalation', 'Lleva tres días sin avance.'],
      ]);
      expect(await articles(requester, ticket.id)).toEqual([]);
    });
  });

  describe('solutions and rejections', () => {
    it('keeps the solution in the conversation after the requester rejects it, and their reason with it', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Se reinició el equipo.' });
      expect(await articles(requester, ticket.id)).toEqual([
        expect.objectContaining({ kind: 'public', origin: 'solution', body: 'Se reinició el equipo.', authorId: agent.id }),
      ]);
      await actOk(requester.api, ticket.id, 'transitions', { to: 'in_progress', reason: 'Sigue sin encender.' });
      const seen = await articles(requester, ticket.id);
      expect(seen.map((a) => [a.kind, a.origin, a.body, a.authorId])).toEqual([
        ['public', 'solution', 'Se reinició el equipo.', agent.id],
        ['public', 'rejection', 'Sigue sin encender.', requester.id],
      ]);
      // Staff see the same entries.
      expect((await articles(agent, ticket.id)).map((a) => a.origin)).toEqual(['solution', 'rejection']);
    });

    it('keeps the final solution visible to the requester after they confirm it', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Se cambió el cable de red.' });
      const closed = await actOk(requester.api, ticket.id, 'transitions', { to: 'closed' });
      expect(closed).toMatchObject({ state: 'closed', solution: 'Se cambió el cable de red.' });
      const detail = await requester.api.get(ticketUrl(ticket.id)).expect(200);
      expect(detail.body.solution).toBe('Se cambió el cable de red.');
      expect((await articles(requester, ticket.id)).map((a) => [a.origin, a.body])).toEqual([['solution', 'Se cambió el cable de red.']]);
    });

    it('writes no rejection entry when staff reopen a resolution', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Listo.' });
      await actOk(agent.api, ticket.id, 'transitions', { to: 'in_progress', reason: 'Faltó revisar la impresora.' });
      expect((await articles(agent, ticket.id)).map((a) => a.origin)).toEqual(['solution']);
    });
  });

  it("carries what a pending ticket waits for in the requester's list", async () => {
    const ticket = await openTicket(requester.api);
    await actOk(agent.api, ticket.id, 'transitions', { to: 'pending', pendingReason: 'requester', reason: 'Falta tu número de empleado.' });
    const list = await requester.api.get('/api/v1/tickets?view=mine&pageSize=200').expect(200);
    const item = (list.body.items as { id: string; state: string; pendingReason: string | null }[]).find((x) => x.id === ticket.id);
    expect(item).toMatchObject({ state: 'pending', pendingReason: 'requester' });
  });

  describe('requester sidebar', () => {
    it('gives staff the requester, their organisation, VIP mark and other tickets', async () => {
      const current = await openTicket(requester.api, { title: 'Sin internet' });
      const open = await openTicket(requester.api, { title: 'Impresora atascada' });
      const done = await openTicket(requester.api, { title: 'Cambio de contraseña' });
      await actOk(agent.api, done.id, 'transitions', { to: 'resolved', solution: 'Hecho.' });
      await actOk(requester.api, done.id, 'transitions', { to: 'closed' });
      await openTicket(other.api, { title: 'Ticket de otra persona' });

      const res = await agent.api.get(ticketUrl(current.id, '/requester-context')).expect(200);
      expect(res.body.requester).toMatchObject({
        id: requester.id,
        fullName: 'Lucía Pérez',
        isVip: true,
        organisation: 'Área de Redes',
        unit: 'Dirección de Informática',
      });
      const openNumbers = (res.body.openTickets as { id: string }[]).map((x) => x.id);
      expect(openNumbers).toContain(open.id);
      expect(openNumbers).not.toContain(current.id);
      expect(openNumbers).not.toContain(done.id);
      expect((res.body.recentTickets as { id: string }[]).map((x) => x.id)).toContain(done.id);
      expect(res.body.openTotal).toBe(openNumbers.length);
    });

    it('is refused to requesters, even on their own ticket', async () => {
      const ticket = await openTicket(requester.api);
      const res = await requester.api.get(ticketUrl(ticket.id, '/requester-context'));
      expect(res.status).toBe(403);
    });

    it("lists only the requester's tickets the staff member may open", async () => {
      const mine = await openTicket(other.api, { title: 'En el equipo N2' });
      await actOk(agent.api, mine.id, 'escalate', { kind: 'functional', teamId: teamL2.id, reason: 'Para N2.' });
      const hidden = await openTicket(other.api, { title: 'Fuera del alcance de N2' });
      const res = await resolverL2.api.get(ticketUrl(mine.id, '/requester-context')).expect(200);
      const ids = [...res.body.openTickets, ...res.body.recentTickets].map((x: { id: string }) => x.id);
      expect(ids).not.toContain(hidden.id);
      // And a ticket outside their scope has no sidebar for them at all.
      expect((await resolverL2.api.get(ticketUrl(hidden.id, '/requester-context'))).status).toBe(404);
    });
  });

  describe('"Pendiente hasta" reminder', () => {
    let worker: INestApplicationContext;
    let now: Date;
    beforeAll(async () => {
      worker = await startWorkerByHand(t.config);
      now = new Date();
      jest.spyOn(worker.get(Clock), 'now').mockImplementation(() => now);
    });
    afterAll(() => worker?.close());

    const sweep = () => worker.get(JobRegistry).get(JOBS.ticketsRemind)!({} as never) as Promise<{ fired: number }>;
    const reminders = async (userId: string, ticketId: string) =>
      (
        (await t.dataSource.query(`SELECT kind, title, link FROM notifications WHERE recipient_id = $1 AND kind = $2 AND link LIKE $3`, [
          userId,
          PENDING_DUE_KIND,
          `%${ticketId}`,
        ])) as { kind: string; title: string; link: string }[]
      ).length;

    it('refuses a date in the past or a date from a requester, naming the field', async () => {
      const ticket = await openTicket(requester.api);
      const past = await act(agent.api, ticket.id, 'transitions', {
        to: 'pending',
        pendingReason: 'third_party',
        pendingUntil: new Date(Date.now() - 60_000).toISOString(),
      });
      expect(problemOf(past)).toMatchObject({ status: 400, fields: ['pendingUntil'] });
      const garbage = await act(agent.api, ticket.id, 'transitions', { to: 'pending', pendingReason: 'third_party', pendingUntil: 'mañana' });
      expect(problemOf(garbage)).toMatchObject({ status: 400, fields: ['pendingUntil'] });
      await actOk(agent.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Hecho.' });
      const fromRequester = await act(requester.api, ticket.id, 'transitions', {
        to: 'in_progress',
        reason: 'No',
        pendingUntil: new Date(Date.now() + 3600_000).toISOString(),
      });
      expect(problemOf(fromRequester)).toMatchObject({ status: 400, fields: ['pendingUntil'] });
    });

    it('reminds the assignee once, at the instant, and tells the requester nothing', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'take', {});
      const due = new Date(now.getTime() + 60 * 60_000);
      const pending = await actOk(agent.api, ticket.id, 'transitions', { to: 'pending', pendingReason: 'third_party', pendingUntil: due.toISOString() });
      expect(pending.pendingUntil).toBe(due.toISOString());
      expect((await requester.api.get(ticketUrl(ticket.id)).expect(200)).body.pendingUntil).toBeNull();
      const history = await requester.api.get(ticketUrl(ticket.id, '/history')).expect(200);
      expect(JSON.stringify(history.body)).not.toContain('pendingUntil');

      now = new Date(due.getTime() - 60_000);
      await sweep();
      await worker.get(OutboxRelayService).relayBatch();
      expect(await reminders(agent.id, ticket.id)).toBe(0);

      now = new Date(due.getTime() + 30_000);
      // Delivered twice (a retry, a second worker): one reminder.
      await Promise.all([sweep(), sweep()]);
      await sweep();
      await worker.get(OutboxRelayService).relayBatch();
      await worker.get(OutboxRelayService).relayBatch();
      expect(await reminders(agent.id, ticket.id)).toBe(1);
      expect(await reminders(requester.id, ticket.id)).toBe(0);
      // And by e-mail, as the assignee's preferences say (both, by default), once.
      const mails = (await t.dataSource.query(`SELECT recipient_id, subject FROM mail_messages WHERE template = $1 AND text LIKE $2`, [
        PENDING_DUE_KIND,
        `%${ticket.number}%`,
      ])) as { recipient_id: string; subject: string }[];
      expect(mails).toEqual([{ recipient_id: agent.id, subject: expect.stringContaining(`Recordatorio: ${ticket.number} estaba pendiente hasta`) }]);
      const rows = (await historyRows(t.dataSource, ticket.id)).filter((r) => r.action === 'reminder');
      expect(rows).toEqual([expect.objectContaining({ internal: true, actorId: null })]);
    });

    it("follows the assignee's choice: only in Mesa means no e-mail", async () => {
      await agent.api.put('/api/v1/notifications/preferences', { kind: PENDING_DUE_KIND, channel: 'in_app' }).expect(200);
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'take', {});
      const due = new Date(now.getTime() + 60 * 60_000);
      await actOk(agent.api, ticket.id, 'transitions', { to: 'pending', pendingReason: 'third_party', pendingUntil: due.toISOString() });
      now = new Date(due.getTime() + 30_000);
      await sweep();
      await worker.get(OutboxRelayService).relayBatch();
      expect(await reminders(agent.id, ticket.id)).toBe(1);
      const mails = await t.dataSource.query(`SELECT 1 FROM mail_messages WHERE template = $1 AND text LIKE $2`, [PENDING_DUE_KIND, `%${ticket.number}%`]);
      expect(mails).toHaveLength(0);
      await agent.api.put('/api/v1/notifications/preferences', { kind: PENDING_DUE_KIND, channel: 'both' }).expect(200);
    });

    it('reminds nobody when the ticket left Pendiente between the sweep and the relay', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'take', {});
      const due = new Date(now.getTime() + 60 * 60_000);
      await actOk(agent.api, ticket.id, 'transitions', { to: 'pending', pendingReason: 'third_party', pendingUntil: due.toISOString() });
      now = new Date(due.getTime() + 30_000);
      await sweep();
      await actOk(agent.api, ticket.id, 'transitions', { to: 'in_progress' });
      await worker.get(OutboxRelayService).relayBatch();
      expect(await reminders(agent.id, ticket.id)).toBe(0);
    });

    it('does not fire for a ticket that left Pendiente before its instant', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'take', {});
      const due = new Date(now.getTime() + 60 * 60_000);
      await actOk(agent.api, ticket.id, 'transitions', { to: 'pending', pendingReason: 'third_party', pendingUntil: due.toISOString() });
      const resumed = await actOk(agent.api, ticket.id, 'transitions', { to: 'in_progress' });
      expect(resumed.pendingUntil).toBeNull();
      now = new Date(due.getTime() + 60_000);
      await sweep();
      await worker.get(OutboxRelayService).relayBatch();
      expect(await reminders(agent.id, ticket.id)).toBe(0);
    });
  });

  describe('attachment preview', () => {
    let requesterToken: string;
    beforeAll(async () => {
      requesterToken = await createApiToken(t.dataSource, requester.id, 'preview');
    });
    const upload = async (ticketId: string, name: string, type: string, content: Buffer) => {
      const res = await request(t.url)
        .post(ticketUrl(ticketId, '/attachments'))
        .set(bearer(requesterToken))
        .attach('file', content, { filename: name, contentType: type });
      expect(res.status).toBe(201);
      return res.body as { id: string; size: number };
    };

    it('serves an image inline with its own type, framable only by the portal', async () => {
      const ticket = await openTicket(requester.api);
      // Declared generically: the type comes from the (sniffed) extension, not the browser's claim.
      const png = await upload(ticket.id, 'captura.png', 'application/octet-stream', TINY_PNG);
      const res = await request(t.url).get(`/api/v1/attachments/${png.id}/preview`).set(bearer(requesterToken)).expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''captura\.png$/);
      expect(res.headers['content-security-policy']).toContain(`frame-ancestors 'self'`);
      expect(res.headers['content-security-policy']).toContain(`default-src 'none'`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Number(res.headers['content-length'])).toBe(TINY_PNG.length);
      // The download route keeps the attachment disposition.
      const download = await request(t.url).get(`/api/v1/attachments/${png.id}/content`).set(bearer(requesterToken)).expect(200);
      expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    });

    it('refuses to preview a file type that is not an image or a PDF', async () => {
      const ticket = await openTicket(requester.api);
      const txt = await upload(ticket.id, 'notas.txt', 'text/plain', Buffer.from('<html><script>alert(1)</script></html>'));
      const res = await request(t.url).get(`/api/v1/attachments/${txt.id}/preview`).set(bearer(requesterToken));
      expect(problemOf(res)).toMatchObject({ status: 415, code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    });

    it("does not preview another requester's file", async () => {
      const ticket = await openTicket(requester.api);
      const png = await upload(ticket.id, 'captura.png', 'image/png', TINY_PNG);
      const res = await other.api.get(`/api/v1/attachments/${png.id}/preview`);
      expect(res.status).toBe(404);
    });
  });
});
