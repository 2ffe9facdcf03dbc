import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import { ConsoleError, positionAt, toConsoleError } from './errors.ts';
import { checkPlan, type RawPlan } from './plan.ts';

const QUERY_TYPES: Record<string, string> = {
  w: 'a write',
  rw: 'a read-write query',
  s: 'a schema or administration command',
};

export const EXPLAIN_PREFIX = 'EXPLAIN ';

/**
 * The second layer: EXPLAIN the query (nothing runs) and refuse it unless Neo4j calls it a pure
 * read ('r') and its plan passes checkPlan. Returns the plan.
 */
export async function classify(
  tx: Transaction | ManagedTransaction,
  body: string,
  params: Record<string, unknown>,
): Promise<RawPlan> {
  // The one place the console adds text to the analyst's query: the EXPLAIN keyword in front.
  const { summary } = await tx.run(`${EXPLAIN_PREFIX}${body}`, params);
  if (summary.queryType !== 'r') {
    throw ConsoleError.refused(
      `Neo4j classifies this as ${QUERY_TYPES[summary.queryType] ?? summary.queryType}; the console only reads.`,
    );
  }
  const plan = summary.plan;
  if (!plan) throw ConsoleError.refused('Neo4j returned no plan to check.');
  checkPlan(plan);
  return plan;
}

/**
 * classify, with whatever Neo4j throws turned into the console's answer. `query` is the analyst's
 * text and `body` the part of it after EXPLAIN/PROFILE: positions Neo4j reports count from the
 * EXPLAIN in front of the body, and are given back in the query.
 */
export async function classifyQuery(
  tx: Transaction | ManagedTransaction,
  query: string,
  body: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): Promise<RawPlan> {
  return classify(tx, body, params).catch((error: unknown) => {
    const bodyStart = query.length - body.length;
    throw toConsoleError(error, timeoutMs, (p) =>
      positionAt(query, Math.max(0, p.offset - EXPLAIN_PREFIX.length + bodyStart)),
    );
  });
}
