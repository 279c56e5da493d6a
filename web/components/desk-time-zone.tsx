'use client';

import type { ReactNode } from 'react';
import { setDisplayTimeZone } from '@/lib/format';

/**
 * Tells the browser's copy of lib/format.ts the desk's zone from the API's configuration. It sets
 * it while rendering (not in an effect) so the pages below, rendered after it, already format
 * dates in that zone on the first render and hydrate to the same text the server sent.
 */
export function DeskTimeZone({ zone, children }: { zone: string; children: ReactNode }) {
  setDisplayTimeZone(zone);
  return children;
}
