import { spawn } from 'node:child_process';
import { open, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { forgetClassArchive } from './class-archive.ts';
import { withDirLock } from './lock.ts';
import { JAVA_DIR, LAUNCHER_JAR, LIB_DIR, PLUGINS_DIR, TARGET_DIR } from './paths.ts';

/** Written after a successful build; its mtime is "when the build finished". */
const STAMP_FILE = path.join(TARGET_DIR, '.neo4j-local-built');
const LOCK_DIR = path.join(TARGET_DIR, '.neo4j-local-build.lock');
export const BUILD_LOG = path.join(TARGET_DIR, 'maven-build.log');

async function mtimeMs(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest mtime among pom.xml and every file under java/src. */
async function newestSourceMtime(): Promise<number> {
  let newest = (await mtimeMs(path.join(JAVA_DIR, 'pom.xml'))) ?? Infinity;
  const entries = await readdir(path.join(JAVA_DIR, 'src'), { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const m = await mtimeMs(path.join(entry.parentPath, entry.name));
    if (m !== undefined && m > newest) newest = m;
  }
  return newest;
}

/** True when the jar, lib and plugins exist and the last build is newer than every source. */
export async function isBuilt(): Promise<boolean> {
  for (const dir of [LAUNCHER_JAR, LIB_DIR, PLUGINS_DIR]) {
    if ((await mtimeMs(dir)) === undefined) return false;
  }
  const built = await mtimeMs(STAMP_FILE);
  return built !== undefined && built >= (await newestSourceMtime());
}

async function tail(file: string, lines: number): Promise<string> {
  try {
    // Debian's Maven prints colour resets even in batch mode; drop them.
    const text = stripVTControlCharacters(await readFile(file, 'utf8'));
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no build log)';
  }
}

async function runMaven(): Promise<void> {
  const log = await open(BUILD_LOG, 'w');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('mvn', ['-B', '-q', '-Dstyle.color=never', 'package', '-DskipTests'], {
        cwd: JAVA_DIR,
        stdio: ['ignore', log.fd, log.fd],
      });
      child.on('error', reject);
      child.on('exit', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) {
      throw new Error(
        `Maven build of the embedded Neo4j failed (exit ${String(code)}) in ${JAVA_DIR}. Last lines of ${BUILD_LOG}:\n${await tail(BUILD_LOG, 40)}`,
      );
    }
  } finally {
    await log.close();
  }
}

/**
 * Builds java/ with Maven when target/ is missing or older than pom.xml or any source file.
 * Concurrent callers (several test processes) serialise on a lock directory; whoever gets it
 * second finds the build done and returns.
 */
export async function ensureBuilt(): Promise<void> {
  if (await isBuilt()) return;
  await withDirLock(LOCK_DIR, async () => {
    if (await isBuilt()) return;
    await forgetClassArchive(); // it describes the jars about to be replaced
    await runMaven();
    await writeFile(STAMP_FILE, `${new Date().toISOString()}\n`);
  });
}
