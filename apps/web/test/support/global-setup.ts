import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestDatabase } from '@explorer/api/testing';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test database: its URI and the password its data folder was given. */
    neo4jTarget: { uri: string; user: string; password: string };
    webDistDir: string;
  }
}

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the real web app (into a temp folder) and starts a seeded database for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'explorer-web-'));
  await build({ root: WEB_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const database = await startTestDatabase();
  project.provide('neo4jTarget', database.target);
  project.provide('webDistDir', outDir);
  return async () => {
    await database.stop();
    await rm(outDir, { recursive: true, force: true });
  };
}
