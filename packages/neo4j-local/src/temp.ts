import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh, empty folder under the OS temp dir, for a throwaway Neo4j home. */
export function createTempDataDir(prefix = 'neo4j-local-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}
