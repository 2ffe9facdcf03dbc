/** Latency figures of one measured cell, in milliseconds. */
export interface Summary {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** Completed requests per second over the cell's wall time. */
  throughput: number;
}

/** Nearest-rank percentile of sorted samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? NaN;
}

export function summarise(samples: readonly number[], errors: number, wallMs: number): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    throughput: wallMs > 0 ? (sorted.length / wallMs) * 1000 : 0,
  };
}
