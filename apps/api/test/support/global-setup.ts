import type { TestProject } from 'vitest/node';
import type { DatabaseTarget } from '../../src/db/database.ts';
import { startTestDatabase } from './stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared test database: its URI and the password its data folder was given. */
    neo4jTarget: Required<DatabaseTarget>;
  }
}

/** One embedded Neo4j for the whole test project, seeded once; stopped when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await startTestDatabase();
  project.provide('neo4jTarget', database.target);
  return database.stop;
}
