#!/usr/bin/env node
// The SQL half of the module boundaries (ARCHITECTURE.md, "Module boundaries"); the import half
// is .dependency-cruiser.cjs. An import checker cannot see a table named inside a query string, so
// this script reads the string literals of every module and fails, naming file:line, when one
// names another module's table:
//   - a write (INSERT INTO, UPDATE, DELETE FROM, TRUNCATE, ALTER TABLE, …) of another module's table, always;
//   - a read (FROM, JOIN) of another module's table. A read that must be one round trip goes through
//     a fragment the owner exports from `<owner>/<owner>.sql.ts`: the reader interpolates it
//     (`${identitySql.…}`), so the foreign table name never appears in the reader's own literals,
//     and dependency-cruiser allows that import only in the reader's repository/queries file.
// Who owns a table comes from the `@Entity('<table>')` declarations; a table created in a
// migration without an entity is an error, so every table has an owner.
// Known violations waiting for a fix may be listed in scripts/sql-boundaries.allow; the check
// prints them every time, and fails when an entry no longer matches anything (so the list only shrinks).
//
// Usage: node scripts/check-sql-boundaries.mjs [--root <dir>]   (<dir> holds src/modules and migrations)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const root = args.includes('--root') ? args[args.indexOf('--root') + 1] : process.cwd();
const modulesDir = join(root, 'src', 'modules');
const migrationsDir = join(root, 'migrations');
const allowFile = join(root, 'scripts', 'sql-boundaries.allow');

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) out.push(p);
  }
  return out;
}

/**
 * The text of the file's string and template literals, every other character (code, comments,
 * `${…}` interpolations) blanked to a space and newlines kept, so offsets map to the same lines.
 */
export function literalText(src) {
  const out = src.split('').map((c) => (c === '\n' ? '\n' : ' '));
  // Stack of contexts: 'code' (with its brace depth, for `${ … }`), or a template literal.
  const stack = [{ kind: 'code', depth: 0 }];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const top = stack[stack.length - 1];
    if (top.kind === 'template') {
      if (c === '\\') {
        out[i] = c;
        if (src[i + 1] !== '\n') out[i + 1] = src[i + 1];
        i += 2;
        continue;
      }
      if (c === '`') {
        stack.pop();
        i++;
        continue;
      }
      if (c === '$' && src[i + 1] === '{') {
        stack.push({ kind: 'code', depth: 0 });
        i += 2;
        continue;
      }
      if (c !== '\n') out[i] = c;
      i++;
      continue;
    }
    // code
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
      continue;
    }
    if (c === '`') {
      stack.push({ kind: 'template' });
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\') {
          i += 2;
          continue;
        }
        out[i] = src[i];
        i++;
      }
      i++;
      continue;
    }
    if (c === '{') top.depth++;
    if (c === '}') {
      if (top.depth === 0 && stack.length > 1) {
        stack.pop();
        i++;
        continue;
      }
      top.depth--;
    }
    i++;
  }
  return out.join('');
}

const WRITE =
  /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|ALTER\s+TABLE|DROP\s+TABLE|LOCK\s+TABLE|MERGE\s+INTO|COPY)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/g;
const READ = /\b(FROM|JOIN)\s+(?:ONLY\s+|LATERAL\s+)?"?([a-z_][a-z0-9_]*)"?/g;

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

function moduleOf(file) {
  return relative(modulesDir, file).split(/[\\/]/)[0];
}

const files = walk(modulesDir);
const owners = new Map();
const problems = [];
for (const file of files) {
  for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*['"]([a-z_][a-z0-9_]*)['"]/g)) {
    const previous = owners.get(m[1]);
    if (previous && previous !== moduleOf(file)) problems.push(`table ${m[1]} is declared by both ${previous} and ${moduleOf(file)}`);
    owners.set(m[1], moduleOf(file));
  }
}
if (existsSync(migrationsDir)) {
  for (const name of readdirSync(migrationsDir)
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    for (const m of readFileSync(join(migrationsDir, name), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?\\?"?([a-z_][a-z0-9_]*)/g)) {
      if (!owners.has(m[1])) problems.push(`migrations/${name}: table ${m[1]} has no @Entity in src/modules, so no module owns it`);
    }
  }
}

const found = [];
for (const file of files) {
  const module = moduleOf(file);
  const rel = relative(root, file).split('\\').join('/');
  const text = literalText(readFileSync(file, 'utf8'));
  const writes = new Set();
  for (const m of text.matchAll(WRITE)) {
    const owner = owners.get(m[2]);
    writes.add(m.index + m[0].length - m[2].length);
    if (owner && owner !== module) found.push({ rel, line: lineOf(text, m.index), table: m[2], kind: 'writes', owner, module });
  }
  for (const m of text.matchAll(READ)) {
    const owner = owners.get(m[2]);
    // DELETE FROM x was reported as a write already.
    if (writes.has(m.index + m[0].length - m[2].length)) continue;
    if (owner && owner !== module) found.push({ rel, line: lineOf(text, m.index), table: m[2], kind: 'reads', owner, module });
  }
}

// Allow-list entries: `<path> <kind> <table>` (reasons after #). No line numbers, so edits elsewhere in the file don't churn it.
const allowed = existsSync(allowFile)
  ? readFileSync(allowFile, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean)
  : [];
const used = new Set();
const failures = [];
const waived = [];
for (const f of found) {
  const key = `${f.rel} ${f.kind} ${f.table}`;
  const text = `${f.rel}:${f.line}: ${f.module} ${f.kind} ${f.table}, a table of ${f.owner}`;
  if (allowed.includes(key)) {
    used.add(key);
    waived.push(text);
  } else failures.push(text);
}
for (const entry of allowed) if (!used.has(entry)) problems.push(`scripts/sql-boundaries.allow: "${entry}" matches nothing any more; remove it`);

if (waived.length) {
  console.log(`SQL boundaries: ${waived.length} known violation(s) listed in scripts/sql-boundaries.allow, still to fix:`);
  for (const w of waived) console.log(`  ${w}`);
}
for (const f of failures)
  console.error(`${f} (write only your own tables; read another module's tables only through its exported SQL fragments, in your repository/queries file)`);
for (const p of problems) console.error(p);
if (failures.length || problems.length) process.exit(1);
console.log(`SQL boundaries: ${owners.size} tables, ${files.length} files, no new violation.`);
