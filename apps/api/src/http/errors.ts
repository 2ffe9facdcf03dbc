import type { ErrorBody } from '@explorer/model';
import { Neo4jError } from 'neo4j-driver';
import type { z } from 'zod';

/** An error the API answers with a status and the contract's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorBody['error']['code'],
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** 400 naming every bad field, from a zod error. */
export function badRequest(where: 'query' | 'params' | 'body', error: z.ZodError): HttpError {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : where,
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new HttpError(400, 'bad_request', `Invalid ${where} parameter(s) — ${summary}`, { fields });
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Errors that mean "the database is down or unreachable", not "your request is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  if (UNAVAILABLE_CODES.has(error.code)) return true;
  // The driver reports an exhausted or unreachable pool with a generic code and this message.
  return /connection acquisition timed out|Failed to connect|ECONNREFUSED|Pool is closed/i.test(error.message);
}

export function isQueryTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && /TransactionTimedOut|Transaction\.Terminated/.test(error.code);
}
