import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedQuery } from '@explorer/model';
import { useEffect, useRef, useState } from 'react';
import { deleteSavedQuery, getSavedQuery, listSavedQueries, saveQuery } from './savedQueriesApi.ts';

const LIST_KEY = ['saved-queries'] as const;

/** The server's saved queries, newest first. */
export function useSavedQueries() {
  return useQuery({ queryKey: LIST_KEY, queryFn: listSavedQueries, staleTime: 0 });
}

/**
 * The page link `/console?saved=<id>`: fetches that saved query once and hands it to `open` (which
 * loads and runs it). Returns why it could not be opened, if so.
 */
export function useSavedQueryLink(open: (saved: SavedQuery) => void): Error | null {
  const [id] = useState(() => new URLSearchParams(window.location.search).get('saved'));
  const client = useQueryClient();
  const [error, setError] = useState<Error | null>(null);
  const latestOpen = useRef(open);
  useEffect(() => {
    latestOpen.current = open;
  });
  const started = useRef(false);
  useEffect(() => {
    if (!id || started.current) return;
    started.current = true;
    client
      .fetchQuery({ queryKey: [...LIST_KEY, id], queryFn: () => getSavedQuery(id), retry: false })
      .then((saved) => latestOpen.current(saved), setError);
  }, [id, client]);
  return error;
}

export function useSaveQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveQuery,
    onSuccess: () => client.invalidateQueries({ queryKey: LIST_KEY }),
  });
}

export function useDeleteSavedQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedQuery,
    onSuccess: () => client.invalidateQueries({ queryKey: LIST_KEY }),
  });
}
