import { CONSOLE_LIMITS, type ConsoleResponse, type GraphEdge, type GraphNode } from '@explorer/model';
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { collectGraphValues, toGraphEdge, toGraphNode, type RawListing } from '../db/mapping.ts';

/** The nodes named (and the ends of the relationships), each with its control-list listings. */
const NODES_WITH_LISTINGS = `
  UNWIND $elementIds AS eid
  MATCH (n) WHERE elementId(n) = eid
  CALL (n) {
    OPTIONAL MATCH (n)-[l:LISTED_ON]->(list:ControlList)
    RETURN collect(CASE WHEN list IS NULL THEN NULL ELSE
      {listId: list.id, listName: list.name, date: l.from, citation: l.citation, sourceIds: l.sourceIds}
    END) AS listings
  }
  RETURN n, listings`;

function safely<T>(map: () => T): T | null {
  try {
    return map();
  } catch {
    return null; // a node without an entity kind, or a type the model does not know: rows still show it
  }
}

/**
 * The graph JSON of every node, relationship and path anywhere in the rows. Relationships bring
 * their end nodes; nodes get their listings (flags), as on every other route.
 */
export async function graphOfRows(
  db: Database,
  rows: readonly unknown[][],
  timeoutMs: number,
): Promise<ConsoleResponse['graph']> {
  const found = { nodes: new Map<string, Node>(), relationships: new Map<string, Relationship>() };
  for (const row of rows) collectGraphValues(row, found);
  if (found.nodes.size === 0 && found.relationships.size === 0) return { nodes: [], edges: [], truncated: false };

  const wanted = new Set(found.nodes.keys());
  for (const rel of found.relationships.values()) wanted.add(rel.startNodeElementId).add(rel.endNodeElementId);
  const elementIds = [...wanted].slice(0, CONSOLE_LIMITS.graphNodesMax);
  const { records } = await db.driver.executeQuery(
    NODES_WITH_LISTINGS,
    { elementIds },
    { database: db.database, routing: neo4j.routing.READ, transactionConfig: { timeout: timeoutMs } },
  );

  const nodes: GraphNode[] = [];
  const idByElementId = new Map<string, string>();
  for (const record of records) {
    const node = record.get('n') as Node;
    const graphNode = safely(() => toGraphNode(node, record.get('listings') as RawListing[]));
    if (graphNode) {
      nodes.push(graphNode);
      idByElementId.set(node.elementId, graphNode.id);
    }
  }
  const edges: GraphEdge[] = [];
  for (const rel of found.relationships.values()) {
    if (!idByElementId.has(rel.startNodeElementId) || !idByElementId.has(rel.endNodeElementId)) continue;
    const edge = safely(() => toGraphEdge(rel, idByElementId));
    if (edge) edges.push(edge);
  }
  return { nodes, edges, truncated: wanted.size > elementIds.length };
}
