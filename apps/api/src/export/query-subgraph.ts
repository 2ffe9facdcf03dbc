import { EXPORT_LIMITS, type JsonValue } from '@explorer/model';
import type { ConsoleRunner } from '../console/runner.ts';
import type { QueryRunner } from '../db/runner.ts';
import { ExportTooLargeError, readEntities } from './read-subgraph.ts';
import type { Subgraph } from './subgraph.ts';

/** The console cut the query's result (rows, bytes or graph size): an export must hold all of it. */
export class QueryResultCutError extends Error {
  constructor(by: string) {
    super(
      `The query's result was cut by the console's ${by} limit, and an export is never cut silently; ` +
        'add a LIMIT or narrow the pattern.',
    );
    this.name = 'QueryResultCutError';
  }
}

/**
 * Runs a console query through the console itself (lexical gate, EXPLAIN, READ transaction,
 * watchdog, caps, concurrency: its refusals are thrown as they are) and reads what its result
 * holds: every entity found in it (other nodes are ignored), the relationships it returned among
 * them, and the sources they cite.
 */
export async function readQuerySubgraph(
  consoleRunner: ConsoleRunner,
  runner: QueryRunner,
  request: { query: string; params: Record<string, JsonValue> },
  exportedAt = new Date(),
): Promise<Subgraph> {
  const answer = await consoleRunner.run({ query: request.query, params: request.params });
  if (answer.summary.truncatedBy) throw new QueryResultCutError(answer.summary.truncatedBy);
  if (answer.graph.truncated) throw new QueryResultCutError('graph size');
  const ids = [...new Set(answer.graph.nodes.map((n) => n.id))].sort();
  if (ids.length > EXPORT_LIMITS.nodesMax) throw new ExportTooLargeError(EXPORT_LIMITS.nodesMax);
  const relationshipIds = [...new Set(answer.graph.edges.map((e) => e.id))];
  return readEntities(runner, ids, relationshipIds, { nodeIds: ids, hops: 0, exportedAt, query: request.query });
}
