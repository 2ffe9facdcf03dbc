import { summarise, type Summary } from './stats.ts';

export interface OpenLoopResult extends Summary {
  rate: number;
  seconds: number;
  sent: number;
  /** Requests per second actually started (below `rate` when this process could not keep up). */
  achievedRate: number;
  errorSamples: string[];
  /** Errors counted by kind (as `classify` names them), so a report says what went wrong, not just how often. */
  errorKinds: Record<string, number>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Starts `rate` requests per second for `seconds`, whether or not earlier ones have answered (as many
 * independent readers would). Latency counts from when a request was due, so a client that falls
 * behind shows up in the figures instead of hiding (no coordinated omission).
 */
export async function runOpenLoop(
  request: (i: number) => Promise<void>,
  rate: number,
  seconds: number,
  /** Requests outstanding at most; one more due is not sent and counts as an error, so this process stays bounded. */
  maxOutstanding = 2_000,
  classify: (error: unknown) => string = messageOf,
): Promise<OpenLoopResult> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const samples: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  /** Counts an error under its kind and keeps the first few as they were said. */
  const fail = (kind: string, said: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    if (errorSamples.length < 5) errorSamples.push(said);
  };
  const inFlight: Array<Promise<void>> = [];
  let outstanding = 0;
  const started = performance.now();
  const notSent = `not sent: ${maxOutstanding} requests already outstanding`;
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (outstanding >= maxOutstanding) {
      fail(notSent, notSent);
      continue;
    }
    outstanding++;
    inFlight.push(
      request(i)
        .then(
          () => void samples.push(performance.now() - due),
          (error: unknown) => fail(classify(error), messageOf(error)),
        )
        .finally(() => outstanding--),
    );
  }
  const sendingMs = performance.now() - started;
  await Promise.all(inFlight);
  const wallMs = performance.now() - started;
  return {
    ...summarise(samples, errors, wallMs),
    rate,
    seconds,
    sent: total,
    achievedRate: (total / Math.max(sendingMs, 1)) * 1000,
    errorSamples,
    errorKinds,
  };
}
