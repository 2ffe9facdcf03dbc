import type { EntityKind } from '@explorer/model';
import type { ManagedTransaction } from 'neo4j-driver';
import { normaliseName } from './normalise-name.ts';
import { EXISTING_NAMES, EXISTING_SOURCES_BY_URL } from './queries.ts';

export interface ExistingEntity {
  id: string;
  kind: EntityKind;
}

/** What the database already holds that rows may attach to: entities by name key, Sources by URL. */
export interface ExistingIndex {
  byKey: Map<string, ExistingEntity[]>;
  /** TechnologyCategory ids by their `area` (e.g. data-storage). */
  categoryByArea: Map<string, string>;
  sourceByUrl: Map<string, string>;
}

type Runner = Pick<ManagedTransaction, 'run'>;

/** Reads, inside the import's own transaction, the names and aliases of every entity a row could match. */
export async function readExistingIndex(tx: Runner, urls: readonly string[]): Promise<ExistingIndex> {
  const index: ExistingIndex = { byKey: new Map(), categoryByArea: new Map(), sourceByUrl: new Map() };
  const names = await tx.run(EXISTING_NAMES);
  for (const r of names.records) {
    const entity = { id: String(r.get('id')), kind: r.get('kind') as EntityKind };
    const keys = new Set(
      [r.get('name') as string, ...((r.get('aliases') as string[] | null) ?? [])].map(normaliseName),
    );
    for (const key of keys) {
      if (key === '') continue;
      const list = index.byKey.get(key) ?? [];
      list.push(entity);
      index.byKey.set(key, list);
    }
    const area = r.get('area') as string | null;
    if (entity.kind === 'TechnologyCategory' && area) index.categoryByArea.set(area, entity.id);
  }
  if (urls.length > 0) {
    const sources = await tx.run(EXISTING_SOURCES_BY_URL, { urls });
    for (const r of sources.records) index.sourceByUrl.set(String(r.get('url')), String(r.get('id')));
  }
  return index;
}
