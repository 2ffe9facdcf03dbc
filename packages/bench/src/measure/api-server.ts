// The API under test as its own process (started by api-process.ts): `node --import tsx/esm
// api-server.ts '<json options>'`. Prints one line `{"baseUrl": …}` once listening; SIGTERM closes it.
import { startBenchApi } from './stack.ts';

interface ApiServerOptions {
  uri: string;
  queryTimeoutMs: number;
  maxConcurrency: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ApiServerOptions;
const api = await startBenchApi(options.uri, options.queryTimeoutMs, options.maxConcurrency);
process.stdout.write(`${JSON.stringify({ baseUrl: api.baseUrl })}\n`);
process.once('SIGTERM', () => {
  void api.close().finally(() => process.exit(0));
});
