import type { ResolutionErrorBody } from '@explorer/model';
import { HttpError, isDatabaseUnavailable, isQueryTimeout } from '../http/errors.ts';

type Code = ResolutionErrorBody['error']['code'];

/** An answer of the candidate and merge routes that is not a success: status, code, message, details. */
export class ResolutionError extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ResolutionError';
  }

  static notFound(what: 'candidate' | 'merge', id: string): ResolutionError {
    return new ResolutionError(404, 'not_found', `No ${what} with id "${id}"`, { field: 'id', id });
  }

  /** 400 naming one request field. */
  static badField(field: string, message: string): ResolutionError {
    return new ResolutionError(400, 'bad_request', `${field}: ${message}`, { fields: [{ field, message }] });
  }

  /** 409: the request is well formed but the candidate, merge or entities are not in a state that allows it. */
  static conflict(message: string, details: Record<string, unknown> = {}): ResolutionError {
    return new ResolutionError(409, 'conflict', message, details);
  }

  body(): ResolutionErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

/** Anything the routes threw, as their answer (bad input keeps the API's 400 naming the fields). */
export function toResolutionError(error: unknown): ResolutionError {
  if (error instanceof ResolutionError) return error;
  if (error instanceof HttpError) {
    return new ResolutionError(error.status, error.code, error.message, error.details as Record<string, unknown>);
  }
  if (isDatabaseUnavailable(error)) {
    return new ResolutionError(503, 'database_unavailable', 'The graph database is unreachable; try again shortly.');
  }
  if (isQueryTimeout(error)) return new ResolutionError(504, 'timeout', 'The database took too long; try again.');
  // Fastify's own request errors (a malformed JSON body, say) carry a 4xx statusCode.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ResolutionError(status, 'bad_request', (error as Error).message);
  }
  return new ResolutionError(500, 'internal', 'Internal error');
}
