import type { SavedQueryErrorBody } from '@explorer/model';
import { ConsoleError } from '../console/errors.ts';
import { toHttpError } from '../http/errors.ts';

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
  const answer = toHttpError(error, 'The database took too long; try again.');
  const details = answer.details as Record<string, unknown> | undefined;
  return new SavedQueryError(answer.status, answer.code, answer.message, details);
}
