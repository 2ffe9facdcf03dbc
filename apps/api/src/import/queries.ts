// The import's Cypher. Values are always parameters; labels and types are interpolated only from
// the model's allowlists (ENTITY_KINDS, RELATIONSHIP_TYPES), checked by the callers.
import {
  ALIASES_MAX,
  ENTITY_KINDS,
  REGISTRY_IDS_MAX,
  RELATIONSHIP_TYPES,
  type EntityKind,
  type RelationshipType,
} from '@explorer/model';
import { CITATIONS_MAX } from './citations.ts';

/** Kinds whose names an import matches (a procurement row can name them; records and FtM are held against them). */
export const NAMED_KINDS: readonly EntityKind[] = [
  'Company',
  'PublicSecurityBody',
  'GovernmentBody',
  'Product',
  'TechnologyCategory',
];

/**
 * The names and registry ids of the NAMED_KINDS, in one pass (read as a stream: at a million entities
 * neither list may be held whole). The kind label is the one next to Entity.
 */
export const EXISTING_NAMES = `
  MATCH (n:Entity)
  WHERE ${NAMED_KINDS.map((kind) => `n:${kind}`).join(' OR ')}
  RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name, n.aliases AS aliases,
         coalesce(n.registryIds, []) AS registryIds, n.area AS area`;

export const EXISTING_SOURCES_BY_URL = `
  MATCH (s:Source) WHERE s.url IN $urls
  RETURN s.url AS url, min(s.id) AS id`;

function assertKind(kind: EntityKind): void {
  if (!ENTITY_KINDS.includes(kind)) throw new Error(`not an entity kind: ${String(kind)}`);
}
function assertType(type: RelationshipType): void {
  if (!RELATIONSHIP_TYPES.includes(type)) throw new Error(`not a relationship type: ${String(type)}`);
}

// ---- staged writes ----
// Each batch is its own transaction and returns what undoing it needs: the entities and
// relationships it created, and the citation lists of those it added to, as they were before.

/** The row's values of a list property that the element lacks (`except`: a further condition on v). */
const newIn = (x: string, key: string, except = '') =>
  `[v IN coalesce(row.props.${key}, []) WHERE NOT v IN coalesce(${x}.${key}, [])${except}]`;
/** A list property gains `added` (a list expression), up to the cap; left alone (even absent) when it is empty. */
const gain = (x: string, key: string, added: string, max: number) =>
  `${x}.${key} = CASE WHEN size(${added}) = 0 THEN ${x}.${key}
     ELSE (coalesce(${x}.${key}, []) + ${added})[..${max}] END`;
const CITATION_KEYS = ['sourceIds', 'importedFrom'] as const;
/** Citations and row references accumulate on relationships as on entities. */
const citationsGained = (x: string) =>
  CITATION_KEYS.map((key) => gain(x, key, newIn(x, key), CITATIONS_MAX)).join(', ');
/** Whether the row would add to a relationship's citations: only then is its old state kept for undo. */
const addsCitations = (x: string) => `(${CITATION_KEYS.map((key) => `size(${newIn(x, key)}) > 0`).join(' OR ')})`;
const ENTITY_LIST_KEYS = [...CITATION_KEYS, 'aliases', 'registryIds'] as const;
const ENTITY_LIST_MAX: Record<(typeof ENTITY_LIST_KEYS)[number], number> = {
  sourceIds: CITATIONS_MAX,
  importedFrom: CITATIONS_MAX,
  aliases: ALIASES_MAX,
  registryIds: REGISTRY_IDS_MAX,
};
/**
 * The values an entity's lists lack, as a map (`fresh`), computed once for the undo check and the SET.
 * A matched entity also learns the file's other names and registry ids (FtM); its own name is never
 * one of its aliases.
 */
const entityNews = (x: string) =>
  `{${ENTITY_LIST_KEYS.map((key) => `${key}: ${newIn(x, key, key === 'aliases' ? ` AND v <> ${x}.name` : '')}`).join(', ')}}`;

/**
 * New entities of one kind. An entity already there (a re-import, or one the file matched) keeps its
 * properties and only gains this file's citations, and the names and registry ids it lacks, so
 * importing the same file again changes nothing.
 */
