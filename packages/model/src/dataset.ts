import { z } from 'zod';
import { EntityRecordSchema, type EntityKind, type EntityRecord } from './entities.ts';
import { IdSchema, textSchema } from './primitives.ts';
import { RELATIONSHIP_RULES, RelationshipRecordSchema, type RelationshipRecord } from './relationships.ts';

/** What a dataset says about itself. */
export const DatasetMetaSchema = z.object({
  name: IdSchema,
  title: textSchema(300),
  description: textSchema(4000),
  /** A synthetic dataset holds only invented entities; a real one none. They are never mixed. */
  synthetic: z.boolean(),
});
export type DatasetMeta = z.infer<typeof DatasetMetaSchema>;

export const DatasetSchema = z.object({
  meta: DatasetMetaSchema,
  entities: z.array(EntityRecordSchema),
  relationships: z.array(RelationshipRecordSchema),
});
export type Dataset = z.infer<typeof DatasetSchema>;

/** A problem found in a dataset: where (record id and field) and what. */
export interface DatasetIssue {
  recordId: string;
  field: string;
  message: string;
}

/**
 * Checks that cross records, which no single record's schema can see: unique ids, endpoints that
 * exist and are of allowed kinds, citations that point at Source entities, no real–synthetic mixing.
 * `known` lists entities already in the database that the dataset may refer to.
 */
export function checkDatasetConsistency(
  dataset: Dataset,
  known: ReadonlyMap<string, { kind: EntityKind; synthetic: boolean }> = new Map(),
): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const byId = new Map<string, { kind: EntityKind; synthetic: boolean }>(known);
  const seen = new Set<string>();

  for (const entity of dataset.entities) {
    if (seen.has(entity.id)) {
      issues.push({ recordId: entity.id, field: 'id', message: 'duplicate entity id' });
    }
    seen.add(entity.id);
    byId.set(entity.id, { kind: entity.kind, synthetic: entity.synthetic });
    if (entity.synthetic !== dataset.meta.synthetic) {
      issues.push({
        recordId: entity.id,
        field: 'synthetic',
        message: dataset.meta.synthetic
          ? 'every entity of a synthetic dataset must be marked synthetic: true'
          : 'a real dataset must not hold synthetic entities',
      });
    }
    if (entity.memberCount !== undefined && !entity.group) {
      issues.push({ recordId: entity.id, field: 'memberCount', message: 'only a group has a memberCount' });
    }
  }

  const citeable = (id: string) => byId.get(id)?.kind === 'Source';
  const checkCitations = (recordId: string, sourceIds: readonly string[]) => {
    for (const sourceId of sourceIds) {
      if (!citeable(sourceId)) {
        issues.push({ recordId, field: 'sourceIds', message: `"${sourceId}" is not a Source entity` });
      }
    }
  };
  for (const entity of dataset.entities) checkCitations(entity.id, entity.sourceIds);

  for (const rel of dataset.relationships) {
    if (seen.has(rel.id)) {
      issues.push({ recordId: rel.id, field: 'id', message: 'duplicate id' });
    }
    seen.add(rel.id);
    checkCitations(rel.id, rel.sourceIds);
    if (rel.synthetic !== dataset.meta.synthetic) {
      issues.push({
        recordId: rel.id,
        field: 'synthetic',
        message: dataset.meta.synthetic
          ? 'every relationship of a synthetic dataset must be marked synthetic: true'
          : 'a real dataset must not hold synthetic relationships',
      });
    }
    const rule = RELATIONSHIP_RULES[rel.type];
    for (const end of ['source', 'target'] as const) {
      const entity = byId.get(rel[end]);
      const allowed = end === 'source' ? rule.from : rule.to;
      if (!entity) {
        issues.push({ recordId: rel.id, field: end, message: `unknown entity "${rel[end]}"` });
      } else if (!allowed.includes(entity.kind)) {
        issues.push({
          recordId: rel.id,
          field: end,
          message: `${rel.type} cannot ${end === 'source' ? 'start at' : 'end at'} a ${entity.kind} (allowed: ${allowed.join(', ')})`,
        });
      } else if (entity.synthetic !== rel.synthetic) {
        issues.push({
          recordId: rel.id,
          field: end,
          message: 'a relationship must not join real and synthetic entities',
        });
      }
    }
  }
  return issues;
}

export type { EntityRecord, RelationshipRecord };
