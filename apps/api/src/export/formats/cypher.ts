import { ENTITY_KINDS, RELATIONSHIP_TYPES, SCHEMA_STATEMENTS } from '@explorer/model';
import { cypherMap, cypherString } from '../cypher-literal.ts';
import { allNodes, isSynthetic, propertyKeys, type Subgraph } from '../subgraph.ts';
import type { ExportFormatWriter } from './format.ts';

/** Rows per statement: few statements to plan, each small enough for a default transaction timeout. */
const BATCH = 100;

/** A comment line: its text can never end the comment early or start a statement. */
const comment = (text: string) => `// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}\n`;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

/**
 * A Cypher script that recreates the subgraph in an empty Neo4j (cypher-shell -f, or paste into
 * Neo4j Browser): the model's constraints and indexes, then entities by kind and relationships by
 * type, each an UNWIND of literal rows with MERGE by id; one statement per line. Kind labels and
 * relationship types come from the model's allowlists; every value is a literal escaped by cypherString.
 */
export const cypherFormat: ExportFormatWriter = {
  extension: 'cypher',
  contentType: 'text/plain; charset=utf-8',
  *write(graph: Subgraph) {
    yield comment('supply-chain-explorer export: recreates this subgraph in an empty Neo4j 5 database.');
    yield comment(
      `Exported ${graph.scope.exportedAt.toISOString()}: ${graph.scope.nodeIds.join(', ')}, ${graph.scope.hops} hop(s).`,
    );
    if (isSynthetic(graph)) yield comment('CONTAINS SYNTHETIC (FICTIONAL) DATA.');
    for (const statement of SCHEMA_STATEMENTS) yield `${statement.replace(/\s+/g, ' ')};\n`;
    yield 'CALL db.awaitIndexes(300);\n';
    const nodes = allNodes(graph);
    for (const kind of ENTITY_KINDS) {
      for (const batch of batches(nodes.filter((n) => n.kind === kind))) {
        const rows = batch.map((n) => cypherMap(n.properties, propertyKeys(n.properties)));
        yield `UNWIND [${rows.join(', ')}] AS row MERGE (n:Entity {id: row.id}) SET n = row, n:${kind};\n`;
      }
    }
    for (const type of RELATIONSHIP_TYPES) {
      for (const batch of batches(graph.edges.filter((e) => e.type === type))) {
        const rows = batch.map(
          (e) =>
            `{s: ${cypherString(e.source)}, t: ${cypherString(e.target)}, p: ${cypherMap(e.properties, propertyKeys(e.properties))}}`,
        );
        yield (
          `UNWIND [${rows.join(', ')}] AS row MATCH (a:Entity {id: row.s}), (b:Entity {id: row.t}) ` +
          `MERGE (a)-[r:${type} {id: row.p.id}]->(b) SET r = row.p;\n`
        );
      }
    }
  },
};
