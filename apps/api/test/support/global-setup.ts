import type { TestProject } from 'vitest/node';
import { startTestDatabase } from './stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/** One embedded Neo4j for the whole test project, seeded once; stopped when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await startTestDatabase();
  project.provide('neo4jUri', database.uri);
  return database.stop;
}
