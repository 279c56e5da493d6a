import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { Ticket } from './entities/ticket.entity';
import { changeState } from './ticket-state.changer';

/**
 * Issue 10, item 3: every state change of a ticket goes through the state machine. The one file
 * that writes `state` is ticket-state.changer.ts; this scan finds any other write in src/ — a
 * property assignment, an object handed to an ORM write, or SQL that sets the column — and names
 * it by file:line, so a new bypass fails here rather than in production.
 */
const ROOT = join(__dirname, '../../..');
const THE_ONE_WRITER = 'src/modules/tickets/ticket-state.changer.ts';
/** Writes that are not state changes, each with its reason. */
const ALLOWED: Record<string, string> = {
  // Demo tickets are seeded in the state their fabricated history ends in.
  'src/database/demo-data.ts': 'seed fixtures',
};
/** ORM calls that write the object literal they receive. */
const WRITE_CALLS = new Set(['assign', 'save', 'insert', 'update', 'create', 'merge', 'preload', 'upsert', 'set', 'values']);
const SQL_UPDATE = /\bUPDATE\s+tickets\b[^;]*?\bSET\b((?:(?!\bWHERE\b)[\s\S])*)/gi;
const SQL_INSERT = /\bINSERT\s+INTO\s+tickets\s*\(([^)]*)\)/gi;

const isStateName = (n: ts.PropertyName | ts.Expression) => (ts.isIdentifier(n) || ts.isStringLiteral(n)) && n.text === 'state';

/** A ticket is born in the state the rules give it: `state: initialState(…)`, or a `state` variable holding it. */
function bornByRules(prop: ts.ObjectLiteralElementLike): boolean {
  const isInitial = (e: ts.Expression | undefined) =>
    Boolean(e && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'initialState');
  if (ts.isPropertyAssignment(prop)) return isInitial(prop.initializer);
  if (!ts.isShorthandPropertyAssignment(prop)) return false;
  let scope: ts.Node | undefined = prop.parent;
  while (scope && !ts.isFunctionLike(scope)) scope = scope.parent;
  let found = false;
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === 'state') found ||= isInitial(n.initializer);
    ts.forEachChild(n, visit);
  };
  if (scope) visit(scope);
  return found;
}

