/** At most `max` console queries at once; a caller that finds no free slot is told so at once (429). */
export class ConcurrencyGate {
  private running = 0;

  constructor(private readonly max: number) {}

  /** A release function, or null when all slots are taken. */
  tryAcquire(): (() => void) | null {
    if (this.running >= this.max) return null;
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
    };
  }
}
