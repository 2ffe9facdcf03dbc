import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DATABASE_CALLABLE_ALLOWLIST } from '@explorer/model';
import neo4jDriver from 'neo4j-driver';
import { ensureBuilt } from './build.ts';
import { classArchiveOptions, ensureClassArchive } from './class-archive.ts';
import { CLASSPATH, DEFAULT_DATA_DIR, PLUGINS_DIR } from './paths.ts';
import { pickFreePort, waitForPort } from './ports.ts';
import { JVM_LOG_OPTIONS, checkPrerequisites, javaCommand } from './prerequisites.ts';
import { createTempDataDir } from './temp.ts';
import { ensurePasswordFile, type BoltAuth } from './password.ts';

export interface StartOptions {
  /** Neo4j home (data/, logs/). Default: <repo>/.data/neo4j. */
  dataDir?: string;
  /** 0 or undefined: pick a free port. */
  boltPort?: number;
  /** Default 127.0.0.1. */
  boltHost?: string;
  /** JVM heap (-Xmx), default 1024. */
  heapMb?: number;
  /** db.transaction.timeout (and lock acquisition timeout), default 30. */
  txTimeoutSeconds?: number;
  /** Page cache, default 512. */
  pageCacheMb?: number;
  /** Memory cap of one transaction (db.memory.transaction.max), default a quarter of the heap. */
  txMaxMb?: number;
  /** Memory cap of all transactions together (dbms.memory.transaction.total.max), default half the heap. */
  txTotalMaxMb?: number;
  /** Default 120 000. */
  startTimeoutMs?: number;
  /** Receives every line the JVM prints on stderr (Neo4j's own logs go to <dataDir>/logs). */
  log?: (line: string) => void;
  /**
   * Delete dataDir once stop() has the JVM down: for throwaway databases (tests), which are about
   * half a gigabyte each and would otherwise fill the disk run after run. Kept when start fails, so
   * its logs can be read.
   */
  removeDataDirOnStop?: boolean;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The JVM's last stderr lines: why it died, when it did. */
  stderrTail: string[];
}

export interface Neo4jLocal {
  /** bolt://127.0.0.1:<port> */
  uri: string;
  /** The neo4j user's password, made at the data folder's first start (see password.ts). */
  auth: BoltAuth;
  boltPort: number;
  dataDir: string;
  /** The JVM's process id (crash tests kill it). */
  pid: number;
  /** SIGTERM, wait up to 60 s for the clean shutdown, then SIGKILL. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the JVM has exited (code 0 after a clean stop). */
  exited: Promise<ExitInfo>;
}

const MAIN_CLASS = 'org.explorer.neo4jlocal.Launcher';
const READY_PREFIX = 'NEO4J_LOCAL_READY ';
/** Same opens as Neo4j's own test runs; without them Java 17 logs illegal-access warnings or fails. */
const ADD_OPENS = ['java.base/java.nio', 'java.base/java.io', 'java.base/sun.nio.ch'].map(
  (p) => `--add-opens=${p}=ALL-UNNAMED`,
);
/** Launcher exit code when the Bolt port is taken (see Launcher.java). */
const EXIT_PORT_IN_USE = 4;
const PORT_ATTEMPTS = 3;
const STOP_TIMEOUT_MS = 60_000;
const STDERR_TAIL = 40;

/** JVMs started by this process; SIGTERMed if Node exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
  running.add(child);
  child.once('close', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Synchronous hook: all we can do is signal. The JVM then shuts down cleanly on its own;
    // if Node dies harder than this, the launcher sees its stdin close and stops too.
    process.on('exit', () => {
      for (const c of running) c.kill('SIGTERM');
    });
  }
}

class StartFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** Neo4j and APOC read NEO4J_* / APOC_* env vars (NEO4J_CONF, APOC_EXPORT_FILE_ENABLED, ...); don't let them leak in. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(APOC|NEO4J)_/.test(key)));
}

/** Where to connect when listening on a wildcard address. */
function connectHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

