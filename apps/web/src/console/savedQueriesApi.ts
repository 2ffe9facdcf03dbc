import { SavedQueryListResponseSchema, SavedQuerySchema, type JsonValue, type SavedQuery } from '@explorer/model';
import { z } from 'zod';
import { callConsoleApi } from './api.ts';

/** The calls to /api/saved-queries; errors are ConsoleRunErrors, as the console's own. */

export async function listSavedQueries(): Promise<SavedQuery[]> {
  return (await callConsoleApi('GET', '/api/saved-queries', SavedQueryListResponseSchema)).savedQueries;
}

export function getSavedQuery(id: string): Promise<SavedQuery> {
  return callConsoleApi('GET', `/api/saved-queries/${encodeURIComponent(id)}`, SavedQuerySchema);
}

export function saveQuery(input: {
  name: string;
  query: string;
  params: Record<string, JsonValue>;
}): Promise<SavedQuery> {
  return callConsoleApi('POST', '/api/saved-queries', SavedQuerySchema, input);
}

export async function deleteSavedQuery(id: string): Promise<void> {
  await callConsoleApi('DELETE', `/api/saved-queries/${encodeURIComponent(id)}`, z.undefined());
}

/** The page link that opens the console on a saved query and runs it. */
export function savedQueryLink(id: string, origin = window.location.origin): string {
  return `${origin}/console?saved=${encodeURIComponent(id)}`;
}