export function mergeEntities(kind: EntityKind): string {
  assertKind(kind);
  // `fresh` is computed once per row (only for an entity already there); MERGE then matches that same node.
  return `
    UNWIND $rows AS row
    OPTIONAL MATCH (old:Entity {id: row.props.id})
    WITH row, old, CASE WHEN old IS NOT NULL THEN ${entityNews('old')} END AS fresh
    WITH row, fresh, old IS NOT NULL AS existed,
         CASE WHEN old IS NOT NULL AND (${ENTITY_LIST_KEYS.map((key) => `size(fresh.${key}) > 0`).join(' OR ')})
              THEN {id: old.id, sourceIds: old.sourceIds, importedFrom: old.importedFrom,
                    aliases: old.aliases, registryIds: old.registryIds} END AS before
    MERGE (n:Entity {id: row.props.id})
    ON CREATE SET n = row.props, n:${kind}
    ON MATCH SET ${ENTITY_LIST_KEYS.map((key) => gain('n', key, `coalesce(fresh.${key}, [])`, ENTITY_LIST_MAX[key])).join(', ')}
    RETURN collect(CASE WHEN existed THEN null ELSE n.id END) AS created, collect(before) AS changed`;
}

function mergeRelationshipsOn(type: RelationshipType, pattern: (r: string) => string): string {
  assertType(type);
  return `
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.source})
    MATCH (b:Entity {id: row.target})
    // One expansion between the ends finds what is there (MERGE then walks them once more).
    WITH row, a, b, [${pattern('old')} | old] AS olds
    WITH row, a, b, size(olds) > 0 AS existed,
         [old IN olds WHERE ${addsCitations('old')}
          | {elementId: elementId(old), sourceIds: old.sourceIds, importedFrom: old.importedFrom}] AS before
    MERGE ${pattern('r')}
    ON CREATE SET r = row.props
    ON MATCH SET ${citationsGained('r')}
    WITH row, existed, before, collect(elementId(r))[0] AS written
    RETURN count(written) AS written, collect(CASE WHEN existed THEN null ELSE written END) AS created,
           reduce(acc = [], b IN collect(before) | acc + b) AS changed`;
}

/**
 * Relationships of one type, merged by type and ends: a fact the graph already states (from a
 * seed or an earlier file) is not duplicated but gains this file's citations and rows.
 */
export function mergeRelationships(type: RelationshipType): string {
  return mergeRelationshipsOn(type, (r) => `(a)-[${r}:${type}]->(b)`);
}

/**
 * Relationships of one type merged by their own id (records files name their relationships):
 * a relationship already there gains this file's citations and rows.
 */
export function mergeRelationshipsById(type: RelationshipType): string {
  return mergeRelationshipsOn(type, (r) => `(a)-[${r}:${type} {id: row.props.id}]->(b)`);
}

/**
 * Relationships of one type with an end the same import created: none can be there yet, so they are
 * created without the look between the ends that MERGE takes (most of a procurement file's writes
 * hang from its new Procurements).
 */
export function createRelationships(type: RelationshipType): string {
  assertType(type);
  return `
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.source})
    MATCH (b:Entity {id: row.target})
    CREATE (a)-[r:${type}]->(b)
    SET r = row.props
    RETURN count(r) AS written, collect(elementId(r)) AS created`;
}

/** The record of an import: one node per file content, written once (the first time it is imported). */
export const MERGE_IMPORT = `
  MERGE (i:Import {sha256: $sha256})
  ON CREATE SET i += $props
  RETURN i.importedAt AS importedAt`;

/** Control lists a FollowTheMoney Sanction may name (by the list's name or an alias). */
export const CONTROL_LISTS = `
  MATCH (l:Entity:ControlList)
  RETURN l.id AS id, [l.name] + coalesce(l.aliases, []) AS names`;