function boltUri(host: string, port: number): string {
  const h = connectHost(host);
  return `bolt://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** Resolves true if `promise` settled within `ms`, false otherwise; never leaves a timer behind. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function terminate(child: ChildProcess, exited: Promise<ExitInfo>, graceMs: number): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    if (await settlesWithin(exited, graceMs)) return;
    child.kill('SIGKILL');
  }
  await exited;
}

interface Settings {
  dataDir: string;
  host: string;
  port: number;
  heapMb: number;
  txTimeoutSeconds: number;
  pageCacheMb: number;
  txMaxMb: number;
  txTotalMaxMb: number;
  startTimeoutMs: number;
  log: (line: string) => void;
  removeDataDirOnStop: boolean;
  /** More JVM options (class-data sharing). */
  jvmOptions: string[];
}

async function launchOnce(s: Settings): Promise<Neo4jLocal> {
  const auth = await ensurePasswordFile(s.dataDir);
  const args = [
    `-Xmx${s.heapMb}m`,
    ...ADD_OPENS,
    // A JVM that ran out of heap is not worth keeping alive half-broken (Neo4j's own default).
    '-XX:+ExitOnOutOfMemoryError',
    ...JVM_LOG_OPTIONS,
    ...s.jvmOptions,
    '-cp',
    CLASSPATH,
    MAIN_CLASS,
    ...['--home', s.dataDir, '--bolt-host', s.host, '--bolt-port', String(s.port)],
    ...['--tx-timeout-seconds', String(s.txTimeoutSeconds), '--pagecache-mb', String(s.pageCacheMb)],
    ...['--tx-max-mb', String(s.txMaxMb), '--tx-total-max-mb', String(s.txTotalMaxMb)],
    ...['--plugin-dir', PLUGINS_DIR, '--password-file', auth.file],
    ...['--procedure-allowlist', DATABASE_CALLABLE_ALLOWLIST.join(',')],
    '--exit-on-stdin-eof',
  ];
  // stdin stays an open pipe: when this process dies, it closes and the launcher shuts down.
  const child = spawn(javaCommand(), args, { env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  track(child);
  child.stdin.on('error', () => {}); // EPIPE after the JVM exits is expected
  const stderrTail: string[] = [];
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stderrTail: [...stderrTail] }));
  });
  const keep = (line: string) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL) stderrTail.shift();
    s.log(line);
  };

  createInterface({ input: child.stderr }).on('line', keep);
  const describeStderr = () => (stderrTail.length ? `\nLast stderr lines:\n${stderrTail.join('\n')}` : '');

  const started = Date.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new StartFailure(`Embedded Neo4j did not become ready within ${s.startTimeoutMs} ms.`, null)),
        s.startTimeoutMs,
      );
      const finish = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      child.once('error', (error) =>
        finish(new StartFailure(`Could not run ${javaCommand()}: ${error.message}`, null)),
      );
      void exited.then(({ code, signal }) => {
        const reason = [...stderrTail].reverse().find((line) => line.startsWith('neo4j-local:'));
        const how = code !== null ? `code ${code}` : `signal ${String(signal)}`;
        finish(
          new StartFailure(
            `Embedded Neo4j exited with ${how} before it was ready${reason ? `: ${reason}` : '.'}`,
            code,
          ),
        );
      });
      // The JVM itself writes to stdout (its out-of-memory exit, say), past the launcher's redirection.
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith(READY_PREFIX)) finish();
        else keep(line);
      });
    });
    // READY means the database is available; also make sure Bolt really accepts connections.
    await waitForPort(connectHost(s.host), s.port, Math.max(1_000, s.startTimeoutMs - (Date.now() - started)));
  } catch (error) {
    await terminate(child, exited, 10_000);
    const message = error instanceof Error ? error.message : String(error);
    const exitCode = error instanceof StartFailure ? error.exitCode : null;
    throw new StartFailure(
      `${message} (data dir ${s.dataDir}; Neo4j logs in ${path.join(s.dataDir, 'logs')})${describeStderr()}`,
      exitCode,
    );
  }

  let stopping: Promise<void> | undefined;
  return {
    uri: boltUri(s.host, s.port),
    auth: { user: auth.user, password: auth.password },
    boltPort: s.port,
    dataDir: s.dataDir,
    pid: child.pid ?? -1,
    exited,
    stop() {
      stopping ??= terminate(child, exited, STOP_TIMEOUT_MS).then(async () => {
        if (s.removeDataDirOnStop) await rm(s.dataDir, { recursive: true, force: true });
      });
      return stopping;
    },
  };
}

/** Checks Java and Maven, builds the Java side if needed, and makes its class-data sharing archive. */
export async function prepareNeo4jLocal(): Promise<void> {
  await checkPrerequisites();
  await ensureBuilt();
  await ensureClassArchive(trainingStart, (line) => process.stderr.write(`${line}\n`));
}

/**
 * Starts an embedded Neo4j 5.26 Community with APOC core (building the Java side first if
 * needed) and resolves once Bolt accepts connections.
 */
export async function startNeo4jLocal(options: StartOptions = {}): Promise<Neo4jLocal> {
  await prepareNeo4jLocal();

  const requestedPort = options.boltPort ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new Error(`boltPort must be an integer between 0 and 65535, got ${requestedPort}`);
  }
  const host = options.boltHost ?? '127.0.0.1';
  const heapMb = positiveInt('heapMb', options.heapMb ?? 1024);
  const base = {
    dataDir: path.resolve(options.dataDir ?? DEFAULT_DATA_DIR),
    host,
    heapMb,
    txTimeoutSeconds: positiveInt('txTimeoutSeconds', options.txTimeoutSeconds ?? 30),
    pageCacheMb: positiveInt('pageCacheMb', options.pageCacheMb ?? 512),
    // Transactions are capped well under the heap: memory Neo4j does not track (APOC functions, the
    // planner, Bolt buffers) needs the rest, and a JVM out of heap exits.
    txMaxMb: positiveInt('txMaxMb', options.txMaxMb ?? Math.floor(heapMb / 4)),
    txTotalMaxMb: positiveInt('txTotalMaxMb', options.txTotalMaxMb ?? Math.floor(heapMb / 2)),
    startTimeoutMs: positiveInt('startTimeoutMs', options.startTimeoutMs ?? 120_000),
    log: options.log ?? (() => {}),
    removeDataDirOnStop: options.removeDataDirOnStop ?? false,
    jvmOptions: classArchiveOptions(),
  };

  return launchOnPort(base, requestedPort);
}

/** Launches on `requestedPort`, or on a free one when it is 0: a port picked here can be taken before
 * the JVM binds it, so then it picks again. */
async function launchOnPort(base: Omit<Settings, 'port'>, requestedPort: number): Promise<Neo4jLocal> {
  for (let attempt = 1; ; attempt++) {
    const port = requestedPort || (await pickFreePort(base.host));
    try {
      return await launchOnce({ ...base, port });
    } catch (error) {
      const portTaken = error instanceof StartFailure && error.exitCode === EXIT_PORT_IN_USE;
      if (!portTaken || requestedPort !== 0 || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/**
 * What the class-data sharing archive learns from: a few statements of the kinds the app and the
 * tests run first (Cypher's planner and runtimes are thousands of classes of their own; a first
 * `RETURN 1` takes 2 s without them).
 */
const TRAINING_STATEMENTS = [
  'RETURN 1',
  'CREATE CONSTRAINT training_id IF NOT EXISTS FOR (n:Training) REQUIRE n.id IS UNIQUE',
  "CREATE FULLTEXT INDEX training_names IF NOT EXISTS FOR (n:Training) ON EACH [n.name] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
  'CALL db.awaitIndexes(60)',
  "UNWIND range(1, 200) AS i CREATE (:Training {id: i, name: 'training ' + i, tags: ['a']})",
  'MATCH (a:Training {id: 1}), (b:Training {id: 2}) MERGE (a)-[r:LINKED {id: 1}]->(b) SET r.since = 2024',
  "CALL db.index.fulltext.queryNodes('training_names', 'training') YIELD node, score RETURN node.id, score LIMIT 5",
  'MATCH p = shortestPath((a:Training {id: 1})-[*..4]-(b:Training {id: 2})) RETURN [n IN nodes(p) | n.id] AS ids',
  'MATCH (n:Training) WITH n ORDER BY n.id SKIP 10 LIMIT 10 RETURN apoc.coll.sort(collect(n.id)) AS ids',
  'SHOW INDEXES YIELD name, state RETURN name, state',
];

/** Starts a throwaway database in a JVM with `jvmOptions`, runs TRAINING_STATEMENTS and stops it cleanly. */
async function trainingStart(jvmOptions: string[]): Promise<void> {
  const neo4j = await launchOnPort(
    {
      dataDir: await createTempDataDir('neo4j-local-training-'),
      host: '127.0.0.1',
      heapMb: 512,
      txTimeoutSeconds: 30,
      pageCacheMb: 64,
      txMaxMb: 64,
      txTotalMaxMb: 128,
      startTimeoutMs: 300_000,
      log: () => {},
      removeDataDirOnStop: true,
      jvmOptions,
    },
    0,
  );
  const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic(neo4j.auth.user, neo4j.auth.password));
  try {
    for (const statement of TRAINING_STATEMENTS) await driver.executeQuery(statement);
  } finally {
    await driver.close();
    await neo4j.stop();
  }
  const { code } = await neo4j.exited;
  if (code !== 0) throw new Error(`the training JVM exited with ${String(code)}`);
}
