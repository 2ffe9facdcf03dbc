import type { ErrorBody } from '@explorer/model';
import { Neo4jError } from 'neo4j-driver';
import type { z } from 'zod';
import { describeBytes, REQUEST_LIMITS } from './limits/request-limits.ts';

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

const TIMEOUT_MESSAGE = 'The query took longer than the server allows; narrow it (fewer hops, fewer types).';

/**
 * The answer to anything a route threw that is not an error of its own family: an HttpError as it is,
 * the database down → 503, a query timeout → 504 (saying `timeoutMessage`), Fastify's own request
 * errors (a malformed JSON body, say) with their 4xx, anything else → 500. Every route family's error
 * mapping ends here, so they answer these cases alike.
 */
export function toHttpError(error: unknown, timeoutMessage = TIMEOUT_MESSAGE): HttpError {
  if (error instanceof HttpError) return error;
  if (isDatabaseUnavailable(error)) {
    return new HttpError(503, 'database_unavailable', 'The graph database is unreachable; try again shortly.');
  }
  if (isQueryTimeout(error)) return new HttpError(504, 'timeout', timeoutMessage);
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if ((error as { code?: unknown }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const message = `The request body is larger than the ${describeBytes(REQUEST_LIMITS.maxBodyBytes)} this server takes.`;
      return new HttpError(413, 'payload_too_large', message, { fields: [{ field: 'body', message }] });
    }
    return new HttpError(status, CODE_OF_STATUS[status] ?? 'bad_request', (error as Error).message);
  }
  return new HttpError(500, 'internal', 'Internal error');
}

/** The contract's code for Fastify's own 4xx answers; any other is `bad_request`. */
const CODE_OF_STATUS: Partial<Record<number, ErrorBody['error']['code']>> = {
  404: 'not_found',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'headers_too_large',
};
