import { setTimeout as sleep } from 'node:timers/promises';
import type { ExitInfo, Neo4jLocal } from '@explorer/neo4j-local';

/** Whether the database answers, or is being brought back after it died. */
export type DatabaseStatus = 'up' | 'restarting';

export interface SupervisorOptions {
  /** Starts the embedded database again on the given Bolt port (the driver keeps its URI). */
  start: (boltPort: number) => Promise<Neo4jLocal>;
  /** Work to finish before the database counts as up again (taking out a dead import's writes). */
  afterRestart: () => Promise<void>;
  log: (message: string) => void;
  /** Waits before each try; the last repeats. */
  backoffMs?: readonly number[];
}

const DEFAULT_BACKOFF_MS = [500, 2_000, 5_000, 10_000, 30_000];

function describeExit({ code, signal }: ExitInfo): string {
  if (signal) return `was killed by ${signal}`;
  // -XX:+ExitOnOutOfMemoryError exits with 3; so does the launcher on a locked folder, which says so.
  return `exited with code ${String(code)}`;
}

/**
 * Keeps the embedded database running: when its JVM dies while the API still needs it (an
 * out-of-memory exit, a kill), it logs the JVM's last words, reports `restarting`, and starts it again
 * on the same port with back-off until it answers, then runs `afterRestart` before reporting `up`.
 * Nobody has to restart the service by hand.
 */
export class EmbeddedSupervisor {
  private current: Neo4jLocal;
  private state: DatabaseStatus = 'up';
  private stopping = false;
  /** The restart under way, if any; stop() waits for it, so no JVM outlives the supervisor. */
  private restarting: Promise<void> | null = null;
  /** Cuts a back-off wait short when stop() is called. */
  private readonly stopped = new AbortController();

  constructor(
    first: Neo4jLocal,
    private readonly options: SupervisorOptions,
  ) {
    this.current = first;
    this.watch(first);
  }

  get status(): DatabaseStatus {
    return this.state;
  }

  /** The running instance (for its port, pid and data folder). */
  get instance(): Neo4jLocal {
    return this.current;
  }

  /** Stops the database and gives up watching it, after a restart under way has settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    await this.restarting;
    await this.current.stop();
  }

  private watch(instance: Neo4jLocal): void {
    void instance.exited.then((exit) => {
      if (this.stopping || instance !== this.current) return;
      this.restarting = this.restart(exit).finally(() => {
        this.restarting = null;
      });
    });
  }

  private async restart(exit: ExitInfo): Promise<void> {
    this.state = 'restarting';
    const { log } = this.options;
    const lastWords = exit.stderrTail.slice(-15).map((line) => `  | ${line}`);
    log(
      `The embedded Neo4j (pid ${this.current.pid}) ${describeExit(exit)}; restarting it. Its last output:\n` +
        (lastWords.length ? lastWords.join('\n') : '  (nothing)'),
    );
    const backoff = this.options.backoffMs ?? DEFAULT_BACKOFF_MS;
    for (let attempt = 0; !this.stopping; attempt++) {
      const wait = backoff[Math.min(attempt, backoff.length - 1)] ?? 1_000;
      await sleep(wait, undefined, { signal: this.stopped.signal }).catch(() => undefined);
      if (this.stopping) return;
      const started = Date.now();
      let next: Neo4jLocal;
      try {
        next = await this.options.start(this.current.boltPort);
      } catch (error) {
        log(`Restarting the embedded Neo4j failed (try ${attempt + 1}): ${(error as Error).message}`);
        continue;
      }
      if (this.stopping) {
        await next.stop();
        return;
      }
      this.current = next;
      this.watch(next);
      try {
        await this.options.afterRestart();
      } catch (error) {
        // The database answers; what is left of a dead import is taken out by the next start or import.
        log(`After the restart, recovery failed: ${(error as Error).message}`);
      }
      this.state = 'up';
      log(`The embedded Neo4j is back (pid ${next.pid}, ${Date.now() - started} ms).`);
      return;
    }
  }
}
