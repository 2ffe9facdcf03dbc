import type { SavedQueryErrorBody } from '@explorer/model';
import { ConsoleError } from '../console/errors.ts';
import { HttpError, isDatabaseUnavailable, isQueryTimeout } from '../http/errors.ts';

type Code = SavedQueryErrorBody['error']['code'];

/** An answer of the saved-queries routes that is not a success: status, code, message, details. */
export class SavedQueryError extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SavedQueryError';
  }

  static notFound(id: string): SavedQueryError {
    return new SavedQueryError(404, 'not_found', `No saved query with id "${id}"`, { field: 'id', id });
  }

  static duplicateName(name: string): SavedQueryError {
    const message = `A saved query named "${name}" already exists (names are compared ignoring case)`;
    return new SavedQueryError(409, 'conflict', message, { fields: [{ field: 'name', message }] });
  }

  body(): SavedQueryErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

/**
 * Anything the routes threw, as their answer. A query the console refuses keeps the console's status,
 * code and reason; bad input keeps the API's 400 naming the fields.
 */
export function toSavedQueryError(error: unknown): SavedQueryError {
  if (error instanceof SavedQueryError) return error;
  if (error instanceof ConsoleError) {
    return new SavedQueryError(error.status, error.code, error.message, error.details);
  }
  if (error instanceof HttpError) {
    const details = error.details as Record<string, unknown> | undefined;
    return new SavedQueryError(error.status, error.code, error.message, details);
  }
  if (isDatabaseUnavailable(error)) {
    return new SavedQueryError(503, 'database_unavailable', 'The graph database is unreachable; try again shortly.');
  }
  if (isQueryTimeout(error)) return new SavedQueryError(504, 'timeout', 'The database took too long; try again.');
  // Fastify's own request errors (a malformed JSON body, say) carry a 4xx statusCode.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new SavedQueryError(status, 'bad_request', (error as Error).message);
  }
  return new SavedQueryError(500, 'internal', 'Internal error');
}
