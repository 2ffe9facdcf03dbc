import { parseArgs } from 'node:util';
import { BUILD_LOG } from './build.ts';
import { prepareNeo4jLocal, startNeo4jLocal } from './launcher.ts';
import { DEFAULT_DATA_DIR, TARGET_DIR } from './paths.ts';

const USAGE = `usage:
  tsx src/cli.ts build                                 build the Java launcher (Maven) and its class archive if needed
  tsx src/cli.ts start [--data-dir d] [--port p]       start Neo4j; default data dir ${DEFAULT_DATA_DIR}, port 7687 (0 = any free port)`;

async function build(): Promise<void> {
  await prepareNeo4jLocal();
  console.log(`neo4j-local built in ${TARGET_DIR} (jar, lib, plugins, class archive); Maven log: ${BUILD_LOG}`);
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 7687 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);

  const neo4j = await startNeo4jLocal({
    dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR,
    boltPort: port,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(
    `Neo4j ready at ${neo4j.uri} (user neo4j, password in ${neo4j.dataDir}/bolt-password), data in ${neo4j.dataDir}. Ctrl-C to stop.`,
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Neo4j...`);
    void neo4j.stop().then(() => {
      console.log('Neo4j stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const { code, signal } = await neo4j.exited;
  if (!stopping) {
    console.error(`Neo4j exited unexpectedly (${code !== null ? `code ${code}` : `signal ${String(signal)}`}).`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'build') return build();
  if (command === 'start') return start(rest);
  console.error(USAGE);
  process.exit(command === undefined || command === '--help' ? 0 : 64);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
