import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Both halves of `npm run check:boundaries` on a small fixture tree: clean, then with one planted
// violation at a time, to show each rule fails and names the file.
const REPO = join(__dirname, '..');
const SQL_SCRIPT = join(__dirname, 'check-sql-boundaries.mjs');
const DEPCRUISE = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');

function run(cwd: string, args: string[]): { code: number; output: string } {
  try {
    const out = execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

const checkSql = (root: string) => run(root, [SQL_SCRIPT, '--root', root]);
const checkImports = (root: string) => run(root, [DEPCRUISE, 'src', '--config', join(REPO, '.dependency-cruiser.cjs')]);

const CLEAN: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022', moduleResolution: 'node' } }),
  'migrations/1-create.ts': 'export const up = `CREATE TABLE "organisations" (id uuid); CREATE TABLE "tickets" (id uuid)`;\n',
  'src/modules/organisations/entities/organisation.entity.ts': "@Entity('organisations')\nexport class Organisation {}\n",
  'src/modules/organisations/organisations.sql.ts': 'export const ORGANISATIONS_SQL = `(SELECT id, name FROM organisations)`;\n',
  'src/modules/organisations/organisations.service.ts': 'export class OrganisationsService {\n  q = `SELECT name FROM organisations WHERE id = $1`;\n}\n',
  'src/modules/tickets/entities/ticket.entity.ts': "@Entity('tickets')\nexport class Ticket {}\n",
  'src/modules/tickets/tickets.repository.ts': [
    "import { ORGANISATIONS_SQL } from '../organisations/organisations.sql';",
    '// Comments may name organisations: FROM organisations is not a query here.',
    'export const LIST = `SELECT t.id, o.name FROM tickets t JOIN ${ORGANISATIONS_SQL} o ON o.id = t.organisation_id`;',
    '',
  ].join('\n'),
  'src/modules/tickets/tickets.service.ts':
    "import { OrganisationsService } from '../organisations/organisations.service';\nexport class TicketsService { constructor(readonly o: OrganisationsService) {} }\n",
};

describe('module boundaries (.dependency-cruiser.cjs, scripts/check-sql-boundaries.mjs)', () => {
  let root: string;
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mesa-boundaries-'));
    write(CLEAN);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes a tree that joins another module only through its fragment, in a repository', () => {
    expect(checkSql(root)).toMatchObject({ code: 0 });
    expect(checkImports(root)).toMatchObject({ code: 0 });
  });

  it("fails when a module's SQL reads a higher module's table, naming file:line (the import checker cannot see it)", () => {
    write({
      'src/modules/organisations/organisations.service.ts':
        'export class OrganisationsService {\n  count = `SELECT count(*)\n     FROM tickets WHERE organisation_id = $1`;\n}\n',
    });
    const sql = checkSql(root);
    expect(sql.code).toBe(1);
    expect(sql.output).toContain('src/modules/organisations/organisations.service.ts:3: organisations reads tickets, a table of tickets');
    expect(checkImports(root).code).toBe(0);
  });

  it("fails when a module writes another module's table, even from its repository", () => {
    write({
      'src/modules/tickets/tickets.repository.ts': 'export const Q = `UPDATE organisations SET name = $1`;\nexport const D = `DELETE FROM organisations`;\n',
    });
    const sql = checkSql(root);
    expect(sql.code).toBe(1);
    expect(sql.output).toContain('src/modules/tickets/tickets.repository.ts:1: tickets writes organisations');
    expect(sql.output).toContain('src/modules/tickets/tickets.repository.ts:2: tickets writes organisations');
    expect(sql.output).not.toContain('tickets reads organisations');
  });

  it('fails on a table that a migration creates and no entity owns', () => {
    write({ 'migrations/2-create.ts': 'export const up = `CREATE TABLE \\"orphans\\" (id uuid)`;\n' });
    expect(checkSql(root)).toEqual({ code: 1, output: expect.stringContaining('migrations/2-create.ts: table orphans has no @Entity') });
  });

  it('waives a violation listed in the allow-list, printing it, and fails on an entry that matches nothing', () => {
    write({
      'src/modules/tickets/tickets.service.ts': 'export const Q = `SELECT name FROM organisations`;\n',
      'scripts/sql-boundaries.allow': 'src/modules/tickets/tickets.service.ts reads organisations  # to fix\n',
    });
    const waived = checkSql(root);
    expect(waived.code).toBe(0);
    expect(waived.output).toContain('src/modules/tickets/tickets.service.ts:1: tickets reads organisations');
    write({ 'src/modules/tickets/tickets.service.ts': 'export class TicketsService {}\n' });
    expect(checkSql(root)).toEqual({
      code: 1,
      output: expect.stringContaining('"src/modules/tickets/tickets.service.ts reads organisations" matches nothing'),
    });
  });

  it('fails when a lower module imports a higher one', () => {
    write({ 'src/modules/organisations/organisations.service.ts': "import { LIST } from '../tickets/tickets.repository';\nexport const X = LIST;\n" });
    const imports = checkImports(root);
    expect(imports.code).not.toBe(0);
    expect(imports.output).toContain('floor-organisations: src/modules/organisations/organisations.service.ts → src/modules/tickets/tickets.repository.ts');
  });

  it("fails when a module imports another module's entity", () => {
    write({
      'src/modules/tickets/entities/ticket.entity.ts':
        "import { Organisation } from '../../organisations/entities/organisation.entity';\n@Entity('tickets')\nexport class Ticket { o?: Organisation }\n",
    });
    expect(checkImports(root).output).toContain(
      'no-foreign-entities: src/modules/tickets/entities/ticket.entity.ts → src/modules/organisations/entities/organisation.entity.ts',
    );
  });

  it("fails when another module's SQL fragment is used outside the reader's repository/queries file", () => {
    write({
      'src/modules/tickets/tickets.service.ts':
        "import { ORGANISATIONS_SQL } from '../organisations/organisations.sql';\nexport const Q = `SELECT 1 FROM ${ORGANISATIONS_SQL} o`;\n",
    });
    const imports = checkImports(root);
    expect(imports.code).not.toBe(0);
    expect(imports.output).toContain('fragments-in-query-files: src/modules/tickets/tickets.service.ts → src/modules/organisations/organisations.sql.ts');
  });

  it("fails when a module imports another module's private file", () => {
    write({
      'src/modules/organisations/org-tree.ts': 'export const depth = 3;\n',
      'src/modules/tickets/tickets.service.ts': "import { depth } from '../organisations/org-tree';\nexport const D = depth;\n",
    });
    expect(checkImports(root).output).toContain('only-public-surface: src/modules/tickets/tickets.service.ts → src/modules/organisations/org-tree.ts');
  });
});
