/**
 * Node flags the API process runs with, wherever it is started (npm start, docker-compose,
 * benchmarks). Without an explicit old-space limit V8 sizes the heap from the machine's RAM
 * (about 4 GB on 24 GB) and lets it grow lazily under load: the API then holds ~290 MB after a
 * burst it serves in ~185 MB with a limit. 512 MB leaves room for large imports and exports.
 */
export const API_NODE_ARGS = ['--max-old-space-size=512'] as const;
