const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** `100kb` → 102400: the size strings BODY_LIMIT accepts (validated by the config schema). */
export function parseByteSize(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/.exec(size.trim().toLowerCase());
  if (!match) throw new Error(`Not a size: ${size}`);
  return Number(match[1]) * UNITS[match[2]];
}
