import type { SearchResult } from '@explorer/model';

const normalise = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Documents rank below the entities they mention: a reader searching "西部数据" wants the company. */
const SOURCE_WEIGHT = 0.5;
/** An exact name or alias match outranks any partial or fuzzy one. */
const EXACT_MATCH_BONUS = 100;

/** Orders full-text hits for a reader: exact names first, then Lucene's relevance, sources last. */
export function rankSearchResults(query: string, hits: readonly SearchResult[], limit: number): SearchResult[] {
  const wanted = normalise(query);
  return hits
    .map((hit) => {
      const exact = [hit.name, ...hit.aliases].some((name) => normalise(name) === wanted);
      const score = hit.score * (hit.kind === 'Source' ? SOURCE_WEIGHT : 1) + (exact ? EXACT_MATCH_BONUS : 0);
      return { ...hit, score };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}
