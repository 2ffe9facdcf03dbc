import { ExportRequestSchema } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import type { QueryRunner } from '../../db/runner.ts';
import { contentDisposition } from '../../export/file-name.ts';
import { exportSubgraph, toStream } from '../../export/export-subgraph.ts';
import { ExportTooLargeError } from '../../export/read-subgraph.ts';
import { HttpError } from '../errors.ts';
import { parseRequest } from '../validate.ts';

/** POST /api/export: a subgraph as a file download in the asked format. */
export const exportRoutes: FastifyPluginAsync<{ runner: QueryRunner }> = async (app, { runner }) => {
  app.post('/export', async (request, reply) => {
    const body = parseRequest(ExportRequestSchema, request.body, 'body');
    const file = await exportSubgraph(runner, {
      format: body.format,
      nodeIds: body.nodeIds ?? [],
      hops: body.hops,
    }).catch((error: unknown) => {
      if (error instanceof ExportTooLargeError) {
        throw new HttpError(400, 'bad_request', error.message, {
          fields: [{ field: 'hops', message: error.message }],
        });
      }
      throw error;
    });
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(toStream(file.chunks));
  });
};
