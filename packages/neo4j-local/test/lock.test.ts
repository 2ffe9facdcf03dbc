import { mkdir, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { withDirLock } from '../src/lock.ts';
import { createTempDataDir } from '../src/temp.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tempLock(): Promise<string> {
  const dir = await createTempDataDir('neo4j-local-lock-');
  dirs.push(dir);
  return path.join(dir, 'build.lock');
}

describe('withDirLock (guards concurrent Maven builds)', () => {
  it('never lets two holders overlap', async () => {
    const lock = await tempLock();
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        withDirLock(
          lock,
          async () => {
            inside++;
            maxInside = Math.max(maxInside, inside);
            await sleep(100);
            order.push(n);
            inside--;
          },
          { pollMs: 20 },
        ),
      ),
    );
    expect(maxInside).toBe(1);
    expect(order).toHaveLength(3);
  });

  it('breaks a stale lock left by a crashed process', async () => {
    const lock = await tempLock();
    await mkdir(lock);
    const old = new Date(Date.now() - 16 * 60_000);
    await utimes(lock, old, old);
    await expect(withDirLock(lock, async () => 'ran', { timeoutMs: 2_000 })).resolves.toBe('ran');
  });

  it('waits for a fresh lock instead of breaking it, then times out', async () => {
    const lock = await tempLock();
    await mkdir(lock);
    await expect(withDirLock(lock, async () => 'ran', { timeoutMs: 300, pollMs: 50 })).rejects.toThrow(/Timed out/);
  });
});
