/**
 * Summarises a .cpuprofile: self time by package (node_modules/<pkg>, src/, node internals, GC)
 * and the top functions. `node dist/bench/profile-summary.js <file> [top]`.
 */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };

function bucket(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native/internal)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const d = /\/dist\/(src\/[^/]+(?:\/[^/]+)?)/.exec(url);
  return d ? d[1] : url;
}

const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
const busy = total - idle;
const byBucket = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, t] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === '(idle)') continue;
  const b = bucket(url, functionName);
  byBucket.set(b, (byBucket.get(b) ?? 0) + t);
  const key = `${functionName || '(anonymous)'} ${b}:${lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
}
const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(`profile ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((busy / total) * 100).toFixed(0)}%)`);
console.log('self time by package (of busy time):');
for (const [b, t] of [...byBucket].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(t)}  ${b}`);
console.log('top functions (self):');
for (const [f, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 30))) console.log(`  ${pct(t)}  ${f}`);
