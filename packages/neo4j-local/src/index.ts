export { checkPrerequisites } from './prerequisites.ts';
export { ensureBuilt, isBuilt, BUILD_LOG } from './build.ts';
export { prepareNeo4jLocal, startNeo4jLocal, type Neo4jLocal, type StartOptions, type ExitInfo } from './launcher.ts';
export { readPasswordFile, type BoltAuth } from './password.ts';
export { createTempDataDir } from './temp.ts';
export { DEFAULT_DATA_DIR, JAVA_DIR } from './paths.ts';
export { adminImport, type AdminImportOptions } from './admin-import.ts';
