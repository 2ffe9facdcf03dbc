import { describe, expect, it } from 'vitest';
import { CONSOLE_METADATA_KEY, terminateConsoleRun } from '../../src/console/transactions.ts';
import { consoleTransactions, RUNAWAY, TEST_CONSOLE, useConsoleApp } from './support.ts';

const { cypher, db } = useConsoleApp();

describe('console bounds', () => {
  it('terminates a runaway query in Neo4j at the time limit, not only client-side', async () => {
    const pending = cypher(RUNAWAY);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await consoleTransactions(db())).toBe(1); // tagged, so the watchdog can find it
    const { status, body, ms } = await pending;
    expect(status).toBe(504);
    expect(JSON.stringify(body)).toMatch(/terminated in the database/);
    expect(ms).toBeGreaterThanOrEqual(TEST_CONSOLE.timeoutMs);
    // Well before Neo4j's own backstop (timeout + 5 s) would have ended it.
    expect(ms).toBeLessThan(TEST_CONSOLE.timeoutMs + 4_000);
    expect(await consoleTransactions(db())).toBe(0); // gone when the answer arrives
  });

  it('terminates by run id through SHOW/TERMINATE TRANSACTIONS', async () => {
    const session = db().driver.session({ database: db().database });
    const tx = await session.beginTransaction({ metadata: { [CONSOLE_METADATA_KEY]: 'test-run' } });
    const running = tx.run(RUNAWAY).summary();
    running.catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await terminateConsoleRun(db(), 'test-run')).toBe(true);
    await expect(running).rejects.toThrow(/terminated/i);
    await session.close();
  });

  it('answers 429 beyond the concurrent-query limit', async () => {
    const answers = await Promise.all(Array.from({ length: TEST_CONSOLE.maxConcurrent + 1 }, () => cypher(RUNAWAY)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(TEST_CONSOLE.maxConcurrent).fill(504), 429].sort());
    // Slots come back: the next query runs.
    expect((await cypher('RETURN 1 AS one')).status).toBe(200);
  });
});
