/**
 * `npm run bench -- <name>`: runs one benchmark. Each prints readable figures and, as its
 * last line, `BENCH {"name":…,"targets":[{"what":…,"value":…,"limit":…,"met":…}]}`.
 */
import { loginAndRead } from './login-and-read';
import { queueAtScale } from './queue-at-scale';
import { ticketsCreate } from './tickets-create';

const BENCHES: Record<string, () => Promise<boolean>> = {
  'login-and-read': loginAndRead,
  'tickets-create': ticketsCreate,
  'queue-at-scale': queueAtScale,
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    console.error(`usage: npm run bench -- <name>\nbenchmarks: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const met = await bench();
  process.exit(met ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
