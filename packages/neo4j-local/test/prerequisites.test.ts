import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPrerequisites } from '../src/index.ts';
import { parseJavaMajor } from '../src/prerequisites.ts';

const emptyDirs: string[] = [];
afterAll(() => Promise.all(emptyDirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('checkPrerequisites', () => {
  it('passes on this machine (Java 17+ and Maven installed)', async () => {
    await expect(checkPrerequisites()).resolves.toBeUndefined();
  });

  it('names what to install when java is not on PATH', async () => {
    const error = await checkPrerequisites({ PATH: '/nonexistent' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Java 17\+ is required to run the embedded Neo4j \(apt-get install -y openjdk-17-jdk-headless\)/,
    );
    expect(message).toContain('NEO4J_URI');
    expect(message).not.toMatch(/\n|\bat .*\.js:\d+|ENOENT/); // one line, no stack or errno dump
  });

  it('reports a JAVA_HOME without bin/java', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'no-java-'));
    emptyDirs.push(empty);
    await expect(checkPrerequisites({ PATH: process.env.PATH, JAVA_HOME: empty })).rejects.toThrow(
      `Java 17+ is required to run the embedded Neo4j (apt-get install -y openjdk-17-jdk-headless), or set NEO4J_URI to use an existing server. JAVA_HOME=${empty} has no working bin/java.`,
    );
  });
});

describe('parseJavaMajor', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('openjdk version "25" 2025-09-16')).toBe(25);
    expect(parseJavaMajor('java version "1.8.0_292"')).toBe(8);
    expect(parseJavaMajor('nothing here')).toBeUndefined();
  });
});
