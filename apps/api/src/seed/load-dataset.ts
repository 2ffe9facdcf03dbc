import {
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  type Dataset,
  type EntityRecord,
  type RelationshipRecord,
} from '@explorer/model';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toNumber } from '../db/mapping.ts';

/** A dataset record that clashes with what the database already holds. */
export class SeedConflictError extends Error {
  constructor(
    readonly record: string,
    readonly field: string,
    message: string,
  ) {
    super(`${record} › ${field}: ${message}`);
    this.name = 'SeedConflictError';
  }
}

export interface LoadResult {
  dataset: string;
  entities: number;
  relationships: number;
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

type Props = Record<string, unknown>;

/** Neo4j stores flat properties: drop what is not set, and what the label or type already says. */
function toProps(record: Props, omit: readonly string[], dataset: string): Props {
  const props: Props = { dataset };
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined && !omit.includes(key)) props[key] = value;
  }
  return props;
}

export function entityProps(entity: EntityRecord, dataset: string): Props {
  return toProps(entity, ['kind'], dataset);
}

export function relationshipProps(rel: RelationshipRecord, dataset: string): Props {
  return toProps(rel, ['type', 'source', 'target'], dataset);
}

async function checkConflicts(tx: ManagedTransaction, dataset: Dataset): Promise<void> {
  const result = await tx.run(
    `UNWIND $entities AS e
     MATCH (n:Entity {id: e.id})
     RETURN e.id AS id, e.kind AS kind, labels(n) AS labels, coalesce(n.synthetic, false) AS synthetic`,
    { entities: dataset.entities.map((e) => ({ id: e.id, kind: e.kind })) },
  );
  const byId = new Map(dataset.entities.map((e) => [e.id, e]));
  for (const r of result.records) {
    const id = String(r.get('id'));
    const labels = r.get('labels') as string[];
    const entity = byId.get(id);
    if (!entity) continue;
    if (!labels.includes(entity.kind)) {
      throw new SeedConflictError(
        id,
        'kind',
        `the database already holds "${id}" as ${labels.filter((l) => l !== 'Entity').join(', ')}`,
      );
    }
    if (r.get('synthetic') !== entity.synthetic) {
      throw new SeedConflictError(
        id,
        'synthetic',
        `"${id}" exists with synthetic=${String(r.get('synthetic'))}; real and synthetic data are never merged`,
      );
    }
  }
}

/**
 * Writes a validated dataset in ONE transaction: either all of it lands or none of it does.
 * Entities and relationships are merged by id and their properties replaced, so loading the same
 * dataset twice leaves the database exactly as after the first time.
 */
export async function loadDataset(db: Database, dataset: Dataset): Promise<LoadResult> {
  const name = dataset.meta.name;
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite(async (tx) => {
      await checkConflicts(tx, dataset);
      const counters = { nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };

      for (const kind of ENTITY_KINDS) {
        const rows = dataset.entities
          .filter((e) => e.kind === kind)
          .map((e) => ({ id: e.id, props: entityProps(e, name) }));
        if (rows.length === 0) continue;
        // The label comes from the model's list of kinds, never from the file.
        const result = await tx.run(
          `UNWIND $rows AS row
           MERGE (n:Entity {id: row.id})
           SET n = row.props, n:${kind}`,
          { rows },
        );
        counters.nodesCreated += result.summary.counters.updates().nodesCreated;
      }

      for (const type of RELATIONSHIP_TYPES) {
        const rows = dataset.relationships
          .filter((r) => r.type === type)
          .map((r) => ({ id: r.id, source: r.source, target: r.target, props: relationshipProps(r, name) }));
        if (rows.length === 0) continue;
        // A relationship whose ends changed in the file is moved: delete the old one first.
        const moved = await tx.run(
          `UNWIND $rows AS row
           MATCH (a)-[r:${type} {id: row.id}]->(b)
           WHERE a.id <> row.source OR b.id <> row.target
           DELETE r`,
          { rows },
        );
        counters.relationshipsDeleted += moved.summary.counters.updates().relationshipsDeleted;
        const result = await tx.run(
          `UNWIND $rows AS row
           MATCH (a:Entity {id: row.source})
           MATCH (b:Entity {id: row.target})
           MERGE (a)-[r:${type} {id: row.id}]->(b)
           SET r = row.props
           RETURN count(r) AS written`,
          { rows },
        );
        const written = toNumber(result.records[0]?.get('written') ?? 0);
        if (written !== rows.length) {
          // Cannot happen after validation unless the database changed under us; abort the whole load.
          throw new SeedConflictError(
            type,
            'source/target',
            `${rows.length - written} relationship(s) point at entities that are not in the database`,
          );
        }
        counters.relationshipsCreated += result.summary.counters.updates().relationshipsCreated;
      }
      return {
        dataset: name,
        entities: dataset.entities.length,
        relationships: dataset.relationships.length,
        ...counters,
      };
    });
  } finally {
    await session.close();
  }
}

/** True when the database holds no entity at all (a fresh install). */
export async function isEmpty(db: Database): Promise<boolean> {
  const { records } = await db.driver.executeQuery(
    'MATCH (n:Entity) RETURN count(n) > 0 AS any',
    {},
    { database: db.database },
  );
  return records[0]?.get('any') !== true;
}
