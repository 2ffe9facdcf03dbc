import type { ResolutionErrorBody } from '@explorer/model';
import { toHttpError } from '../http/errors.ts';

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
  const answer = toHttpError(error, 'The database took too long; try again.');
  return new ResolutionError(answer.status, answer.code, answer.message, answer.details as Record<string, unknown>);
}
