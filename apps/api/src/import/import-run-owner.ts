// Who owns an import run, and whether that owner is still alive.
//
// Several API processes (and the import CLI), on one host or several, may share a database, so a
// run names its owner: host, pid and a token drawn once per process. Whether a run still has a live
// owner is decided without waiting where it can be: on the owner's own host by its pid (and, in the
// owner itself, by its own list of live runs: the database may have been restarted under it);
// elsewhere only by its heartbeat.
import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import os from 'node:os';

/** How often a live run beats. A beat is a one-node write, on a timer of its own, so batches never hold it up. */
export const IMPORT_RUN_BEAT_MS = 3_000;

/**
 * A run that has not beaten for this long has no live owner, wherever that owner ran. Ten beats:
 * a busy database or a garbage collection pause never loses that many; clocks of the hosts sharing
 * the database are assumed to agree within a few seconds.
 */
export const IMPORT_RUN_STALE_MS = 30_000;

/** What a run records of its owner, as read back from the database (legacy runs lack the owner). */
export interface RunOwnerRecord {
  id: string;
  state: string;
  heartbeatAt: string | null;
  ownerHost: string | null;
  ownerPid: number | null;
  ownerToken: string | null;
}

/**
 * The host, as far as process ids go: two containers can share a host name (host networking) but not
 * a pid namespace, so the namespace is part of it where Linux tells it.
 */
function hostIdentity(): string {
  try {
    return `${os.hostname()} ${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return os.hostname();
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type Ownership = 'ownerless' | 'mine' | 'owned here' | 'owned elsewhere';

/** This process as the owner of import runs: its identity and the runs it is working on now. */
export class ImportRunOwner {
  readonly host = hostIdentity();
  readonly pid = process.pid;
  readonly token = randomUUID();
  private readonly live = new Set<string>();

  /** What a run records as its owner when this process begins or takes it over. */
  get record(): { ownerHost: string; ownerPid: number; ownerToken: string } {
    return { ownerHost: this.host, ownerPid: this.pid, ownerToken: this.token };
  }

  hold(run: string): void {
    this.live.add(run);
  }

  release(run: string): void {
    this.live.delete(run);
  }

  /**
   * Whether a run has a live owner. 'ownerless' runs may be taken out at once; the others are left to
   * their owner (start-up watches them for one more beat: a reused pid or a dead host's fresh beat).
   */
  judge(run: RunOwnerRecord, now = Date.now()): Ownership {
    if (run.state === 'abandoned') return 'ownerless';
    if (run.ownerToken === this.token) return this.live.has(run.id) ? 'mine' : 'ownerless';
    const beat = run.heartbeatAt === null ? Number.NaN : Date.parse(run.heartbeatAt);
    if (!(now - beat < IMPORT_RUN_STALE_MS)) return 'ownerless';
    if (run.ownerHost === this.host && run.ownerPid !== null)
      return pidAlive(run.ownerPid) ? 'owned here' : 'ownerless';
    return 'owned elsewhere';
  }
}

/** This process: every run it begins or takes over is recorded as its own. */
export const thisProcess = new ImportRunOwner();
