import { ConsoleErrorBodySchema, ConsoleResponseSchema, type ConsoleResponse, type JsonValue } from '@explorer/model';

/** A console answer that is not a result: refused (403), busy (429), Neo4j's error (400), timeout (504). */
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

/** POSTs a query to /api/cypher; the answer is validated against the model's schema. */
export async function runCypher(query: string, params: Record<string, JsonValue>): Promise<ConsoleResponse> {
  let response: Response;
  try {
    response = await fetch('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, params }),
    });
  } catch {
    throw new ConsoleRunError(0, 'network', 'The server cannot be reached. Is it running?');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ConsoleErrorBodySchema.safeParse(body);
    if (!parsed.success)
      throw new ConsoleRunError(response.status, 'unknown', `The server answered ${response.status}.`);
    const { code, message, details } = parsed.data.error;
    throw new ConsoleRunError(response.status, code, message, details?.position ?? null);
  }
  return ConsoleResponseSchema.parse(body);
}
