import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';
import { jsonNestsDeeperThan } from './json-depth.ts';
import { REQUEST_LIMITS } from './request-limits.ts';

/**
 * JSON bodies are read by Fastify's own parser (which refuses __proto__ and constructor keys), after
 * a check of their nesting: a body nested thousands deep overflowed the stack in validation (a 500).
 */
export function limitJsonDepth(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonNestsDeeperThan(text, REQUEST_LIMITS.maxJsonDepth)) {
      const message = `the JSON body nests deeper than ${REQUEST_LIMITS.maxJsonDepth} levels`;
      done(new HttpError(400, 'bad_request', message, { fields: [{ field: 'body', message }] }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
