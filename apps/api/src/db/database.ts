import neo4j, { type Driver } from 'neo4j-driver';
import { startNeo4jLocal } from '@explorer/neo4j-local';
import type { Config } from '../config.ts';
import { EmbeddedSupervisor, type DatabaseStatus } from './embedded-supervisor.ts';

export type { DatabaseStatus } from './embedded-supervisor.ts';

/** An open connection to the graph: the driver, the database to use, and how to close both. */
export interface Database {
  driver: Driver;
  database: string;
  /** Set when this process started the embedded Neo4j itself, and keeps it running. */
  embedded: EmbeddedSupervisor | null;
  /** `restarting` while this process brings a dead embedded database back; a server is always `up` here. */
  status(): DatabaseStatus;
  close(): Promise<void>;
}

/** Where a database is and how to log in to it: a server's URI, or the embedded one's with its password. */
export interface DatabaseTarget {
  uri: string;
  user?: string;
  password?: string | undefined;
}

/** Connects to a server by URI (no server is started). */
export function connect(options: DatabaseTarget & { database?: string }): Database {
  const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
  const driver = neo4j.driver(options.uri, auth, {
    // Fail fast when the database is down, so the API answers 503 instead of hanging.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    // Managed transactions retry transient failures; keep that short so a dead database means 503 soon.
    maxTransactionRetryTime: 3_000,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: false,
  });
  return {
    driver,
    database: options.database ?? 'neo4j',
    embedded: null,
    status: () => 'up',
    close: () => driver.close(),
  };
}

export interface OpenOptions {
  /** Receives the embedded JVM's output lines. */
  log?: (line: string) => void;
  /** Says what the supervisor of the embedded database does (a restart, its cause). */
  report?: (message: string) => void;
  /** Run after the embedded database was restarted, before it counts as up again. */
  afterRestart?: (db: Database) => Promise<void>;
}

/**
 * Opens the database the configuration names: the server at NEO4J_URI, or else an embedded
 * Neo4j started here, restarted if it dies (EmbeddedSupervisor), and stopped again by close().
 */
export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Database> {
  const c = config.neo4j;
  if (c.mode === 'remote') {
    return connect({ uri: c.uri, user: c.user, password: c.password, database: c.database });
  }
  const start = (boltPort: number) =>
    startNeo4jLocal({ dataDir: c.dataDir, boltPort, heapMb: c.heapMb, log: options.log ?? (() => {}) });
  const first = await start(c.boltPort);
  const connection = connect({ uri: first.uri, ...first.auth, database: c.database });
  const db: Database = {
    ...connection,
    embedded: new EmbeddedSupervisor(first, {
      start,
      afterRestart: () => options.afterRestart?.(db) ?? Promise.resolve(),
      log: options.report ?? (() => {}),
    }),
    status: () => db.embedded?.status ?? 'up',
    async close() {
      await connection.close();
      await db.embedded?.stop();
    },
  };
  return db;
}
