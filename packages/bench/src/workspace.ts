import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Git-ignored home of generated datasets, loaded databases and results. */
export const BENCH_DIR = path.join(REPO_ROOT, '.bench');

/** Where one run keeps its files: cached datasets, databases, results. */
export interface BenchPaths {
  dataset: string;
  database: string;
  results: string;
}

export function benchPaths(root: string, entities: number, seed: number): BenchPaths {
  const key = `${entities}-seed-${seed}`;
  return {
    dataset: path.join(root, 'data', key),
    database: path.join(root, 'db', key),
    results: path.join(root, 'results'),
  };
}

/** Named sizes and the resources the embedded Neo4j gets for them. */
export const SIZES = {
  '10k': { entities: 10_000, heapMb: 1024, pageCacheMb: 512, mixedSeconds: 10 },
  '100k': { entities: 100_000, heapMb: 2048, pageCacheMb: 1024, mixedSeconds: 20 },
  '1m': { entities: 1_000_000, heapMb: 4096, pageCacheMb: 3072, mixedSeconds: 60 },
} as const;
export type SizeName = keyof typeof SIZES;
