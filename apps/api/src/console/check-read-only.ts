import type { JsonValue } from '@explorer/model';
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { classifyQuery } from './classify.ts';
import { toConsoleError } from './errors.ts';
import { lexicalGate } from './lexical-gate.ts';
import { toNeo4jParams } from './params.ts';
import { checkRegexes } from './regex-check.ts';

/**
 * The console's first two layers without running the query: the lexical gate, then EXPLAIN's query
 * type and plan, in a READ transaction that is rolled back. Throws the ConsoleError the console would
 * answer with (403 refused, 400 Cypher error, 503, 504), so other features refuse exactly as it does.
 */
export async function checkReadOnly(
  db: Database,
  query: string,
  params: Record<string, JsonValue>,
  timeoutMs: number,
): Promise<void> {
  const { body, regexes } = lexicalGate(query);
  checkRegexes(regexes, params);
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    const tx = await session.beginTransaction({ timeout: timeoutMs });
    try {
      await classifyQuery(tx, query, body, toNeo4jParams(params), timeoutMs);
    } finally {
      await tx.rollback().catch(() => {});
    }
  } catch (error) {
    throw toConsoleError(error, timeoutMs);
  } finally {
    await session.close();
  }
}
