import { type ApiExit } from '../measure/api-process.ts';
import { type LoadedStats } from '../measure/stack.ts';
import { type OpenLoopResult } from '../measure/open-loop.ts';
import { type TargetGroup } from '../measure/operations.ts';
import { type Summary } from '../measure/stats.ts';

export type CellSummary = Summary & { firstError?: string };

export interface OperationResult {
  name: string;
  group: TargetGroup;
  concurrency: number;
  api: CellSummary;
  raw: CellSummary;
  /** API p50 / raw p50: 1.10 means the API adds 10 % to the database's time. */
  ratioP50: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** null: not measured at this size or in this run. */
  met: boolean | null;
}

/** A part of the report another module adds (the browser canvas, the import, …). */
export interface ReportSection {
  title: string;
  markdown: string;
  data?: unknown;
}

export interface BenchReport {
  format: 'explorer-bench/1';
  startedAt: string;
  finishedAt: string;
  size: string;
  seed: number;
  entities: number;
  relationships: number;
  machine: { cpus: number; node: string; loadAverageStart: number[]; loadAverageEnd: number[] };
  database: { heapMb: number; pageCacheMb: number; queryTimeoutMs: number };
  load: LoadedStats;
  settings: { iterations: number; concurrency: number[]; cellSeconds: number };
  probes: {
    export: { nodeIds: number; hops: number; nodes: number; edges: number; sources: number };
    /** Length of the shortest path found for each measured pair, per maxHops. */
    pathLengths: Record<string, Array<number | null>>;
  };
  operations: OperationResult[];
  mixed: OpenLoopResult;
  memory: {
    apiPeakRssMb: number | null;
    databasePeakRssMb: number | null;
    /** This process: the load generator and the raw driver. */
    loadGeneratorPeakRssMb: number | null;
    peakResetAfterLoad: boolean;
  };
  /** How the API process ended, when it did during the run (the sections were then skipped). */
  apiExit: ApiExit | null;
  targets: TargetCheck[];
  sections: ReportSection[];
}
