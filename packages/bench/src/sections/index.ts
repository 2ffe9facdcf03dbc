import { type ReportSection } from '../report/types.ts';
import { browserCanvas } from './browser-canvas.ts';

/** What a section provider may use: the running stack and the run's size. */
export interface SectionContext {
  size: string;
  entities: number;
  /** The API under test, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  neo4jUri: string;
}

/**
 * A module that adds a part to the report: the browser canvas benchmark (from the web app) and, when
 * issue 6 lands, the import benchmark. Add the provider to DEFAULT_SECTIONS.
 */
export type SectionProvider = (context: SectionContext) => Promise<ReportSection | null>;

const importNotYet: SectionProvider = () =>
  Promise.resolve({
    title: 'Import throughput',
    markdown: 'Not yet: the CSV import (issue 6) does not exist yet, so there is nothing to measure.',
    data: { measured: false, reason: 'not yet (issue 6)' },
  });

export const DEFAULT_SECTIONS: readonly SectionProvider[] = [importNotYet, browserCanvas];
