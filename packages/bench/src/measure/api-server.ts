// The API under test as its own process (started by api-process.ts): `node --import tsx/esm
// api-server.ts`, its options as JSON on stdin. Prints one line `{"baseUrl": …}` once listening;
// SIGTERM closes it.
import { text } from 'node:stream/consumers';
import type { DatabaseTarget } from '@explorer/api';
import { startBenchApi } from './stack.ts';

interface ApiServerOptions {
  target: DatabaseTarget;
  queryTimeoutMs: number;
  maxConcurrency: number;
}

const options = JSON.parse(await text(process.stdin)) as ApiServerOptions;
const api = await startBenchApi(options.target, options.queryTimeoutMs, options.maxConcurrency);
process.stdout.write(`${JSON.stringify({ baseUrl: api.baseUrl })}\n`);
process.once('SIGTERM', () => {
  void api.close().finally(() => process.exit(0));
});
