import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '@explorer/api';
import { TSX_EXEC_ARGV } from '../tsx-child.ts';

/** How the API process ended, when it did before it was asked to. */
export interface ApiExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The end of what it wrote to stderr (an out-of-memory report, a stack). */
  stderr: string;
}

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** Set once the process has ended on its own (not by close()). */
  exited: () => ApiExit | null;
  close: () => Promise<void>;
}

const SERVER = fileURLToPath(new URL('./api-server.ts', import.meta.url));
const STDERR_KEPT = 4_000;

/**
 * Starts the API under test in a process of its own. Its memory is then its own (the report's peak
 * is the API's, not the load generator's), and an overloaded load generator cannot starve the API's
 * event loop, nor the other way round: at a million entities the shared process once ran out of
 * memory under the mixed load without saying which half grew.
 */
export async function startApiProcess(options: {
  target: DatabaseTarget;
  queryTimeoutMs: number;
  maxConcurrency: number;
  startTimeoutMs?: number;
}): Promise<ApiProcess> {
  const { target, queryTimeoutMs, maxConcurrency } = options;
  // The options, password included, go through stdin: a command line is visible to every user.
  const child = spawn(process.execPath, [...TSX_EXEC_ARGV, SERVER], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {}); // a child that died at once is reported below
  child.stdin.end(JSON.stringify({ target, queryTimeoutMs, maxConcurrency }));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  let closing = false;
  let exit: ApiExit | null = null;
  const ended = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!closing) exit = { code, signal, stderr };
      resolve();
    });
  });
  const baseUrl = await firstLine(child, options.startTimeoutMs ?? 60_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`The API process did not start: ${String(error)}\n${stderr}`);
  });
  return {
    baseUrl,
    pid: child.pid ?? -1,
    exited: () => exit,
    close: async () => {
      if (exit !== null) return;
      closing = true;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await ended;
      clearTimeout(killer);
    },
  };
}

/** The base URL from the server's first line of output. */
function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(why));
    };
    child.once('exit', (code, signal) => fail(`it ended (code ${code}, signal ${signal})`));
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        const { baseUrl } = JSON.parse(out.slice(0, newline)) as { baseUrl: string };
        resolve(baseUrl);
      } catch {
        reject(new Error(`unexpected output: ${out.slice(0, 200)}`));
      }
    });
  });
}
