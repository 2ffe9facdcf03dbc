import { execFile } from 'node:child_process';
import path from 'node:path';

const FALLBACK = 'or set NEO4J_URI to use an existing server.';
const JAVA_MISSING = `Java 17+ is required to run the embedded Neo4j (apt-get install -y openjdk-17-jdk-headless), ${FALLBACK}`;
const MAVEN_MISSING = `Maven is required to build the embedded Neo4j (apt-get install -y maven), ${FALLBACK}`;

type Env = NodeJS.ProcessEnv;

interface RunResult {
  ok: boolean;
  output: string;
}

/** Runs a short command and never throws: callers turn failures into one readable message. */
function run(command: string, args: string[], env: Env): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ ok: error === null, output: `${stdout}\n${stderr}` });
    });
  });
}

/** The JVM's own warnings (class-data sharing, for one) go to stderr, not to stdout, which carries
 * the launcher's READY line. */
export const JVM_LOG_OPTIONS = ['-Xlog:disable', '-Xlog:all=warning:stderr'];

/** JAVA_HOME/bin/java when JAVA_HOME is set, else `java` from PATH. */
export function javaCommand(env: Env = process.env): string {
  const home = env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

/** Major version from `java -version` output: "17.0.15" -> 17, legacy "1.8.0_292" -> 8. */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/**
 * Checks that Java 17+ and Maven are installed. Throws one Error with a clear message naming
 * what to install. `env` defaults to process.env (tests pass a PATH without java).
 */
export async function checkPrerequisites(env: Env = process.env): Promise<void> {
  const java = javaCommand(env);
  const javaResult = await run(java, ['-version'], env);
  if (!javaResult.ok) {
    const detail = env.JAVA_HOME ? ` JAVA_HOME=${env.JAVA_HOME} has no working bin/java.` : '';
    throw new Error(JAVA_MISSING + detail);
  }
  const major = parseJavaMajor(javaResult.output);
  if (major === undefined || major < 17) {
    throw new Error(
      `${JAVA_MISSING} Found ${major === undefined ? 'an unknown Java version' : `Java ${major}`} at ${java}.`,
    );
  }

  const mavenResult = await run('mvn', ['-v'], env);
  if (!mavenResult.ok || !/Apache Maven/.test(mavenResult.output)) {
    throw new Error(MAVEN_MISSING);
  }
}
