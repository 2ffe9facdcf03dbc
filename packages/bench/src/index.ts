export { generateDataset, datasetName, type GenerateOptions } from './generate/generate.ts';
export { checkGeneratedDataset, readManifest, readJsonLines } from './generate/check.ts';
export { ManifestSchema, type Manifest } from './generate/manifest.ts';
export { planDataset, entityId, type Plan } from './generate/plan.ts';
export { bulkLoad, NonEmptyDatabaseError, type LoadStats, type LoadOptions } from './load/bulk-load.ts';
export { runBench, type BenchOptions } from './measure/run-bench.ts';
export { type BenchReport, type ReportSection } from './report/types.ts';
export { DEFAULT_SECTIONS, type SectionProvider, type SectionContext } from './sections/index.ts';
