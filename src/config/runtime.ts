/**
 * Node flags the API process runs with, wherever it is started (npm start, docker-compose,
 * benchmarks). Without an explicit old-space limit V8 sizes the heap from the machine's RAM
 * (about 4 GB on 24 GB) and lets it grow lazily under load: the API then holds ~290 MB after a
 * burst it serves in ~185 MB with a limit. 512 MB leaves room for large imports and exports.
 * Node 22+ also sizes the young generation from the machine's memory: on Node 24 the API ended
 * bench/login-and-read at ~280 MB against ~193 MB with 8 MB semi-spaces, at the same throughput.
 */
export const API_NODE_ARGS = ['--max-old-space-size=512', '--max-semi-space-size=8'] as const;