/** Where `text` writes a ticket's state, as `line: code` (1-based lines). */
export function stateWrites(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = node.left;
      if ((ts.isPropertyAccessExpression(left) && left.name.text === 'state') || (ts.isElementAccessExpression(left) && isStateName(left.argumentExpression)))
        report(node, node.getText());
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const [first] = node.arguments;
      // `m.create(Location, { state })` writes another entity (a location's state is a Mexican state).
      const otherEntity = first && ts.isIdentifier(first) && /^[A-Z]/.test(first.text) && first.text !== 'Ticket';
      if (WRITE_CALLS.has(name) && !otherEntity) {
        for (const arg of node.arguments) {
          if (!ts.isObjectLiteralExpression(arg)) continue;
          for (const prop of arg.properties) {
            if ((ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) && isStateName(prop.name) && !bornByRules(prop))
              report(prop, `${name}(… ${prop.getText()} …)`);
          }
        }
      }
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const sql = node.getText();
      for (const m of sql.matchAll(SQL_UPDATE)) if (/\bstate\s*=/i.test(m[1])) report(node, `SQL ${m[0].replace(/\s+/g, ' ').slice(0, 80)}`);
      for (const m of sql.matchAll(SQL_INSERT)) if (/\bstate\b/i.test(m[1])) report(node, `SQL ${m[0].replace(/\s+/g, ' ').slice(0, 80)}`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('ticket state writes', () => {
  it('sets `state` nowhere in src/ but in ticket-state.changer.ts', () => {
    const files = sourceFiles(join(ROOT, 'src')).map((p) => relative(ROOT, p).split('\\').join('/'));
    expect(files).toContain(THE_ONE_WRITER);
    const bypasses = files
      .filter((f) => f !== THE_ONE_WRITER && !(f in ALLOWED))
      .flatMap((f) => stateWrites(f, readFileSync(join(ROOT, f), 'utf8')).map((w) => `${f}:${w}`));
    expect(bypasses).toEqual([]);
  });

  it('finds the writer’s own assignment (the scan sees what it guards)', () => {
    expect(stateWrites(THE_ONE_WRITER, readFileSync(join(ROOT, THE_ONE_WRITER), 'utf8'))).toEqual([expect.stringMatching(/t\.state = to/)]);
  });

  it.each([
    ['an assignment', `t.state = 'closed';`],
    ['a computed assignment', `ticket['state'] = next;`],
    ['Object.assign', `Object.assign(src, { state: 'closed', closedAt: now });`],
    ['a save of a spread', `await m.save({ ...t, state: 'closed' });`],
    ['an ORM update', `await m.update(Ticket, { id }, { state: 'closed' });`],
    ['a query builder set', `await qb.update(Ticket).set({ state }).where('id = :id', { id }).execute();`],
    ['SQL UPDATE … SET state', "await m.query(`UPDATE tickets SET assignee_id = $2, state = 'in_progress' WHERE id = $1`, [id, u]);"],
    ['SQL UPDATE with an alias', `await m.query("UPDATE tickets t SET state = 'closed' WHERE t.id = $1", [id]);`],
    ['SQL INSERT naming state', 'await m.query(`INSERT INTO tickets (id, state) VALUES ($1, $2)`, [id, s]);'],
  ])('flags %s', (_what, code) => {
    expect(stateWrites('x.ts', `async function f() {\n${code}\n}`)).toEqual([expect.stringMatching(/^2: /)]);
  });

  it.each([
    ['a read', `if (t.state === 'closed') return;`],
    ['a SQL filter on state', "await m.query(`UPDATE tickets SET updated_at = now() WHERE state = 'new'`);"],
    ['a SQL select', `await m.query("SELECT count(*) FILTER (WHERE t.state = 'pending') FROM tickets t");`],
    ['a DTO', `return { id: t.id, state: t.state };`],
    ['another entity', `m.create(Location, { name, state: body.state });`],
    ['a birth by the rules', `const state = initialState(needsApproval);\nawait writer.insert(year, { title, state });`],
  ])('leaves %s alone', (_what, code) => {
    expect(stateWrites('x.ts', `async function f() {\n${code}\n}`)).toEqual([]);
  });
});

describe(changeState.name, () => {
  const ticket = (over: Partial<Ticket> = {}) =>
    Object.assign(new Ticket(), {
      number: 'MESA-2026-000001',
      state: 'new',
      pendingReason: null,
      channel: 'portal',
      letterAnswer: null,
      assigneeId: null,
      teamId: null,
      reopenCount: 0,
      ...over,
    });
  const now = new Date('2026-11-29T10:00:00Z');

  it('closes a merged duplicate as the system, with the transition row and one event', () => {
    const t = ticket({ state: 'in_progress' });
    const change = changeState(
      t,
      { to: 'closed', as: 'system', reason: 'Fusionado con MESA-2026-000002', event: 'ticket.state_changed', payload: { mergedInto: 'MESA-2026-000002' } },
      now,
    );
    expect(t).toMatchObject({ state: 'closed', closedAt: now, closeReason: 'Fusionado con MESA-2026-000002', pendingReason: null });
    expect(change.history).toEqual([
      { action: 'transition', field: 'state', oldValue: 'in_progress', newValue: 'closed', reason: 'Fusionado con MESA-2026-000002' },
    ]);
    expect(change.event).toEqual([
      'ticket.state_changed',
      { number: t.number, from: 'in_progress', to: 'closed', reason: 'Fusionado con MESA-2026-000002', mergedInto: 'MESA-2026-000002' },
    ]);
  });

  it('announces a reopening with its own event, so the assignee is told', () => {
    const t = ticket({ state: 'resolved', assigneeId: 'a', resolvedAt: now });
    const change = changeState(t, { to: 'in_progress', as: 'requester', reason: 'Sigue fallando' }, now);
    expect(t).toMatchObject({ state: 'in_progress', reopenCount: 1, resolvedAt: null });
    expect(change.event).toEqual(['ticket.reopened', { number: t.number, from: 'resolved', to: 'in_progress', reason: 'Sigue fallando' }]);
    // Any other move without an event of its own stays a plain state change.
    expect(changeState(ticket({ state: 'assigned', assigneeId: 'a' }), { to: 'in_progress', as: 'staff' }, now).event[0]).toBe('ticket.state_changed');
  });

  it('refuses what the rules refuse, naming the allowed states, and leaves the ticket as it was', () => {
    const t = ticket({ state: 'cancelled' });
    expect(() => changeState(t, { to: 'closed', as: 'system', reason: 'Fusionado' }, now)).toThrow(
      expect.objectContaining({ code: 'TICKET_ILLEGAL_TRANSITION', extra: { allowed: [] } }),
    );
    expect(t.state).toBe('cancelled');
  });

  it('lets the approver move a request only while it waits on them', () => {
    const waiting = ticket({ state: 'pending', pendingReason: 'approval' });
    expect(changeState(waiting, { to: 'closed', as: 'approver', reason: 'No procede', event: 'ticket.approval_rejected' }, now).event[0]).toBe(
      'ticket.approval_rejected',
    );
    expect(waiting).toMatchObject({ state: 'closed', closeReason: 'No procede', pendingReason: null });
    const withdrawn = ticket({ state: 'cancelled' });
    expect(() => changeState(withdrawn, { to: 'new', as: 'approver' }, now)).toThrow(expect.objectContaining({ code: 'TICKET_ILLEGAL_TRANSITION' }));
  });

  it('sets "Pendiente hasta" only for a stay in Pendiente, as internal history, and drops it on leaving', () => {
    const until = new Date('2026-12-01T15:00:00Z');
    const t = ticket({ state: 'in_progress', assigneeId: 'agent-1', pendingUntil: null, pendingRemindedAt: new Date('2026-11-01T00:00:00Z') });
    const pending = changeState(t, { to: 'pending', as: 'staff', pendingReason: 'third_party', pendingUntil: until }, now);
    expect(t).toMatchObject({ state: 'pending', pendingUntil: until, pendingRemindedAt: null });
    expect(pending.history).toContainEqual({ action: 'field', field: 'pendingUntil', oldValue: null, newValue: until, internal: true });
    const resumed = changeState(t, { to: 'in_progress', as: 'staff' }, now);
    expect(t).toMatchObject({ state: 'in_progress', pendingUntil: null, pendingRemindedAt: null });
    // Dropping the reminder is a change of its own: history says the date was cleared (staff only).
    expect(resumed.history).toContainEqual({ action: 'field', field: 'pendingUntil', oldValue: until, newValue: null, internal: true });
    // A date given with another target is ignored here (pending-reminder.rules refuses it before).
    changeState(t, { to: 'resolved', as: 'staff', solution: 'Listo.', pendingUntil: until }, now);
    expect(t.pendingUntil).toBeNull();
  });
});
