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

/** fetch, with "the server cannot be reached" as an ApiError (an abort stays an abort). */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached. Is it running?');
  }
}

/** The ApiError a failed answer stands for, with the contract's code and message when it has them. */
async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ErrorBodySchema.safeParse(body);
  return parsed.success
    ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
    : new ApiError(response.status, 'unknown', `The server answered ${response.status}.`);
}

/** The validated body of a success, or an ApiError with the contract's code and message. */
async function readAnswer<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}

const jsonPost = (body: unknown, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  signal,
  headers: { accept: 'application/json', 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

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
  return readAnswer(await send(url, { signal, headers: { accept: 'application/json' } }), schema);
}

/** POSTs a JSON body to an API path and validates the answer like getJson. */
export async function postJson<T extends z.ZodType>(
  path: string,
  schema: T,
  body: unknown,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  return readAnswer(await send(`/api${path}`, jsonPost(body, signal)), schema);
}

/** A file the API sent as a download. */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition; null when the server named none. */
  fileName: string | null;
}

/** POSTs a JSON body and reads the file the API answers, reporting the bytes received as they come. */
export async function postForFile(
  path: string,
  body: unknown,
  onProgress: (bytes: number) => void = () => {},
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  const response = await send(`/api${path}`, jsonPost(body, signal));
  if (!response.ok) throw await toApiError(response);
  const chunks: BlobPart[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    chunks.push(part.value);
    received += part.value.byteLength;
    onProgress(received);
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null;
  return { blob: new Blob(chunks, { type: response.headers.get('content-type') ?? '' }), fileName };
}
