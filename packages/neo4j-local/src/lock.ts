import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DirLockOptions {
  /** A lock older than this is assumed to belong to a crashed process and is removed. */
  staleMs?: number;
  /** Give up waiting for another holder after this long. */
  timeoutMs?: number;
  pollMs?: number;
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/**
 * Runs `fn` while holding a lock directory. mkdir is atomic, so this works across processes
 * (two test runs building at once) as well as within one process.
 */
export async function withDirLock<T>(lockDir: string, fn: () => Promise<T>, options: DirLockOptions = {}): Promise<T> {
  const { staleMs = 15 * 60_000, timeoutMs = 20 * 60_000, pollMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  await mkdir(path.dirname(lockDir), { recursive: true });

  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const age = await stat(lockDir).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0, // vanished between mkdir and stat: just retry
    );
    if (age > staleMs) {
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for lock ${lockDir}; remove it if no build is running.`,
      );
    }
    await sleep(pollMs);
  }

  try {
    await writeFile(path.join(lockDir, 'owner'), `pid ${process.pid} since ${new Date().toISOString()}\n`);
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
