import { ErrorBodySchema } from '@explorer/model';
import type { z } from 'zod';

/** An API answer that was not a success, with the contract's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** GETs an API path and validates the answer against the contract's response schema. */
export async function getJson<T extends z.ZodType>(
  path: string,
  schema: T,
  params: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  const url = `/api${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached. Is it running?');
  }
  return readAnswer(response, schema);
}

/** The validated body of a success, or an ApiError with the contract's code and message. */
async function readAnswer<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
      : new ApiError(response.status, 'unknown', `The server answered ${response.status}.`);
  }
  return schema.parse(body);
}

/** POSTs a JSON body to an API path and validates the answer like getJson. */
export async function postJson<T extends z.ZodType>(
  path: string,
  schema: T,
  body: unknown,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      signal,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached. Is it running?');
  }
  return readAnswer(response, schema);
}
