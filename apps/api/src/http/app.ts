import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { ConsoleRunner } from '../console/runner.ts';
import { DEFAULT_CONSOLE_SETTINGS } from '../console/settings.ts';
import { GraphRepository, UnknownEntityError } from '../db/graph-repository.ts';
import type { Database } from '../db/database.ts';
import { QueryRunner } from '../db/runner.ts';
import { answerWhileRestarting } from './database-status.ts';
import { DEFAULT_MAX_IN_FLIGHT, limitInFlight, refuseUnderPressure } from './in-flight-limit.ts';
import { refuseWhileClosing } from './closing.ts';
import { HttpError, toHttpError } from './errors.ts';
import { answerClientError, answerFrameworkError } from './framework-errors.ts';
import { limitJsonDepth } from './limits/json-body.ts';
import { REQUEST_LIMITS } from './limits/request-limits.ts';
import { limitUrlLength } from './limits/url-length.ts';
import { refuseCrossOriginWrites } from './security/cross-origin-writes.ts';
import { checkHost } from './security/host-check.ts';
import { addSecurityHeaders } from './security/security-headers.ts';
import { serveWebApp } from './web-app.ts';
import { candidateRoutes } from './routes/candidates.ts';
import { consoleRoutes } from './routes/console.ts';
import { entityRoutes } from './routes/entities.ts';
import { exportRoutes } from './routes/export.ts';
import { explorerRoutes } from './routes/explorer.ts';
import { graphRoutes } from './routes/graph.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/import.ts';
import { savedQueryRoutes } from './routes/saved-queries.ts';
import { searchRoutes } from './routes/search.ts';

declare module 'fastify' {
  interface FastifyInstance {
    graph: GraphRepository;
  }
}

export interface AppOptions {
  /** Without console settings (older callers, tests) the console's defaults apply. */
  config: Pick<Config, 'queryTimeoutMs' | 'logLevel' | 'webDistDir'> &
    Partial<Pick<Config, 'console' | 'maxInFlight' | 'maxWaitMs' | 'publicOrigin'>>;
  db: Database;
  /** The version /api/health reports. */
  version?: string;
}

/**
 * Connections the kernel may hold for the server before it accepts them. Node's default (511)
 * overflowed under a 300 requests/s load on two cores: dropped connections are retried by the client
 * seconds later and time out, where a queued one is accepted and answered (503 busy, if need be).
 */
export const LISTEN_BACKLOG = 4_096;

/** Turns anything thrown by a route into the contract's error body with the right status. */
function toAnswer(error: unknown): HttpError {
  if (error instanceof UnknownEntityError) {
    return new HttpError(404, 'not_found', error.message, { field: error.field, id: error.id });
  }
  return toHttpError(error);
}

/** The whole HTTP app: API routes under /api, the built web app at /. Starting it is main.ts's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.config.logLevel },
    // Query strings like ?types=A&types=B arrive as arrays; the schemas accept both forms.
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: REQUEST_LIMITS.maxParamLength,
    },
    frameworkErrors: answerFrameworkError,
    bodyLimit: REQUEST_LIMITS.maxBodyBytes,
    // Node would answer a request without Host a bare 400 itself; the host check answers it instead.
    http: { maxHeaderSize: REQUEST_LIMITS.maxHeaderBytes, requireHostHeader: false },
    clientErrorHandler: answerClientError,
    return503OnClosing: false,
  });
  app.decorate('graph', new GraphRepository(new QueryRunner(options.db, options.config.queryTimeoutMs)));

  // Before anything else looks at a request: headers on every answer, then who may ask at all.
  await addSecurityHeaders(app);
  const own = { publicOrigin: options.config.publicOrigin ?? null };
  refuseWhileClosing(app);
  checkHost(app, own);
  refuseCrossOriginWrites(app, own);
  limitUrlLength(app);
  limitJsonDepth(app);
  // Then what the process can serve: nothing while its database restarts, little while it lags.
  answerWhileRestarting(app, options.db);
  await refuseUnderPressure(app);
  limitInFlight(app, options.config.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, options.config.maxWaitMs);

  app.setErrorHandler((error, request, reply) => {
    const httpError = toAnswer(error);
    if (httpError.status >= 500) request.log.error({ err: error }, httpError.message);
    void reply.status(httpError.status).send(httpError.body());
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { version: options.version ?? '0.0.0', db: options.db });
      await api.register(searchRoutes);
      await api.register(entityRoutes);
      await api.register(graphRoutes);
      // One console runner: the console and query exports share its bounds and concurrency slots.
      const consoleSettings = options.config.console ?? DEFAULT_CONSOLE_SETTINGS;
      const consoleRunner = new ConsoleRunner(options.db, consoleSettings, app.log);
      await api.register(consoleRoutes, { runner: consoleRunner, settings: consoleSettings });
      await api.register(savedQueryRoutes, { db: options.db, config: options.config });
      await api.register(exportRoutes, {
        runner: new QueryRunner(options.db, options.config.queryTimeoutMs),
        consoleRunner,
      });
      await api.register(explorerRoutes, { db: options.db, queryTimeoutMs: options.config.queryTimeoutMs });
      await api.register(candidateRoutes, { db: options.db, queryTimeoutMs: options.config.queryTimeoutMs });
      await api.register(importRoutes, { db: options.db });
      api.setNotFoundHandler((request, reply) => {
        void reply
          .status(404)
          .send(new HttpError(404, 'not_found', `No API route ${request.method} ${request.url}`).body());
      });
    },
    { prefix: '/api' },
  );

  await serveWebApp(app, options.config.webDistDir);
  return app;
}
