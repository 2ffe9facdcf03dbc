import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import { REQUEST_LIMITS, describeBytes } from './limits/request-limits.ts';
import { RAW_SECURITY_HEADERS } from './security/security-headers.ts';

/** Node's parser errors, by their code: what the client is told. */
function clientErrorAnswer(code: string | undefined): HttpError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    const limit = describeBytes(REQUEST_LIMITS.maxHeaderBytes);
    return new HttpError(
      431,
      'headers_too_large',
      `The request's headers (and URL) exceed the ${limit} this server takes.`,
    );
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new HttpError(408, 'timeout', 'The request was not received in time.');
  }
  return new HttpError(400, 'bad_request', `The request is not well-formed HTTP${code ? ` (${code})` : ''}.`);
}

/**
 * Fastify's clientErrorHandler: answers to requests Node's HTTP parser rejected before any route (or
 * hook) saw them, written to the socket with the contract's body and the security headers.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset or closed connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = clientErrorAnswer(error.code);
  const body = JSON.stringify(answer.body());
  const headers = [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Content-Length', String(Buffer.byteLength(body))],
    ['Connection', 'close'],
    ...RAW_SECURITY_HEADERS,
  ];
  if (socket.writable) {
    const head = headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n${head}\r\n${body}`);
  }
  socket.destroy(error);
}

/**
 * Fastify's frameworkErrors: a URL its router cannot decode (400) or a path parameter over the
 * limit (414). Hooks do not run for these, so the security headers are set here.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const answer =
    error.code === 'FST_ERR_BAD_URL'
      ? new HttpError(400, 'bad_request', 'The URL is malformed (a broken %-escape?).', { field: 'url' })
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new HttpError(
            414,
            'uri_too_long',
            `A path segment is longer than the ${REQUEST_LIMITS.maxParamLength} characters this server takes.`,
            { field: 'url' },
          )
        : new HttpError(500, 'internal', 'Internal error');
  void reply.headers(Object.fromEntries(RAW_SECURITY_HEADERS)).status(answer.status).send(answer.body());
}
