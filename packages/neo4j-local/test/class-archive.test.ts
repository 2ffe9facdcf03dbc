import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classArchiveOptions } from '../src/class-archive.ts';
import { createTempDataDir, startNeo4jLocal } from '../src/index.ts';
import { CLASSPATH, LAUNCHER_JAR, LIB_DIR } from '../src/paths.ts';
import { JVM_LOG_OPTIONS, javaCommand } from '../src/prerequisites.ts';

/** Runs the launcher's main class with a bad flag (it exits 64 at once), logging where each class came from. */
function runLauncher(classpath: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(javaCommand(), [
      ...JVM_LOG_OPTIONS,
      '-Xlog:class+load=info:stderr',
      ...classArchiveOptions(),
      '-cp',
      classpath,
      'org.explorer.neo4jlocal.Launcher',
      '--no-such-flag',
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('class-data sharing', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'neo4j-local-cds-'));
    // A start makes the archive if this build has none yet.
    const neo4j = await startNeo4jLocal({ dataDir: await createTempDataDir(), removeDataDirOnStop: true });
    await neo4j.stop();
  }, 600_000);
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('maps the launcher from the archive that the first start made', async () => {
    expect(classArchiveOptions()).toHaveLength(1);
    const run = await runLauncher(CLASSPATH);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/org\.explorer\.neo4jlocal\.Launcher source: shared objects file/);
  });

  it('still runs, and keeps stdout clean, when the archive does not fit the classpath', async () => {
    // The same classes from another jar: the JVM refuses the archive, says so on stderr, and goes on.
    const jar = path.join(scratch, 'neo4j-local.jar');
    await copyFile(LAUNCHER_JAR, jar);
    const run = await runLauncher([jar, path.join(LIB_DIR, '*')].join(path.delimiter));
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/Unable to use shared archive/);
    expect(run.stderr).toMatch(/org\.explorer\.neo4jlocal\.Launcher source: file:/);
    expect(run.stdout).toBe('');
  });
});
