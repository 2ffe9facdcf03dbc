import type { Database } from '../db/database.ts';

/** txMetadata key tagging every console transaction with its run id, so the watchdog finds it. */
export const CONSOLE_METADATA_KEY = 'explorerConsoleRun';

const FIND = `
  SHOW TRANSACTIONS YIELD transactionId, metaData
  WHERE metaData[$key] = $runId
  RETURN transactionId`;
const TERMINATE = 'TERMINATE TRANSACTIONS $ids';

async function findTransactions(db: Database, runId: string): Promise<string[]> {
  const { records } = await db.driver.executeQuery(
    FIND,
    { key: CONSOLE_METADATA_KEY, runId },
    { database: db.database },
  );
  return records.map((r) => String(r.get('transactionId')));
}

/**
 * Terminates the console run's transactions in Neo4j (on the app's own connections, not the
 * console's session) and waits until SHOW TRANSACTIONS no longer lists them. Returns whether they
 * are gone: termination is cooperative, a query only stops at Neo4j's next check.
 */
export async function terminateConsoleRun(db: Database, runId: string, waitMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  let ids = await findTransactions(db, runId);
  while (ids.length > 0) {
    await db.driver.executeQuery(TERMINATE, { ids }, { database: db.database });
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
    ids = await findTransactions(db, runId);
  }
  return true;
}
