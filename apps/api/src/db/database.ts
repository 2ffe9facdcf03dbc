import neo4j, { type Driver } from 'neo4j-driver';
import { startNeo4jLocal, type Neo4jLocal } from '@explorer/neo4j-local';
import type { Config } from '../config.ts';

/** An open connection to the graph: the driver, the database to use, and how to close both. */
export interface Database {
  driver: Driver;
  database: string;
  /** Set when this process started the embedded Neo4j itself. */
  embedded: Neo4jLocal | null;
  close(): Promise<void>;
}

/** Connects to a server by URI (no server is started). */
export function connect(options: {
  uri: string;
  user?: string;
  password?: string | undefined;
  database?: string;
}): Database {
  // The embedded database runs without auth; a server gets user and password.
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
    close: () => driver.close(),
  };
}

/**
 * Opens the database the configuration names: the server at NEO4J_URI, or else an embedded
 * Neo4j started here (and stopped again by close()).
 */
export async function openDatabase(config: Config, log: (line: string) => void = () => {}): Promise<Database> {
  const c = config.neo4j;
  if (c.mode === 'remote') {
    return connect({ uri: c.uri, user: c.user, password: c.password, database: c.database });
  }
  const embedded = await startNeo4jLocal({
    dataDir: c.dataDir,
    boltPort: c.boltPort,
    heapMb: c.heapMb,
    log,
  });
  const db = connect({ uri: embedded.uri, database: c.database });
  return {
    ...db,
    embedded,
    async close() {
      await db.close();
      await embedded.stop();
    },
  };
}
