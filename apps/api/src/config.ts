import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ConsoleSettings } from './console/settings.ts';

/** The repository root, for defaults that are folders inside it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/**
 * Every setting comes from an environment variable, validated here once at start-up.
 * README.md lists them; a bad value stops start-up with a message naming the variable.
 */
const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(8080),
  /**
   * The origin users reach the app at through a proxy (https://explorer.example.org). Requests naming
   * any other host than it or loopback are refused, and so are writes from any other origin.
   */
  PUBLIC_ORIGIN: z
    .string()
    .refine(isOrigin, 'must be an origin URL: http(s)://host[:port], without path, query or credentials')
    .transform((value) => new URL(value).origin)
    .optional(),
  /**
   * The app has no login: listening beyond loopback lets anyone who reaches the port read, import and
   * merge. Only for a container whose port is published on loopback alone (docker-compose.yml).
   */
  ALLOW_UNAUTHENTICATED_NETWORK: z.enum(['true', 'false']).default('false'),
  /** Use this Neo4j server (bolt://, neo4j:// for clusters, +s/+ssc for TLS) instead of the embedded one. */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/\S+$/, 'must be a bolt:// or neo4j:// URI (optionally +s or +ssc)')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  /** Folder of the embedded database (used only without NEO4J_URI). */
  NEO4J_LOCAL_DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data/neo4j')),
  /** Bolt port of the embedded database; 0 picks a free one. */
  NEO4J_LOCAL_BOLT_PORT: port.default(7687),
  NEO4J_LOCAL_HEAP_MB: positiveInt.default(1024),
  /** Server-side timeout of every query the API runs, in milliseconds. */
  QUERY_TIMEOUT_MS: positiveInt.max(600_000).default(10_000),
  /** API requests served at once; more wait API_MAX_WAIT_MS for a slot, then are answered 503 busy. */
  API_MAX_IN_FLIGHT: positiveInt.max(100_000).default(40),
  API_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(100),
  /** The analysts' console (POST /api/cypher): time limit, row cap, concurrent queries, answer size. */
  CONSOLE_TIMEOUT_MS: positiveInt.max(600_000).default(10_000),
  CONSOLE_MAX_ROWS: positiveInt.max(1_000_000).default(5_000),
  CONSOLE_MAX_CONCURRENT: positiveInt.max(100).default(4),
  CONSOLE_MAX_RESPONSE_BYTES: positiveInt.max(500_000_000).default(5_000_000),
  /** Dataset seeded into an empty database at start-up, or "none". */
  SEED_ON_START: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a dataset name or "none"')
    .default('report-2022'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built web app served at `/`. */
  WEB_DIST_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'apps/web/dist')),
});

export type Env = z.infer<typeof EnvSchema>;

function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  const bare =
    url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && bare && !value.endsWith('?') && !value.endsWith('#')
  );
}

/** Names only this machine reaches: binding them exposes nothing. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

export interface Config {
  host: string;
  port: number;
  /** The origin the app is published at (PUBLIC_ORIGIN), besides loopback; null: loopback only. */
  publicOrigin: string | null;
  neo4j:
    | { mode: 'remote'; uri: string; user: string; password: string | undefined; database: string }
    | { mode: 'embedded'; dataDir: string; boltPort: number; heapMb: number; database: string };
  queryTimeoutMs: number;
  /** API requests served at once (default DEFAULT_MAX_IN_FLIGHT); more wait maxWaitMs, then get 503. */
  maxInFlight?: number;
  maxWaitMs?: number;
  console: ConsoleSettings;
  seedOnStart: string | null;
  logLevel: Env['LOG_LEVEL'];
  webDistDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from an environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset, as shells and .env files often leave them empty.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!isLoopbackHost(e.HOST) && e.ALLOW_UNAUTHENTICATED_NETWORK !== 'true') {
    throw new ConfigError(
      `Invalid configuration:\n  HOST: ${e.HOST} is not a loopback address. The app has no login yet: anyone ` +
        'who reaches the port could read, import and merge. Listen on 127.0.0.1 and put a proxy with a login ' +
        'in front of it, or, in a container whose port is published on loopback only, set ' +
        'ALLOW_UNAUTHENTICATED_NETWORK=true.',
    );
  }
  return {
    host: e.HOST,
    port: e.PORT,
    publicOrigin: e.PUBLIC_ORIGIN ?? null,
    neo4j: e.NEO4J_URI
      ? { mode: 'remote', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : {
          mode: 'embedded',
          dataDir: path.resolve(e.NEO4J_LOCAL_DATA_DIR),
          boltPort: e.NEO4J_LOCAL_BOLT_PORT,
          heapMb: e.NEO4J_LOCAL_HEAP_MB,
          database: e.NEO4J_DATABASE,
        },
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    maxInFlight: e.API_MAX_IN_FLIGHT,
    maxWaitMs: e.API_MAX_WAIT_MS,
    console: {
      timeoutMs: e.CONSOLE_TIMEOUT_MS,
      maxRows: e.CONSOLE_MAX_ROWS,
      maxConcurrent: e.CONSOLE_MAX_CONCURRENT,
      maxResponseBytes: e.CONSOLE_MAX_RESPONSE_BYTES,
    },
    seedOnStart: e.SEED_ON_START === 'none' ? null : e.SEED_ON_START,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
  };
}

/**
 * The directory the user typed a command in: `npm run … -w @explorer/api` runs it in apps/api, and
 * npm keeps the user's own directory in INIT_CWD.
 */
export function invocationDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env['INIT_CWD'] ?? process.cwd();
}
