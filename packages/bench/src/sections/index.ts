import type { DatabaseTarget } from '@explorer/api';
import { type ReportSection } from '../report/types.ts';
import { browserCanvas } from './browser-canvas.ts';
import { importThroughput } from './import-throughput.ts';

/** What a section provider may use: the running stack and the run's size. */
export interface SectionContext {
  size: string;
  entities: number;
  /** The generated dataset's name (the `dataset` property of everything it loaded) and size. */
  dataset: string;
  relationships: number;
  /** The API under test, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The database under test: its URI and password. */
  neo4jTarget: DatabaseTarget;
  /** Rows of the import benchmark's CSV (default 100,000). */
  importRows?: number;
  /** Makes the next run reload the cached database (for a section that could not undo its writes). */
  invalidateDatabase: () => Promise<void>;
}

/**
 * A module that adds a part to the report: the import benchmark and the browser canvas benchmark
 * (from the web app). Add the provider to DEFAULT_SECTIONS. A provider that throws does not end the
 * run: the report says the section was not measured, and why (runSections).
 */
export interface SectionProvider {
  title: string;
  measure: (context: SectionContext) => Promise<Omit<ReportSection, 'title'>>;
}

export const DEFAULT_SECTIONS: readonly SectionProvider[] = [importThroughput, browserCanvas];
