import { PassThrough } from 'node:stream';
import {
  IMPORT_LIMITS,
  ImportQuerySchema,
  MappingNameSchema,
  SaveImportMappingRequestSchema,
  type ImportEvent,
  type ImportPreview,
} from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { importFile } from '../../import/import-procurements.ts';
import { ImportStore, UnknownMappingError } from '../../import/import-store.ts';
import { previewFile } from '../../import/preview-import.ts';
import { ImportBusyError, ImportUndoFailedError } from '../../import/import-run.ts';
import { ImportRefusedError } from '../../import/problems.ts';
import { HttpError } from '../errors.ts';
import { parseRequest } from '../validate.ts';

export interface ImportRouteOptions {
  db: Database;
}

const MappingParamsSchema = z.object({ name: MappingNameSchema });

const notFound = (name: string) =>
  new HttpError(404, 'not_found', `No saved column mapping named "${name}"`, {
    field: 'mapping',
    fields: [{ field: 'mapping', message: `no saved column mapping named "${name}"` }],
  });

/**
 * Imports (README: Import). The file is the raw request body (`Content-Type: application/octet-stream`,
 * at most IMPORT_LIMITS.maxFileBytes, for these two routes only); everything else is in the query
 * (ImportQuerySchema).
 *
 * POST /api/import/preview → 200 ImportPreview JSON; nothing is written.
 * POST /api/import → before anything is read: 400 naming the bad query field, 404 naming `mapping`
 * for an unknown saved mapping, 413 for a body over the limit, 415 for another content type. Then
 * 200 `application/x-ndjson`: progress events (read; resolve 0 and total; write 0, then after each
 * batch), and exactly one last event: `result`, or `refused` with every problem when the file has
 * errors (read or matching; with validRowsOnly only when it cannot be read at all), or `failed`
 * when the server could not finish. After `refused` or `failed` nothing was written.
 */
export const importRoutes: FastifyPluginAsync<ImportRouteOptions> = async (app, { db }) => {
  const store = new ImportStore(db);

  // Only this plugin's routes take raw bytes, and only they take a body this large.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.maxFileBytes },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler((error, _request, reply) => {
    if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const message = `the file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB`;
      return reply
        .status(413)
        .send(new HttpError(413, 'payload_too_large', message, { fields: [{ field: 'body', message }] }).body());
    }
    // Everything else is answered by the app's handler.
    throw error;
  });

  const fileOf = (body: unknown): Uint8Array => (body instanceof Uint8Array ? body : new Uint8Array());

  const mappingFor = async (query: z.infer<typeof ImportQuerySchema>) => {
    try {
      return await store.resolveMapping(query.mapping, query.columns);
    } catch (error) {
      if (error instanceof UnknownMappingError) throw notFound(error.mapping);
      throw error;
    }
  };

  app.post('/import/preview', { bodyLimit: IMPORT_LIMITS.maxFileBytes }, async (request): Promise<ImportPreview> => {
    const query = parseRequest(ImportQuerySchema, request.query, 'query');
    const mapping = await mappingFor(query);
    const preview = previewFile(query.fileName, fileOf(request.body), mapping);
    return { ...preview, previousImport: await store.previousImport(preview.sha256) };
  });

  app.post('/import', { bodyLimit: IMPORT_LIMITS.maxFileBytes }, async (request, reply) => {
    const query = parseRequest(ImportQuerySchema, request.query, 'query');
    const mapping = await mappingFor(query);
    const bytes = fileOf(request.body);

    const stream = new PassThrough();
    const emit = (event: ImportEvent) => stream.write(`${JSON.stringify(event)}\n`);
    void importFile(db, query.fileName, bytes, {
      dryRun: query.dryRun,
      validRowsOnly: query.validRowsOnly,
      importedBy: query.importedBy ?? null,
      mapping,
      onProgress: (progress) => emit({ type: 'progress', ...progress }),
    })
      .then(
        (result) => emit({ type: 'result', result }),
        (error: unknown) => {
          if (error instanceof ImportRefusedError) {
            emit({ type: 'refused', problems: [...error.problems] });
            return;
          }
          if (error instanceof ImportBusyError) {
            emit({
              type: 'failed',
              message: `Another import ("${error.fileName}") is writing; nothing was written. Try again when it is done.`,
            });
            return;
          }
          request.log.error({ err: error }, 'import failed');
          emit({
            type: 'failed',
            message:
              error instanceof ImportUndoFailedError
                ? 'The import stopped on a server error and what it had written could not be taken out yet; ' +
                  'the next import or a restart of the server takes it out.'
                : 'The import stopped on a server error (is the database reachable?); nothing was written.',
          });
        },
      )
      .finally(() => stream.end());
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(stream);
  });

  app.get('/import/mappings', async () => ({ mappings: await store.listMappings() }));

  app.put('/import/mappings/:name', async (request) => {
    const { name } = parseRequest(MappingParamsSchema, request.params, 'params');
    const { columns } = parseRequest(SaveImportMappingRequestSchema, request.body, 'body');
    return store.saveMapping(name, columns);
  });

  app.delete('/import/mappings/:name', async (request, reply) => {
    const { name } = parseRequest(MappingParamsSchema, request.params, 'params');
    if (!(await store.deleteMapping(name))) throw notFound(name);
    return reply.status(204).send();
  });

  app.get('/imports', async () => ({ imports: await store.listImports() }));
};
