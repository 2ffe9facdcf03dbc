import { ConsoleRequestSchema, type ConsoleResponse } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import { ConsoleError, toConsoleError } from '../../console/errors.ts';
import { ConsoleRunner } from '../../console/runner.ts';
import { DEFAULT_CONSOLE_SETTINGS } from '../../console/settings.ts';
import type { Database } from '../../db/database.ts';

export interface ConsoleRouteOptions {
  db: Database;
  /** The app's configuration; without console settings (older callers, tests) the defaults apply. */
  config: Pick<Config, 'queryTimeoutMs'> & Partial<Pick<Config, 'console'>>;
}

/** POST /cypher: the analysts' read-only console (README: Console). Answers its own errors. */
export const consoleRoutes: FastifyPluginAsync<ConsoleRouteOptions> = async (app, { db, config }) => {
  const settings = config.console ?? DEFAULT_CONSOLE_SETTINGS;
  const runner = new ConsoleRunner(db, settings, app.log);

  app.post('/cypher', async (request, reply): Promise<ConsoleResponse | undefined> => {
    const parsed = ConsoleRequestSchema.safeParse(request.body ?? {});
    try {
      if (!parsed.success) {
        const summary = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
        throw new ConsoleError(400, 'bad_request', `Invalid body — ${summary}`);
      }
      return await runner.run(parsed.data);
    } catch (error) {
      const answer = toConsoleError(error, settings.timeoutMs);
      if (answer.status >= 500 && answer.status !== 504) request.log.error({ err: error }, answer.message);
      return reply.status(answer.status).send(answer.body());
    }
  });
};
