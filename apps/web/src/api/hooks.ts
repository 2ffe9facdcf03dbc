// Every piece of server state the web app reads, as TanStack Query hooks typed by the model.
import { EntityResponseSchema, SearchResponseSchema, type EntityKind } from '@explorer/model';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, getJson } from './client.ts';

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
