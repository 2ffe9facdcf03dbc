import { randomUUID } from 'node:crypto';
import type { ConsoleRequest, ConsoleResponse } from '@explorer/model';
import neo4j, { type Session, type Transaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toRowJson } from '../db/mapping.ts';
import { ConcurrencyGate } from './concurrency.ts';
import { ConsoleError, toConsoleError } from './errors.ts';
import { graphOfRows } from './graph.ts';
import { lexicalGate, type ConsoleMode } from './lexical-gate.ts';
import { classifyQuery } from './classify.ts';
import { toPlanTree, type RawPlan } from './plan.ts';
import { toNeo4jParams } from './params.ts';
import { checkRegexes } from './regex-check.ts';
import type { ConsoleSettings } from './settings.ts';
import { notificationsOf, timingsOf } from './summary.ts';
import { CONSOLE_METADATA_KEY, terminateConsoleRun, waitUntilRunEnded } from './transactions.ts';

/** Neo4j's own transaction timeout stays a little above ours: a backstop if the watchdog fails. */
const BACKSTOP_MS = 5_000;

interface Logger {
  warn(object: object, message: string): void;
}

/** How the runner stops a run in Neo4j; replaceable so that tests can play a query that ignores it. */
export type TerminateRun = (db: Database, runId: string, waitMs?: number) => Promise<boolean>;

/**
 * Runs analysts' Cypher: the lexical gate, EXPLAIN and its query type and plan, then the query
 * in a READ transaction tagged with a run id, bounded in rows, bytes, concurrency and time. At the
 * time limit a watchdog terminates the transaction in Neo4j and waits until it is gone.
 */
export class ConsoleRunner {
  private readonly gate: ConcurrencyGate;

  constructor(
    private readonly db: Database,
    private readonly settings: ConsoleSettings,
    private readonly log: Logger,
    private readonly terminate: TerminateRun = terminateConsoleRun,
  ) {
    this.gate = new ConcurrencyGate(settings.maxConcurrent);
  }

  async run(request: ConsoleRequest): Promise<ConsoleResponse> {
    const release = this.gate.tryAcquire();
    if (!release) {
      throw new ConsoleError(
        429,
        'too_many_requests',
        `${this.settings.maxConcurrent} console queries are already running; try again when one has finished.`,
      );
    }
    const runId = randomUUID();
    // The slot is the database's capacity: it stays taken until Neo4j no longer lists the run.
    let ended: Promise<void> = Promise.resolve();
    try {
      return await this.runWithWatchdog(request, runId, (stillRunning) => {
        ended = stillRunning;
      });
    } finally {
      void ended.finally(release);
    }
  }

  private async runWithWatchdog(
    request: ConsoleRequest,
    runId: string,
    outlived: (stillRunning: Promise<void>) => void,
  ): Promise<ConsoleResponse> {
    const { mode, body, regexes } = lexicalGate(request.query);
    checkRegexes(regexes, request.params);
    const ms = this.settings.timeoutMs;
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.READ });
    const work = this.execute(session, runId, mode, request.query, body, toNeo4jParams(request.params));

    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const watchdog = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        this.terminate(this.db, runId, this.settings.terminateWaitMs)
          .then((gone) => {
            if (gone) return;
            this.log.warn({ runId }, 'console transaction still listed after TERMINATE; its slot stays taken');
            outlived(waitUntilRunEnded(this.db, runId, this.log, this.terminate));
          })
          .catch((error: unknown) => {
            this.log.warn({ err: error, runId }, 'terminating a console transaction failed');
            outlived(waitUntilRunEnded(this.db, runId, this.log, this.terminate));
          })
          .finally(() => reject(ConsoleError.timeout(ms)));
      }, ms);
    });
    try {
      return await Promise.race([work, watchdog]);
    } catch (error) {
      // Neo4j may report the termination before the watchdog has seen the transaction gone.
      if (timedOut) await watchdog.catch(() => {});
      throw timedOut ? ConsoleError.timeout(ms) : toConsoleError(error, ms);
    } finally {
      clearTimeout(timer);
      watchdog.catch(() => {});
      // The session closes once the query has really stopped, never under its feet.
      void work.catch(() => {}).finally(() => session.close());
    }
  }

  private async execute(
    session: Session,
    runId: string,
    mode: ConsoleMode,
    query: string,
    body: string,
    params: Record<string, unknown>,
  ): Promise<ConsoleResponse> {
    const tx = await session.beginTransaction({
      timeout: this.settings.timeoutMs + BACKSTOP_MS,
      metadata: { [CONSOLE_METADATA_KEY]: runId },
    });
    try {
      const plan = await classifyQuery(tx, query, body, params, this.settings.timeoutMs);
      if (mode === 'explain') return this.planOnly(plan);
      return await this.stream(tx, mode, query, params);
    } finally {
      if (tx.isOpen()) await tx.rollback().catch(() => {});
    }
  }

  private planOnly(plan: RawPlan): ConsoleResponse {
    return {
      columns: [],
      rows: [],
      graph: { nodes: [], edges: [], truncated: false },
      plan: toPlanTree(plan, false),
      summary: {
        queryType: 'r',
        resultAvailableAfterMs: 0,
        resultConsumedAfterMs: 0,
        rowCount: 0,
        truncated: false,
        truncatedBy: null,
        notifications: [],
      },
    };
  }

  /** Runs the query, keeping rows until the row cap or the size cap. */
  private async stream(
    tx: Transaction,
    mode: ConsoleMode,
    query: string,
    params: Record<string, unknown>,
  ): Promise<ConsoleResponse> {
    const { maxRows, maxResponseBytes } = this.settings;
    const result = tx.run(query, params);
    const raw: unknown[][] = [];
    const rows: ConsoleResponse['rows'] = [];
    let bytes = 0;
    let truncatedBy: 'rows' | 'bytes' | null = null;
    for await (const record of result) {
      if (raw.length >= maxRows) {
        truncatedBy = 'rows';
        break;
      }
      const values = record.keys.map((key) => record.get(key));
      const row = values.map(toRowJson);
      bytes += Buffer.byteLength(JSON.stringify(row));
      if (bytes > maxResponseBytes) {
        truncatedBy = 'bytes';
        break;
      }
      raw.push(values);
      rows.push(row);
    }
    const columns = (await result.keys()).map(String);
    const summary = truncatedBy ? null : await result.summary();
    let graph = await graphOfRows(this.db, raw, this.settings.timeoutMs);
    if (bytes + Buffer.byteLength(JSON.stringify(graph)) > maxResponseBytes) {
      graph = { nodes: [], edges: [], truncated: true };
    }
    const profile = mode === 'profile' && summary?.profile ? toPlanTree(summary.profile, true) : null;
    const timings = timingsOf(summary);
    return {
      columns,
      rows,
      graph,
      plan: profile,
      summary: {
        queryType: summary?.queryType ?? 'r',
        resultAvailableAfterMs: timings.available,
        resultConsumedAfterMs: timings.consumed,
        rowCount: rows.length,
        truncated: truncatedBy !== null,
        truncatedBy,
        notifications: summary ? notificationsOf(summary) : [],
      },
    };
  }
}
