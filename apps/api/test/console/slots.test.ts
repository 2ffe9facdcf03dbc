import { describe, expect, it } from 'vitest';
import { ConsoleError } from '../../src/console/errors.ts';
import { ConsoleRunner } from '../../src/console/runner.ts';
import { terminateConsoleRun } from '../../src/console/transactions.ts';
import { consoleTransactions, RUNAWAY, TEST_CONSOLE, useConsoleApp } from './support.ts';

const { db } = useConsoleApp();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const statusOf = (run: Promise<unknown>) =>
  run.then(
    () => 200,
    (error: unknown) => (error instanceof ConsoleError ? error.status : 500),
  );

describe('console concurrency slots', () => {
  it('stay taken after a 504 until Neo4j no longer lists the terminated run', async () => {
    // A query that outlives its termination: until `obeying`, TERMINATE is not sent (Neo4j's own
    // timeout, 5 s after the console's, would end it), so SHOW TRANSACTIONS keeps listing it.
    let obeying = false;
    const terminate = async (database: typeof db extends () => infer D ? D : never, runId: string, waitMs = 5_000) => {
      if (obeying) return terminateConsoleRun(database, runId, waitMs);
      await sleep(waitMs);
      return false;
    };
    const settings = { ...TEST_CONSOLE, timeoutMs: 1_000, maxConcurrent: 2, terminateWaitMs: 300 };
    const runner = new ConsoleRunner(db(), settings, { warn: () => {} }, terminate);
    const run = (query: string) => statusOf(runner.run({ query, params: {} }));

    expect(await Promise.all([run(RUNAWAY), run(RUNAWAY)])).toEqual([504, 504]);
    expect(await consoleTransactions(db())).toBe(2);
    expect(await run('RETURN 1 AS one')).toBe(429);
    await sleep(1_000);
    expect(await consoleTransactions(db())).toBe(2);
    expect(await run('RETURN 1 AS one')).toBe(429);

    obeying = true;
    let status = 429;
    for (let tries = 0; status === 429 && tries < 50; tries++) {
      await sleep(100);
      status = await run('RETURN 1 AS one');
    }
    expect(status).toBe(200);
    expect(await consoleTransactions(db())).toBe(0);
  });
});
