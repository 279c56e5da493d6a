import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'migration-lock.mjs');

/** Runs the lock script on a folder; returns its exit code and what it printed. */
function run(dir: string, ...args: string[]): { code: number; output: string } {
  try {
    const out = execFileSync(process.execPath, [SCRIPT, '--dir', dir, ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe('migration lock (scripts/migration-lock.mjs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-miglock-'));
    writeFileSync(join(dir, '1-create-a.ts'), 'export class A {}\n');
    writeFileSync(join(dir, '2-create-b.ts'), 'export class B {}\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a migration that is not recorded yet, and passes once it is', () => {
    expect(run(dir)).toEqual({ code: 1, output: expect.stringContaining('1-create-a.ts is not in migrations/released.sha256') });
    expect(run(dir, '--record').code).toBe(0);
    expect(run(dir).code).toBe(0);
  });

  it('fails when a released migration changes, naming it, and refuses to record over it', () => {
    run(dir, '--record');
    const lock = readFileSync(join(dir, 'released.sha256'), 'utf8');
    writeFileSync(join(dir, '1-create-a.ts'), 'export class A { edited = true }\n');
    const check = run(dir);
    expect(check.code).toBe(1);
    expect(check.output).toContain('1-create-a.ts changed after it was released');
    expect(check.output).not.toContain('2-create-b.ts');
    expect(run(dir, '--record').code).toBe(1);
    expect(readFileSync(join(dir, 'released.sha256'), 'utf8')).toBe(lock);
  });

  it('fails when a released migration is removed', () => {
    run(dir, '--record');
    unlinkSync(join(dir, '2-create-b.ts'));
    expect(run(dir)).toEqual({ code: 1, output: expect.stringContaining('2-create-b.ts was released and is gone') });
  });

  it('records a new migration without touching the released ones', () => {
    run(dir, '--record');
    const before = readFileSync(join(dir, 'released.sha256'), 'utf8');
    writeFileSync(join(dir, '3-create-c.ts'), 'export class C {}\n');
    expect(run(dir, '--record').code).toBe(0);
    const after = readFileSync(join(dir, 'released.sha256'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after).toContain('3-create-c.ts');
    expect(run(dir).code).toBe(0);
  });
});
