#!/usr/bin/env node
// Landed migrations never change (STYLE.md): a database migrated before an edit never runs the
// edited part. migrations/released.sha256 lists every migration with its content hash, in
// sha256sum format; `npm run check` fails when a listed migration changed or disappeared, or when
// a migration is not listed yet.
//
//   node scripts/migration-lock.mjs            check (the default, part of `npm run check`)
//   node scripts/migration-lock.mjs --record   add unlisted migrations to the list (never rewrites a listed one)
//   --dir <path>                               another migrations folder (tests)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK = 'released.sha256';

/** @param {string} dir */
function readLock(dir) {
  const path = join(dir, LOCK);
  const listed = new Map();
  if (!existsSync(path)) return listed;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line.trim());
    if (m) listed.set(m[2], m[1]);
  }
  return listed;
}

/** @param {string} dir */
function currentHashes(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  return new Map(
    files.map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

/** @param {string} dir @returns {{ changed: string[]; missing: string[]; unlisted: string[] }} */
export function compare(dir) {
  const listed = readLock(dir);
  const current = currentHashes(dir);
  return {
    changed: [...listed].filter(([f, h]) => current.has(f) && current.get(f) !== h).map(([f]) => f),
    missing: [...listed.keys()].filter((f) => !current.has(f)),
    unlisted: [...current.keys()].filter((f) => !listed.has(f)),
  };
}

function main(argv) {
  const dirFlag = argv.indexOf('--dir');
  const dir = dirFlag >= 0 ? argv[dirFlag + 1] : join(import.meta.dirname, '..', 'migrations');
  const { changed, missing, unlisted } = compare(dir);
  const problems = [
    ...changed.map((f) => `${f} changed after it was released: revert it and add a new migration instead.`),
    ...missing.map((f) => `${f} was released and is gone: released migrations are never removed.`),
  ];
  if (argv.includes('--record')) {
    if (problems.length) {
      for (const p of problems) console.error(`migration-lock: ${p}`);
      return 1;
    }
    if (unlisted.length) {
      const current = currentHashes(dir);
      const listed = readLock(dir);
      for (const f of unlisted) listed.set(f, current.get(f));
      const lines = [...listed].sort(([a], [b]) => a.localeCompare(b)).map(([f, h]) => `${h}  ${f}`);
      writeFileSync(join(dir, LOCK), `${lines.join('\n')}\n`);
    }
    console.log(`migration-lock: recorded ${unlisted.length} migration(s)`);
    return 0;
  }
  problems.push(...unlisted.map((f) => `${f} is not in migrations/${LOCK}: run \`npm run migrations:record\` and commit the list with it.`));
  for (const p of problems) console.error(`migration-lock: ${p}`);
  return problems.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
