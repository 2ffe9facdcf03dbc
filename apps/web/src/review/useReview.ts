import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keepApart, listMerges, listOpenCandidates, mergeCandidate, undoMerge } from './reviewApi.ts';

const CANDIDATES_KEY = ['candidates', 'open'] as const;
const MERGES_KEY = ['merges'] as const;

/** The open candidate pairs, newest first. */
export function useOpenCandidates() {
  return useQuery({ queryKey: CANDIDATES_KEY, queryFn: listOpenCandidates, staleTime: 0 });
}

/** The recent merges, newest first, undone ones included. */
export function useMerges() {
  return useQuery({ queryKey: MERGES_KEY, queryFn: listMerges, staleTime: 0 });
}

/**
 * A decision changes entities (names, aliases, relationships), so every cached answer may be stale:
 * the explorer's searches and details are fetched again too.
 */
function useDecision<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries() });
}

export const useMerge = () => useDecision(mergeCandidate);
export const useKeepApart = () => useDecision(keepApart);
export const useUndoMerge = () => useDecision(undoMerge);
