import { summarise, type Summary } from './stats.ts';

export interface ClosedLoopOptions {
  concurrency: number;
  /** Requests each worker makes. */
  iterations: number;
  /** After this long no worker starts another request (slow operations still get a few samples). */
  maxMs: number;
}

/**
 * `concurrency` workers each run `fn` back to back: latency per call, throughput over the whole
 * cell. `i` numbers the calls so that operations can rotate through their inputs.
 */
export async function runClosedLoop(
  fn: (i: number) => Promise<void>,
  options: ClosedLoopOptions,
): Promise<Summary & { firstError?: string }> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.maxMs;
  const worker = async () => {
    for (let k = 0; k < options.iterations && performance.now() < deadline; k++) {
      const i = next++;
      const t = performance.now();
      try {
        await fn(i);
        samples.push(performance.now() - t);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const summary = summarise(samples, errors, performance.now() - started);
  return firstError === undefined ? summary : { ...summary, firstError };
}
