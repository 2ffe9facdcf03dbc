import { createHash } from 'node:crypto';
import {
  ENTITY_KINDS,
  MatchReasonSchema,
  type CandidateSide,
  type CandidateStatus,
  type EntityKind,
  type MatchCandidate,
  type MergeRecord,
} from '@explorer/model';
import neo4j, { type Node } from 'neo4j-driver';
import { toNumber } from '../db/mapping.ts';

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function isEntityKind(value: unknown): value is EntityKind {
  return (ENTITY_KINDS as readonly unknown[]).includes(value);
}

/** A side whose entity is gone (merged into another since, or deleted). */
export function absentSide(id: string): CandidateSide {
  return {
    id,
    present: false,
    kind: null,
    name: null,
    aliases: [],
    registryIds: [],
    country: null,
    sourceIds: [],
    sources: [],
    relationshipCounts: [],
    synthetic: false,
  };
}

/** One row of ENTITY_EVIDENCE. */
export function toSide(node: Node, kind: unknown, counts: unknown, sources: unknown): CandidateSide {
  const p = node.properties;
  return {
    id: String(p['id']),
    present: true,
    kind: isEntityKind(kind) ? kind : null,
    name: text(p['name']),
    aliases: strings(p['aliases']),
    registryIds: strings(p['registryIds']),
    country: text(p['country']),
    sourceIds: strings(p['sourceIds']),
    sources: (Array.isArray(sources) ? (sources as Array<Record<string, unknown>>) : [])
      .map((s) => ({ id: String(s['id']), name: String(s['name'] ?? s['id']), url: text(s['url']) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    relationshipCounts: (Array.isArray(counts) ? (counts as Array<Record<string, unknown>>) : [])
      .map((c) => ({
        type: c['type'] as CandidateSide['relationshipCounts'][number]['type'],
        direction: c['direction'] as 'out' | 'in',
        count: toNumber(c['count']),
      }))
      .sort((a, b) => a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction)),
    synthetic: p['synthetic'] === true,
  };
}

export function toCandidate(node: Node, sides: ReadonlyMap<string, CandidateSide>): MatchCandidate {
  const p = node.properties;
  const leftId = String(p['leftId']);
  const rightId = String(p['rightId']);
  const line = p['line'];
  return {
    id: String(p['id']),
    status: String(p['status']) as CandidateStatus,
    reason: MatchReasonSchema.parse(p['reason']),
    score: Number(p['score']),
    left: sides.get(leftId) ?? absentSide(leftId),
    leftName: String(p['leftName']),
    right: sides.get(rightId) ?? absentSide(rightId),
    rightName: String(p['rightName']),
    raisedBy: {
      fileName: text(p['fileName']),
      sha256: text(p['sha256']),
      line: line === null || line === undefined ? null : toNumber(line),
      field: text(p['field']),
    },
    createdAt: String(p['createdAt']),
    createdBy: String(p['createdBy']),
    decidedAt: text(p['decidedAt']),
    decidedBy: text(p['decidedBy']),
    mergeId: text(p['mergeId']),
  };
}

export function toMergeRecord(node: Node): MergeRecord {
  const p = node.properties;
  return {
    id: String(p['id']),
    candidateId: text(p['candidateId']),
    status: p['status'] === 'undone' ? 'undone' : 'done',
    keptId: String(p['keptId']),
    keptName: String(p['keptName']),
    mergedId: String(p['mergedId']),
    mergedName: String(p['mergedName']),
    mergedKind: p['mergedKind'] as EntityKind,
    relationshipsMoved: toNumber(p['relationshipsMoved']),
    aliasesAdded: strings(p['aliasesAdded']),
    registryIdsAdded: strings(p['registryIdsAdded']),
    sourceIdsAdded: strings(p['sourceIdsAdded']),
    mergedAt: String(p['mergedAt']),
    mergedBy: String(p['mergedBy']),
    undoneAt: text(p['undoneAt']),
    undoneBy: text(p['undoneBy']),
  };
}

/**
 * A value in a form that tells every Neo4j type apart (an integer 2 from a float 2.0), with object
 * keys sorted: equal forms mean equal values.
 */
function canonical(value: unknown): unknown {
  if (neo4j.isInt(value)) return { int: value.toString() };
  if (typeof value === 'number') return { float: Object.is(value, -0) ? '-0' : String(value) };
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return {
      [value.constructor.name]: Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((k) => [k, canonical(record[k])]),
      ),
    };
  }
  return value;
}

export interface RelationshipRow {
  type: string;
  id: unknown;
  direction: 'out' | 'in';
  otherId: unknown;
  props: Record<string, unknown>;
}

/**
 * A digest of an entity as a merge leaves it: labels, every property, every relationship with its
 * type, direction, other end and properties. Undo compares it, to refuse when anything changed since.
 */
export function entityFingerprint(node: Node, relationships: readonly RelationshipRow[]): string {
  const rels = relationships
    .map((r) => canonical([r.type, r.id, r.direction, r.otherId, r.props]))
    .map((r) => JSON.stringify(r))
    .sort();
  const state = [[...node.labels].sort(), canonical(node.properties), rels];
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}
