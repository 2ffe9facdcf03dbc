import { type ReportSection } from '../report/types.ts';

/** What a section provider may use: the running stack and the run's size. */
export interface SectionContext {
  size: string;
  entities: number;
  /** The API under test, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  neo4jUri: string;
}

/**
 * A module that adds a part to the report. The browser canvas benchmark (another engineer's) and the
 * import benchmark (issue 6) plug in here: add the provider to DEFAULT_SECTIONS.
 */
export type SectionProvider = (context: SectionContext) => Promise<ReportSection | null>;

const importNotYet: SectionProvider = () =>
  Promise.resolve({
    title: 'Import throughput',
    markdown: 'Not yet: the CSV import (issue 6) does not exist yet, so there is nothing to measure.',
    data: { measured: false, reason: 'not yet (issue 6)' },
  });

const canvasElsewhere: SectionProvider = () =>
  Promise.resolve({
    title: 'Browser canvas',
    markdown:
      'Not measured by this module (2,000 nodes + 5,000 edges and a layout in headless Chromium is owned by ' +
      'the web app; its provider plugs into packages/bench/src/sections/index.ts).',
    data: { measured: false },
  });

export const DEFAULT_SECTIONS: readonly SectionProvider[] = [importNotYet, canvasElsewhere];
