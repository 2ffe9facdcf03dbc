import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureBuilt } from './build.ts';
import { classArchiveOptions } from './class-archive.ts';
import { CLASSPATH } from './paths.ts';
import { JVM_LOG_OPTIONS, javaCommand } from './prerequisites.ts';

export interface AdminImportOptions {
  /** The data folder a later startNeo4jLocal({ dataDir }) opens; its database must not exist yet. */
  dataDir: string;
  /** neo4j-admin's --nodes / --relationships values: `[Label=]file[,file…]` (headers in the files). */
  nodes: string[];
  relationships: string[];
  /** One character separating array elements and labels in the files (default `;`). */
  arrayDelimiter?: string;
  /** JVM heap of the import (default 1024); its caches live off heap, capped by maxOffHeapMb. */
  heapMb?: number;
  maxOffHeapMb?: number;
  /** Worker threads (default: every core). */
  threads?: number;
  /** Called with the import process's pid once it runs (e.g. to follow its CPU time). */
  onStart?: (pid: number) => void;
}

/**
 * Runs Neo4j's offline bulk importer (`neo4j-admin database import full`, from the launcher's own
 * jars) into `dataDir`'s default database. It writes the store files directly, with no transactions
 * and no indexes, several times faster than any Cypher load; it refuses duplicate node ids and
 * relationships to unknown ids. The output goes to `<dataDir>/logs/admin-import.log`.
 */
export async function adminImport(options: AdminImportOptions): Promise<void> {
  await ensureBuilt();
  const conf = path.join(options.dataDir, 'conf');
  const logs = path.join(options.dataDir, 'logs');
  await mkdir(conf, { recursive: true });
  await mkdir(logs, { recursive: true });
  await writeFile(path.join(conf, 'neo4j.conf'), '');
  const logFile = path.join(logs, 'admin-import.log');
  const args = [
    `-Xmx${options.heapMb ?? 1024}m`,
    ...JVM_LOG_OPTIONS,
    // The launcher's archive: the importer loads many of the same classes.
    ...classArchiveOptions(),
    '-cp',
    CLASSPATH,
    'org.neo4j.cli.AdminTool',
    ...['database', 'import', 'full', 'neo4j'],
    '--multiline-fields=true',
    `--array-delimiter=${options.arrayDelimiter ?? ';'}`,
    // Its report of bad input would otherwise land in whatever folder the process runs in.
    `--report-file=${path.join(logs, 'import.report')}`,
    `--max-off-heap-memory=${options.maxOffHeapMb ?? 2048}m`,
    ...(options.threads ? [`--threads=${options.threads}`] : []),
    ...options.nodes.map((n) => `--nodes=${n}`),
    ...options.relationships.map((r) => `--relationships=${r}`),
  ];
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(APOC|NEO4J)_/.test(key)));
  const out = createWriteStream(logFile);
  const child = spawn(javaCommand(), args, {
    env: { ...env, NEO4J_HOME: options.dataDir, NEO4J_CONF: conf },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: options.dataDir,
  });
  if (child.pid !== undefined) options.onStart?.(child.pid);
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise<void>((resolve) => out.end(resolve));
  if (code !== 0) {
    const tail = (await readFile(logFile, 'utf8')).split('\n').slice(-30).join('\n');
    throw new Error(`neo4j-admin database import exited with ${String(code)}; ${logFile} ends:\n${tail}`);
  }
}
