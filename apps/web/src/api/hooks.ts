// Every piece of server state the web app reads, as TanStack Query hooks typed by the model.
import {
  BoundedGraphResponseSchema,
  ConnectResponseSchema,
  EntityResponseSchema,
  HealthResponseSchema,
  NeighborsResponseSchema,
  PathsResponseSchema,
  RelationshipResponseSchema,
  SearchResponseSchema,
  TraceResponseSchema,
  type EntityKind,
  type RelationshipType,
} from '@explorer/model';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError, getJson, postJson } from './client.ts';

const retryUnlessClientError = (count: number, error: Error) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2;

export function useSearch(q: string, kinds: readonly EntityKind[]) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text, kinds],
    queryFn: ({ signal }) =>
      getJson('/search', SearchResponseSchema, { q: text, kinds: kinds.join(','), limit: '25' }, signal),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

export function useEntity(id: string | null) {
  return useQuery({
    queryKey: ['entity', id],
    queryFn: ({ signal }) => getJson(`/entities/${encodeURIComponent(id ?? '')}`, EntityResponseSchema, {}, signal),
    enabled: id !== null,
    retry: retryUnlessClientError,
  });
}

// ---- explorer canvas ----

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => getJson('/health', HealthResponseSchema, {}, signal),
    refetchInterval: 15_000,
    staleTime: 5_000,
    retry: false,
  });
}

export function useRelationship(id: string | null) {
  return useQuery({
    queryKey: ['relationship', id],
    queryFn: ({ signal }) =>
      getJson(`/relationships/${encodeURIComponent(id ?? '')}`, RelationshipResponseSchema, {}, signal),
    enabled: id !== null,
    retry: retryUnlessClientError,
  });
}

export interface NeighborsParams {
  types?: readonly RelationshipType[];
  limit?: number;
}

const neighborsQuery = (id: string, params: NeighborsParams) => ({
  queryKey: ['neighbors', id, params.types ?? [], params.limit ?? 100],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    getJson(
      `/entities/${encodeURIComponent(id)}/neighbors`,
      BoundedGraphResponseSchema,
      { types: (params.types ?? []).join(','), limit: String(params.limit ?? 100) },
      signal,
    ),
  retry: retryUnlessClientError,
});

/**
 * The entity's neighbourhood page by page, for the detail panel's relationship list: a hub has tens
 * of thousands of links, so the next page is read only when asked for (`fetchNextPage`).
 */
export function useNeighborPages(id: string, params: NeighborsParams = {}) {
  return useInfiniteQuery({
    queryKey: ['neighbor-pages', id, params.types ?? [], params.limit ?? 100],
    queryFn: ({ signal, pageParam }: { signal: AbortSignal; pageParam: string | null }) =>
      getJson(
        `/entities/${encodeURIComponent(id)}/neighbors`,
        NeighborsResponseSchema,
        {
          types: (params.types ?? []).join(','),
          limit: String(params.limit ?? 100),
          ...(pageParam === null ? {} : { cursor: pageParam }),
        },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: retryUnlessClientError,
  });
}

export interface PathsParams {
  from: string;
  to: string;
  maxHops: number;
  types: readonly RelationshipType[];
  mode: 'shortest' | 'k';
  k: number;
}

/** Paths between two entities; runs when `params` is given (the user pressed "Find paths"). */
export function usePaths(params: PathsParams | null) {
  return useQuery({
    queryKey: ['paths', params],
    queryFn: ({ signal }) =>
      getJson(
        '/paths',
        PathsResponseSchema,
        {
          from: params?.from,
          to: params?.to,
          maxHops: String(params?.maxHops),
          types: params?.types.join(','),
          mode: params?.mode,
          k: String(params?.k),
        },
        signal,
      ),
    enabled: params !== null,
    retry: retryUnlessClientError,
  });
}

/**
 * Imperative reads for canvas actions (expand, trace, connect, reopening a link): each goes through the
 * query cache, so the same request is not sent twice in a minute.
 */
export function useCanvasFetchers() {
  const client = useQueryClient();
  return useMemo(
    () => ({
      neighbors: (id: string, params: NeighborsParams = {}) => client.fetchQuery(neighborsQuery(id, params)),
      trace: (from: string, direction: 'downstream' | 'upstream', maxHops: number) =>
        client.fetchQuery({
          queryKey: ['trace', from, direction, maxHops],
          queryFn: ({ signal }) =>
            getJson('/trace', TraceResponseSchema, { from, direction, maxHops: String(maxHops) }, signal),
        }),
      connect: (ids: readonly string[]) =>
        client.fetchQuery({
          queryKey: ['connect', [...ids].sort()],
          queryFn: ({ signal }) => postJson('/graph/connect', ConnectResponseSchema, { ids }, signal),
          staleTime: 0,
        }),
    }),
    [client],
  );
}