/** What the database holds under some ids: kind, name and synthetic flag. */
export const ENTITIES_BY_ID = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name,
         coalesce(n.synthetic, false) AS synthetic`;

/** Relationships by id (each type has a uniqueness constraint on id, so this is an index lookup per type). */
export function relationshipsById(type: RelationshipType): string {
  assertType(type);
  return `
    UNWIND $ids AS id
    MATCH (a)-[r:${type} {id: id}]->(b)
    RETURN r.id AS id, a.id AS source, b.id AS target`;
}

// ---- the import run: one writing slot, a heartbeat and an undo log, so that a failed import can be taken out ----
// :ImportRun and :ImportUndo are never Entity: no route, search or export sees them.

export const IMPORT_RUN_CONSTRAINTS = [
  'CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE',
  // Only the writing run has a slot: two runs starting at once cannot both take it.
  'CREATE CONSTRAINT import_run_slot IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.slot IS UNIQUE',
  'CREATE INDEX import_undo_run IF NOT EXISTS FOR (u:ImportUndo) ON (u.run, u.seq)',
];

/**
 * Takes the one writing slot, or names the run that holds it (busyWith). Ownerless runs were taken
 * out just before; one that holds the slot now has a live owner, writing or undoing.
 */
export const BEGIN_IMPORT_RUN = `
  OPTIONAL MATCH (other:ImportRun {slot: 'writing'})
  FOREACH (_ IN CASE WHEN other IS NULL THEN [1] ELSE [] END |
    CREATE (:ImportRun {id: $run, sha256: $sha256, fileName: $fileName, importedBy: $importedBy, startedAt: $now,
                        heartbeatAt: $now, state: 'writing', slot: 'writing',
                        ownerHost: $ownerHost, ownerPid: $ownerPid, ownerToken: $ownerToken}))
  RETURN other.fileName AS busyWith`;

/** Every run with its owner, for recovery to judge (done runs only need their undo log forgotten). */
export const IMPORT_RUNS = `
  MATCH (r:ImportRun)
  RETURN r.id AS id, r.state AS state, r.heartbeatAt AS heartbeatAt, r.ownerHost AS ownerHost,
         r.ownerPid AS ownerPid, r.ownerToken AS ownerToken`;

// A run's state is read only after a write has locked it (touchedAt): two processes judging the same
// run then see each other's change instead of both acting on what they read before.

/**
 * Takes over an ownerless run to undo it, only if it is still as the judge saw it (same owner, same
 * beat): one that beat since has a live owner after all, and one that another process took over is
 * that process's to undo.
 */
export const CLAIM_IMPORT_RUN = `
  MATCH (r:ImportRun {id: $run})
  SET r.touchedAt = $now
  WITH r
  WHERE r.state IN ['writing', 'undoing', 'abandoned'] AND coalesce(r.ownerToken, '') = $seenToken
    AND coalesce(r.heartbeatAt, '') = $seenBeat
  SET r.state = 'undoing', r.heartbeatAt = $now, r.ownerHost = $ownerHost, r.ownerPid = $ownerPid,
      r.ownerToken = $ownerToken
  RETURN count(r) AS claimed`;

/** A live owner's beat; none (beaten 0) when the run is gone or was taken over. */
export const BEAT_IMPORT_RUN = `
  MATCH (r:ImportRun {id: $run})
  WHERE r.ownerToken = $ownerToken
  SET r.heartbeatAt = $now
  RETURN count(r) AS beaten`;

/**
 * One batch's undo record, written in the batch's own transaction. A run that is no longer this
 * owner's to write (taken for dead and taken over: alive false) must not write on: the caller rolls
 * the batch back.
 */
export const RECORD_IMPORT_UNDO = `
  OPTIONAL MATCH (r:ImportRun {id: $run})
  FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | SET r.touchedAt = $now)
  WITH r, r IS NOT NULL AND r.state = 'writing' AND r.ownerToken = $ownerToken AS alive
  FOREACH (_ IN CASE WHEN alive THEN [1] ELSE [] END |
    SET r.heartbeatAt = $now
    CREATE (:ImportUndo {run: $run, seq: $seq, createdNodes: $createdNodes,
                         createdRelationships: $createdRelationships, changed: $changed}))
  RETURN alive`;

/**
 * The first statement of every undo step: the run is still this owner's (mine 1). Its lock is held
 * to the step's commit, so no one takes the run over halfway through a step.
 */
export const OWN_IMPORT_RUN = `
  MATCH (r:ImportRun {id: $run})
  SET r.touchedAt = $now
  WITH r
  WHERE r.ownerToken = $ownerToken
  SET r.heartbeatAt = $now
  RETURN count(r) AS mine`;

/** The run's last undo record (undo goes backwards: relationships before the entities they join). */
export const LAST_IMPORT_UNDO = `
  MATCH (u:ImportUndo {run: $run})
  RETURN u.seq AS seq, u.createdNodes AS createdNodes, u.createdRelationships AS createdRelationships,
         u.changed AS changed
  ORDER BY u.seq DESC
  LIMIT 1`;

export const UNDO_CREATED_RELATIONSHIPS = `
  UNWIND $elementIds AS e
  MATCH ()-[r]->() WHERE elementId(r) = e
  DELETE r`;

export const UNDO_CREATED_NODES = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  DETACH DELETE n`;

export const RESTORE_NODE_CITATIONS = `
  UNWIND $rows AS row
  MATCH (n:Entity {id: row.id})
  SET n.sourceIds = row.sourceIds, n.importedFrom = row.importedFrom,
      // Undo records written before entities learned names lack these keys: leave the lists alone.
      n.aliases = CASE WHEN 'aliases' IN keys(row) THEN row.aliases ELSE n.aliases END,
      n.registryIds = CASE WHEN 'registryIds' IN keys(row) THEN row.registryIds ELSE n.registryIds END`;

