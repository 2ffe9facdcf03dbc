import {
  CandidateListResponseSchema,
  CandidateResponseSchema,
  MergeListResponseSchema,
  MergeResponseSchema,
  ResolutionErrorBodySchema,
  type MatchCandidate,
  type MergeRecord,
  type MergeResponse,
} from '@explorer/model';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

/** The calls to /api/candidates and /api/merges (README: Entity resolution). */

async function call<T extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: T, body?: unknown) {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Is it running?');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    // These routes answer 409 ("conflict") too, with a message saying why.
    const parsed = ResolutionErrorBodySchema.safeParse(json);
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
      : new ApiError(response.status, 'unknown', `The server answered ${response.status}.`);
  }
  return schema.parse(json) as z.infer<T>;
}

export async function listOpenCandidates(): Promise<MatchCandidate[]> {
  return (await call('GET', '/candidates?status=open&limit=100', CandidateListResponseSchema)).candidates;
}

export async function listMerges(): Promise<MergeRecord[]> {
  return (await call('GET', '/merges?limit=20', MergeListResponseSchema)).merges;
}

export function mergeCandidate(input: { id: string; keep: string; by: string }): Promise<MergeResponse> {
  return call('POST', `/candidates/${encodeURIComponent(input.id)}/merge`, MergeResponseSchema, {
    keep: input.keep,
    by: input.by,
  });
}

export async function keepApart(input: { id: string; by: string }): Promise<MatchCandidate> {
  return (
    await call('POST', `/candidates/${encodeURIComponent(input.id)}/keep-apart`, CandidateResponseSchema, {
      by: input.by,
    })
  ).candidate;
}

export function undoMerge(input: { id: string; by: string }): Promise<MergeResponse> {
  return call('POST', `/merges/${encodeURIComponent(input.id)}/undo`, MergeResponseSchema, { by: input.by });
}
