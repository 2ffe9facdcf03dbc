import type { ConnectResponse, RelationshipResponse } from '@explorer/model';
import type { Node, Relationship } from 'neo4j-driver';
import { toGraph, toGraphNode, type RawListing } from './mapping.ts';
import * as Q from './queries.ts';
import type { QueryRunner } from './runner.ts';

type Entry = { node: Node; listings: RawListing[] };

/** Reads the explorer canvas needs beyond the core graph routes: one relationship, and "connect". */
export class ExplorerRepository {
  constructor(private readonly runner: QueryRunner) {}

  /** The relationship with its ends and its sources, or null when no relationship has that id. */
  async relationship(id: string): Promise<RelationshipResponse | null> {
    const [record] = await this.runner.read(Q.EXPLORER_RELATIONSHIP, { id });
    if (!record) return null;
    const graph = toGraph(record.get('entries') as Entry[], [record.get('r') as Relationship]);
    const relationship = graph.edges[0];
    if (!relationship) return null;
    const sourceIds = relationship.properties['sourceIds'];
    const ids = Array.isArray(sourceIds) ? sourceIds.map(String) : [];
    const sources = await this.runner.read(Q.EXPLORER_SOURCES, { ids });
    return {
      relationship,
      nodes: graph.nodes,
      sources: sources.map((r) => toGraphNode(r.get('n') as Node, r.get('listings') as RawListing[])),
    };
  }

  /** The entities among `ids` that exist, and every relationship among them. */
  async connect(ids: readonly string[]): Promise<ConnectResponse> {
    const [record] = await this.runner.read(Q.EXPLORER_CONNECT, { ids });
    if (!record) return { nodes: [], edges: [] };
    return toGraph(record.get('entries') as Entry[], record.get('rels') as Relationship[]);
  }
}
