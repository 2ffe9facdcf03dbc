/** The console's bounds (README: Configuration, CONSOLE_*). */
export interface ConsoleSettings {
  /** Wall-clock limit of one console query; then it is terminated in Neo4j. */
  timeoutMs: number;
  maxRows: number;
  maxConcurrent: number;
  maxResponseBytes: number;
  /** How long the watchdog waits for a terminated run to end before answering 504 (the slot waits on). */
  terminateWaitMs?: number;
}

export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = {
  timeoutMs: 10_000,
  maxRows: 5_000,
  maxConcurrent: 4,
  maxResponseBytes: 5_000_000,
};
