import { RE2JS } from 're2js';

/**
 * Patterns in request forms are written by catalog managers and run against every requester's
 * answer, in the API and in the portal. JavaScript's backtracking engine takes exponential time
 * on patterns such as `^(\w+\s?)*$` (it blocked the event loop for a second on 27 characters),
 * so they run on RE2 (re2js, pure JS, same code in Node and the browser), which matches in
 * linear time and has no backreferences or lookaround. A pattern RE2 cannot compile is refused
 * when the form is saved.
 */
export type FormPattern = { test(value: string): boolean };

/**
 * RE2's time is linear in the answer's length times the pattern's program size, and that size
 * grows with counted repetitions (`\p{L}{1000}` compiles to ~1,000 instructions and took ~0.3 s
 * on a 10,000-character answer here). Real form patterns are far smaller (a CURP check is ~90).
 */
export const MAX_PATTERN_INSTRUCTIONS = 300;

export class PatternTooLargeError extends Error {}

/** The compiled program's size; re2js keeps it on an internal field, so a missing one is not a refusal. */
function programSize(re: RE2JS): number | null {
  const prog = (re as unknown as { re2Input?: { prog?: { inst?: unknown[] } } }).re2Input?.prog?.inst;
  return Array.isArray(prog) ? prog.length : null;
}

const cache = new Map<string, FormPattern | Error>();
const CACHE_MAX = 500;

export function compileFormPattern(source: string): FormPattern | Error {
  const hit = cache.get(source);
  if (hit) return hit;
  let compiled: FormPattern | Error;
  try {
    const re = RE2JS.compile(source);
    const size = programSize(re);
    compiled =
      size !== null && size > MAX_PATTERN_INSTRUCTIONS
        ? new PatternTooLargeError(`pattern compiles to ${size} instructions`)
        : { test: (value: string) => re.test(value) };
  } catch (e) {
    compiled = e instanceof Error ? e : new Error(String(e));
  }
  // Bounded: the set of patterns in force is small, but forms can be edited without end.
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(source, compiled);
  return compiled;
}
