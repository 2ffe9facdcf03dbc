/**
 * Collects rows per group (kind or type) and hands a group's batch to `write` when it is full.
 * One write is in flight at a time while the next batch is parsed, so reading overlaps writing but
 * memory stays bounded (one batch per group plus the one being written), and hub nodes are never
 * locked by two concurrent transactions.
 */
export class Batcher<G extends string, R> {
  private readonly groups = new Map<G, R[]>();
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly size: number,
    private readonly write: (group: G, rows: R[]) => Promise<void>,
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

  private async dispatch(group: G, rows: R[]): Promise<void> {
    await this.inFlight;
    this.inFlight = this.write(group, rows);
    // Rejections surface at the next dispatch or at flush(); don't report them as unhandled meanwhile.
    this.inFlight.catch(() => {});
  }

  /** Writes what is left of every group and waits for the last write. */
  async flush(): Promise<void> {
    for (const [group, rows] of [...this.groups]) {
      this.groups.delete(group);
      await this.dispatch(group, rows);
    }
    await this.inFlight;
  }
}
