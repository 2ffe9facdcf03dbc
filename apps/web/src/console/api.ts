import {
  ConsoleResponseSchema,
  SavedQueryErrorBodySchema,
  type ConsoleResponse,
  type JsonValue,
} from '@explorer/model';
import type { z } from 'zod';

/** A console answer that is not a result: refused (403), busy (429), Neo4j's error (400), timeout (504)… */
export class ConsoleRunError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly position: { line: number; column: number } | null = null,
  ) {
    super(message);
    this.name = 'ConsoleRunError';
  }
}

/**
 * Calls a console route; the answer is validated against `schema` (a 204 has no body), and an
 * error answer becomes a ConsoleRunError with the server's code, message and position in the query.
 */
export async function callConsoleApi<T extends z.ZodType>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  schema: T,
  body?: unknown,
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ConsoleRunError(0, 'network', 'The server cannot be reached. Is it running?');
  }
  const answer: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    // The saved-query routes answer the console's error codes and two more (404, 409): one schema reads both.
    const parsed = SavedQueryErrorBodySchema.safeParse(answer);
    if (!parsed.success)
      throw new ConsoleRunError(response.status, 'unknown', `The server answered ${response.status}.`);
    const { code, message, details } = parsed.data.error;
    throw new ConsoleRunError(response.status, code, message, details?.position ?? null);
  }
  return schema.parse(answer);
}

/** POSTs a query to /api/cypher; the answer is validated against the model's schema. */
export function runCypher(query: string, params: Record<string, JsonValue>): Promise<ConsoleResponse> {
  return callConsoleApi('POST', '/api/cypher', ConsoleResponseSchema, { query, params });
}
