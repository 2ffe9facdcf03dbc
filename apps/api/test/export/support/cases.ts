import { readShippedDataset } from '@explorer/seeds';

/** The subgraphs the export tests take from the shared database: all of report-2022, and demo 2 hops out. */
export const EXPORT_CASES = [
  {
    dataset: 'report-2022',
    hops: 0,
    nodeIds: async () => (await readShippedDataset('report-2022')).entities.map((e) => e.id),
  },
  { dataset: 'demo', hops: 2, nodeIds: async () => ['demo-co-example-disk-drives'] },
] as const;
