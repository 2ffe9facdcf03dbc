import { ExportRequestSchema } from '@explorer/model';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ConsoleError } from '../../console/errors.ts';
import type { ConsoleRunner } from '../../console/runner.ts';
import type { QueryRunner } from '../../db/runner.ts';
import { exportSubgraph, toStream, type ExportSource } from '../../export/export-subgraph.ts';
import { contentDisposition } from '../../export/file-name.ts';
import { QueryResultCutError } from '../../export/query-subgraph.ts';
import { ExportTooLargeError } from '../../export/read-subgraph.ts';
import { HttpError } from '../errors.ts';
import { parseRequest } from '../validate.ts';

export interface ExportRouteOptions {
  runner: QueryRunner;
  /** The console's own runner: query exports run under its rules and share its concurrency slots. */
  consoleRunner: ConsoleRunner;
}

/** A refusal of the console, answered as the console answers it; a 400 also names the `query` field. */
function sendConsoleError(reply: FastifyReply, error: ConsoleError): FastifyReply {
  const body = error.body();
  if (error.status === 400) {
    const fields = [{ field: 'query', message: error.message }];
    body.error.details = { ...body.error.details, field: 'query', fields };
  }
  return reply.status(error.status).send(body);
}

/** POST /api/export: a subgraph (ids and hops, or a console query's result) as a file download. */
export const exportRoutes: FastifyPluginAsync<ExportRouteOptions> = async (app, options) => {
  const { consoleRunner } = options;

  app.post('/export', async (request, reply) => {
    const body = parseRequest(ExportRequestSchema, request.body, 'body');
    const source: ExportSource =
      body.query !== undefined
        ? { query: body.query, params: body.params ?? {} }
        : { nodeIds: body.nodeIds ?? [], hops: body.hops };
    const field = body.query !== undefined ? 'query' : 'hops';
    let file;
    try {
      file = await exportSubgraph(
        { runner: options.runner, console: consoleRunner },
        { format: body.format, ...source },
      );
    } catch (error) {
      if (error instanceof ConsoleError) return sendConsoleError(reply, error);
      if (error instanceof ExportTooLargeError || error instanceof QueryResultCutError) {
        throw new HttpError(400, 'bad_request', error.message, { fields: [{ field, message: error.message }] });
      }
      throw error;
    }
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(toStream(file.chunks));
  });
};
