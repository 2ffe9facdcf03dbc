// Starts the app: configuration → database (embedded unless NEO4J_URI) → schema and seed → HTTP.
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { buildApp, LISTEN_BACKLOG } from './http/app.ts';
import { prepareDatabase, recoverAfterRestart } from './startup.ts';
import { VERSION } from './version.ts';

const log = (message: string) => console.log(`[explorer] ${message}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.neo4j.mode === 'remote' ? config.neo4j.uri : `embedded Neo4j in ${config.neo4j.dataDir}`;
  log(`Opening ${where} …`);
  const db: Database = await openDatabase(config, {
    report: log,
    afterRestart: (restarted) => recoverAfterRestart(restarted, log),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping …`);
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  };
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await prepareDatabase(db, config.seedOnStart, log);
    app = await buildApp({ config, db, version: VERSION });
    await app.listen({ host: config.host, port: config.port, backlog: LISTEN_BACKLOG });
    log(`Ready: http://${config.host}:${config.port}  (API under /api)`);
  } catch (error) {
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}

main().catch((error: unknown) => {
  // Configuration and prerequisite problems are the user's to fix: one clear line, no stack.
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigError ? message : `[explorer] Start-up failed: ${message}`);
  process.exit(1);
});
