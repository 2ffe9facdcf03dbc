import { randomUUID } from 'node:crypto';
import type { SaveQueryRequest, SavedQuery } from '@explorer/model';
import neo4j, { Neo4jError, type Node } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toNumber } from '../db/mapping.ts';
import { SavedQueryError } from './errors.ts';
import { nameKeyOf, toSavedQuery, type SavedQueryProps } from './mapping.ts';
import * as Q from './queries.ts';

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** Saved console queries in Neo4j: list, read, create (unique names), delete. */
export class SavedQueryRepository {
  private constraints: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly timeoutMs: number,
  ) {}

  async list(): Promise<SavedQuery[]> {
    const records = await this.run(Q.LIST_SAVED_QUERIES, {}, 'read');
    return records.map((r) => toSavedQuery(r.get('q') as Node));
  }

  async get(id: string): Promise<SavedQuery | null> {
    const [record] = await this.run(Q.GET_SAVED_QUERY, { id }, 'read');
    return record ? toSavedQuery(record.get('q') as Node) : null;
  }

  /** Stores a query the caller has checked; a name already taken (ignoring case) is a 409. */
  async create(request: SaveQueryRequest): Promise<SavedQuery> {
    await this.ensureConstraints();
    const props: SavedQueryProps = {
      id: randomUUID(),
      name: request.name,
      nameKey: nameKeyOf(request.name),
      query: request.query,
      paramsJson: JSON.stringify(request.params),
      description: request.description ?? null,
      createdAt: new Date().toISOString(),
    };
    try {
      const [record] = await this.run(Q.CREATE_SAVED_QUERY, { props }, 'write');
      if (!record) throw new Error('CREATE returned no saved query');
      return toSavedQuery(record.get('q') as Node);
    } catch (error) {
      if (error instanceof Neo4jError && error.code === CONSTRAINT_FAILED) {
        throw SavedQueryError.duplicateName(request.name);
      }
      throw error;
    }
  }

  /** Whether there was such a saved query to delete. */
  async delete(id: string): Promise<boolean> {
    const [record] = await this.run(Q.DELETE_SAVED_QUERY, { id }, 'write');
    return toNumber(record?.get('deleted') ?? 0) > 0;
  }

  /** The constraints, once per repository; a failure (database down) is retried on the next write. */
  private ensureConstraints(): Promise<void> {
    this.constraints ??= (async () => {
      for (const statement of Q.SAVED_QUERY_CONSTRAINTS) {
        await this.db.driver.executeQuery(statement, {}, { database: this.db.database });
      }
    })().catch((error: unknown) => {
      this.constraints = null;
      throw error;
    });
    return this.constraints;
  }

  private async run(cypher: string, params: Record<string, unknown>, access: 'read' | 'write') {
    const { records } = await this.db.driver.executeQuery(cypher, params, {
      database: this.db.database,
      routing: access === 'read' ? neo4j.routing.READ : neo4j.routing.WRITE,
      transactionConfig: { timeout: this.timeoutMs },
    });
    return records;
  }
}
