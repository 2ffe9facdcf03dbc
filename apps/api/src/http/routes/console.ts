import { ConsoleRequestSchema, type ConsoleResponse } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import { ConsoleError, toConsoleError } from '../../console/errors.ts';
import type { ConsoleRunner } from '../../console/runner.ts';
import type { ConsoleSettings } from '../../console/settings.ts';

export interface ConsoleRouteOptions {
  /** Shared with query exports, so both count against the same concurrency slots. */
  runner: ConsoleRunner;
  settings: ConsoleSettings;
}

/** POST /cypher: the analysts' read-only console (README: Console). Answers its own errors. */
export const consoleRoutes: FastifyPluginAsync<ConsoleRouteOptions> = async (app, { runner, settings }) => {
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
