import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { Database } from './database.ts';

/** Runs read queries with the configured server-side timeout, routed to readers in a cluster. */
export class QueryRunner {
  constructor(
    readonly db: Database,
    readonly timeoutMs: number,
  ) {}

  async read(cypher: string, params: Record<string, unknown> = {}, timeoutMs = this.timeoutMs): Promise<Neo4jRecord[]> {
    const { records } = await this.db.driver.executeQuery(cypher, params, {
      database: this.db.database,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: timeoutMs },
    });
    return records;
  }

  /** One round trip without the driver's retries: health checks must answer fast when the database is down. */
  async ping(timeoutMs: number): Promise<void> {
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1', {}, { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  }
}
