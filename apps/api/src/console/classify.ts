import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import { ConsoleError } from './errors.ts';
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
