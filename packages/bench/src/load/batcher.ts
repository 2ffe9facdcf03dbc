/**
 * Collects rows per group (kind or type) and hands a group's batch to `write` when it is full.
 * Up to `maxInFlight` writes run at once while the next batches are parsed, so reading overlaps
 * writing (and, above 1, the database can use more than one core) while memory stays bounded: one
 * batch per group plus those being written. The first failed write fails the next add() or flush().
 */
export class Batcher<G extends string, R> {
  private readonly groups = new Map<G, R[]>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly size: number,
    private readonly write: (group: G, rows: R[]) => Promise<void>,
    private readonly maxInFlight = 1,
  ) {}

  async add(group: G, row: R): Promise<void> {
    let rows = this.groups.get(group);
    if (!rows) this.groups.set(group, (rows = []));
    rows.push(row);
    if (rows.length >= this.size) {
      this.groups.delete(group);
      await this.dispatch(group, rows);
    }
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }

  private async dispatch(group: G, rows: R[]): Promise<void> {
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
    this.rethrow();
    const running: Promise<void> = this.write(group, rows)
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /** Writes what is left of every group and waits for every write. */
  async flush(): Promise<void> {
    for (const [group, rows] of [...this.groups]) {
      this.groups.delete(group);
      await this.dispatch(group, rows);
    }
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    this.rethrow();
  }
}
