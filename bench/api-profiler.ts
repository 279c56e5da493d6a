/**
 * Diagnostic preload for the API child: `BENCH_API_NODE_ARGS="--require ./dist/bench/api-profiler.js"`
 * with BENCH_CPU_PROFILE=/tmp/api.cpuprofile records a V8 CPU profile from start to SIGTERM
 * (the API re-raises SIGTERM after its shutdown hooks, so node's own --cpu-prof never writes).
 * Summarise it with `node dist/bench/profile-summary.js /tmp/api.cpuprofile`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const target = process.env.BENCH_CPU_PROFILE;
if (target) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.prependOnceListener('SIGTERM', () => {
    // The in-thread inspector session answers synchronously.
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(target, JSON.stringify(result.profile));
    });
  });
}
