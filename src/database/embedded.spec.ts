import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { letOthersTraverse } from './embedded';

describe('letOthersTraverse (the embedded cluster under a .mesa made 0750)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-state-'));
    chmodSync(dir, 0o750);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const mode = () => statSync(dir).mode & 0o777;

  it('adds search (not read) for others to a directory root owns, once', async () => {
    const root = process.getuid?.() === 0;
    expect(await letOthersTraverse(dir)).toBe(root);
    expect(mode()).toBe(root ? 0o751 : 0o750);
    expect(await letOthersTraverse(dir)).toBe(false);
  });
});
