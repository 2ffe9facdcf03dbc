import { createTempDataDir, startNeo4jLocal, type Neo4jLocal } from '@explorer/neo4j-local';
import { afterAll, beforeAll } from 'vitest';
import { connect, type Database } from '../../src/db/database.ts';

/**
 * Registers hooks that start an empty embedded Neo4j for one test file and stop it afterwards: for
 * files that write (the shared test database is compared by checksum while other files run) or need
 * an empty database. One JVM more, so only where the shared database will not do.
 */
export function useOwnDatabase(prefix: string): () => Database {
  let neo4jLocal: Neo4jLocal | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    neo4jLocal = await startNeo4jLocal({
      dataDir: await createTempDataDir(prefix),
      boltPort: 0,
      removeDataDirOnStop: true,
      heapMb: 512,
      txTimeoutSeconds: 120,
    });
    database = connect({ uri: neo4jLocal.uri, ...neo4jLocal.auth });
  });
  afterAll(async () => {
    await database?.close();
    await neo4jLocal?.stop();
  });
  return () => {
    if (!database) throw new Error(`${prefix} database not ready`);
    return database;
  };
}
