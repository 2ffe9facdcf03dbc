/**
 * The API's own query texts and helpers that the benchmark reuses, so that "raw driver" runs the very
 * same Cypher the API runs. apps/api's package exports only its public entry, hence relative paths;
 * keeping them all here means one place to update if apps/api moves a file.
 */
export * as ApiQueries from '../../../apps/api/src/db/queries.ts';
export * as ExportQueries from '../../../apps/api/src/export/queries.ts';
export { searchLookups } from '../../../apps/api/src/search/lucene.ts';
export { entityProps, relationshipProps } from '../../../apps/api/src/seed/load-dataset.ts';
export { expand as expandExport, ExportTooLargeError } from '../../../apps/api/src/export/read-subgraph.ts';
export { importFile as importProcurementFile } from '../../../apps/api/src/import/import-procurements.ts';
export { planFile, PLANNING } from '../../../apps/api/src/import/import-procurements.ts';
export { readImportFile } from '../../../apps/api/src/import/read-import-file.ts';
export { createRelationships } from '../../../apps/api/src/import/queries.ts';
export { WRITE_BATCH } from '../../../apps/api/src/import/write-plan.ts';