export const RESTORE_RELATIONSHIP_CITATIONS = `
  UNWIND $rows AS row
  MATCH ()-[r]->() WHERE elementId(r) = row.elementId
  SET r.sourceIds = row.sourceIds, r.importedFrom = row.importedFrom`;

export const DELETE_IMPORT_UNDO = `
  MATCH (u:ImportUndo {run: $run, seq: $seq})
  DELETE u`;

/** Marks the run done in the transaction that records the import, so undo can never follow it. */
export const MARK_IMPORT_RUN_DONE = `
  MATCH (r:ImportRun {id: $run})
  SET r.touchedAt = $now
  WITH r
  WHERE r.state = 'writing' AND r.ownerToken = $ownerToken
  SET r.state = 'done', r.heartbeatAt = $now
  REMOVE r.slot
  RETURN count(r) AS marked`;

/** A finished (or fully undone) run's records, forgotten a thousand at a time. */
export const FORGET_IMPORT_UNDO = `
  MATCH (u:ImportUndo {run: $run})
  WITH u LIMIT 1000
  DELETE u
  RETURN count(*) AS deleted`;

export const DELETE_IMPORT_RUN = `
  MATCH (r:ImportRun {id: $run})
  DELETE r`;

// ---- dry runs: what the writes would do, read without writing ----

export const EXISTING_ENTITY_COUNT = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN count(n) AS existing`;

function relationshipsThereOn(type: RelationshipType, pattern: string): string {
  assertType(type);
  return `
    UNWIND $rows AS row
    OPTIONAL MATCH (a:Entity {id: row.source})
    OPTIONAL MATCH (b:Entity {id: row.target})
    RETURN row.source AS source, row.target AS target, a IS NOT NULL AS hasSource, b IS NOT NULL AS hasTarget,
           a IS NOT NULL AND b IS NOT NULL AND EXISTS { ${pattern} } AS existed`;
}

/** For a dry run: which rows' ends are in the database, and which relationships are there already. */
export function relationshipsThere(type: RelationshipType, by: 'ends' | 'id'): string {
  return relationshipsThereOn(type, by === 'id' ? `(a)-[:${type} {id: row.props.id}]->(b)` : `(a)-[:${type}]->(b)`);
}

/** Saved column mappings: nodes labelled ImportMapping, never Entity, so no route, export or search sees them. */
export const IMPORT_MAPPING_CONSTRAINT = `
  CREATE CONSTRAINT import_mapping_name IF NOT EXISTS FOR (m:ImportMapping) REQUIRE m.name IS UNIQUE`;

export const LIST_IMPORT_MAPPINGS = `
  MATCH (m:ImportMapping)
  RETURN m.name AS name, m.columns AS columns, m.updatedAt AS updatedAt
  ORDER BY m.name`;

export const GET_IMPORT_MAPPING = `
  MATCH (m:ImportMapping {name: $name})
  RETURN m.name AS name, m.columns AS columns, m.updatedAt AS updatedAt`;

export const SAVE_IMPORT_MAPPING = `
  MERGE (m:ImportMapping {name: $name})
  SET m.columns = $columns, m.updatedAt = $updatedAt
  RETURN m.name AS name, m.columns AS columns, m.updatedAt AS updatedAt`;

export const DELETE_IMPORT_MAPPING = `
  MATCH (m:ImportMapping {name: $name})
  DELETE m
  RETURN count(*) AS deleted`;

/** The record of one file's import, for the preview's "imported before". */
export const GET_IMPORT = `
  MATCH (i:Import {sha256: $sha256})
  RETURN i.importedAt AS importedAt, i.importedBy AS importedBy`;

/** Every import, newest first (ISO 8601 UTC timestamps of one length sort as text). */
export const LIST_IMPORTS = `
  MATCH (i:Import)
  RETURN i.sha256 AS sha256, i.fileName AS fileName, coalesce(i.format, 'csv') AS format,
         i.importedAt AS importedAt, i.importedBy AS importedBy, coalesce(i.rows, 0) AS rows,
         coalesce(i.rowsSkipped, 0) AS rowsSkipped, coalesce(i.entitiesCreated, 0) AS entitiesCreated,
         coalesce(i.relationshipsCreated, 0) AS relationshipsCreated, coalesce(i.candidates, 0) AS candidates
  ORDER BY i.importedAt DESC, i.fileName
  LIMIT $limit`;
