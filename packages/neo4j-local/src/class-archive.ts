import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withDirLock } from './lock.ts';
import { CLASS_ARCHIVE, TARGET_DIR } from './paths.ts';

/**
 * Java's class-data sharing for the JVMs started here. A start of the embedded Neo4j loads thousands
 * of classes from some 220 jars, which is about a third of its ~11 s; the JVM can map them from an
 * archive instead (measured here: 10.9 → 7.3–7.8 s a start). The archive is made once per build, by
 * a training start under `-XX:ArchiveClassesAtExit` (the JVM writes it as it exits), and every later
 * JVM on the same classpath maps it with `-XX:SharedArchiveFile`. A stale archive (another JDK,
 * rebuilt jars) costs only the speed-up: the JVM then loads classes as usual and says so on stderr.
 */

/** Written instead of the archive when training failed, so that later starts do not try again. */
const NO_ARCHIVE_MARKER = `${CLASS_ARCHIVE}.failed`;
const LOCK_DIR = path.join(TARGET_DIR, '.neo4j-local-class-archive.lock');

/** JVM options that map the archive, when there is one. */
export function classArchiveOptions(): string[] {
  return existsSync(CLASS_ARCHIVE) ? [`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`] : [];
}

/** Drops the archive and the failure marker: the build calls this before it replaces the jars. */
export async function forgetClassArchive(): Promise<void> {
  await rm(CLASS_ARCHIVE, { force: true });
  await rm(NO_ARCHIVE_MARKER, { force: true });
}

/**
 * Makes the archive unless it exists (or training already failed for this build). `train` starts
 * and cleanly stops a throwaway database in a JVM with the given extra options. Concurrent callers
 * (several test processes) wait for whoever trains first.
 */
export async function ensureClassArchive(
  train: (jvmOptions: string[]) => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  const settled = () => existsSync(CLASS_ARCHIVE) || existsSync(NO_ARCHIVE_MARKER);
  if (settled()) return;
  await withDirLock(LOCK_DIR, async () => {
    if (settled()) return;
    // Written under another name and renamed: a JVM never maps a half-written archive.
    const partial = `${CLASS_ARCHIVE}.partial`;
    await rm(partial, { force: true });
    log('neo4j-local: making the class-data sharing archive (once per build, under a minute)');
    try {
      await train([`-XX:ArchiveClassesAtExit=${partial}`]);
      if (!existsSync(partial)) throw new Error('the training JVM wrote no archive');
      await rename(partial, CLASS_ARCHIVE);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`neo4j-local: no class-data sharing archive (${reason}); starts stay slower`);
      await writeFile(NO_ARCHIVE_MARKER, `${reason}\n`);
    }
  });
}
