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

/** After this long a run that outlived its termination is logged again. */
const LONG_MS = 30_000;

/**
 * Resolves once SHOW TRANSACTIONS no longer lists the run, terminating it again on each look.
 * Errors (the database restarting, say) are retried; a database that stays unreachable for
 * `giveUpMs` has lost the transaction with it.
 */
export async function waitUntilRunEnded(
  db: Database,
  runId: string,
  log: { warn(object: object, message: string): void },
  terminate: (db: Database, runId: string, waitMs?: number) => Promise<boolean> = terminateConsoleRun,
  giveUpMs = 60_000,
): Promise<void> {
  const started = Date.now();
  let warnedAt = started;
  let failingSince: number | null = null;
  for (;;) {
    try {
      if (await terminate(db, runId, 1_000)) return;
      failingSince = null;
    } catch (error) {
      failingSince ??= Date.now();
      if (Date.now() - failingSince > giveUpMs) {
        log.warn({ err: error, runId }, 'database unreachable while waiting for a console run to end; slot freed');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (Date.now() - warnedAt > LONG_MS) {
      warnedAt = Date.now();
      log.warn({ runId, ms: warnedAt - started }, 'a terminated console transaction is still running');
    }
  }
}
