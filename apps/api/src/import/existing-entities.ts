import { parseRegistryId, type EntityKind } from '@explorer/model';
import type { ManagedTransaction } from 'neo4j-driver';
import { EntityMatcher } from '../resolution/entity-matcher.ts';
import type { NameProbe } from '../resolution/name-probe.ts';
import { normaliseName } from '../resolution/normalise-name.ts';
import { EXISTING_NAMES, EXISTING_SOURCES_BY_URL } from './queries.ts';

export interface ExistingEntity {
  id: string;
  kind: EntityKind;
}

/** What the database already holds that rows may attach to: entities by name key, Sources by URL. */
export interface ExistingIndex {
  byKey: Map<string, ExistingEntity[]>;
  /** The same entities with their registry ids and every key of entity resolution (certain and uncertain). */
  matcher: EntityMatcher;
  /** TechnologyCategory ids by their `area` (e.g. data-storage). */
  categoryByArea: Map<string, string>;
  sourceByUrl: Map<string, string>;
}

type Runner = Pick<ManagedTransaction, 'run'>;

/** A stored registry id as compared: normalised when it parses (CIK zero-padded, USCC upper case), else as stored. */
export function registryKey(stored: string): string {
  const parsed = parseRegistryId(stored);
  return 'id' in parsed ? parsed.id : stored;
}

/**
 * Reads, inside the import's own transaction, the names, aliases and registry ids of the entities a
 * row could match: with a `probe`, only those the file's names could meet (every entity's id is still
 * known, so a new entity never takes one). Rows are streamed, never held all at once.
 */
export async function readExistingIndex(
  tx: Runner,
  urls: readonly string[],
  probe?: NameProbe,
): Promise<ExistingIndex> {
  const index: ExistingIndex = {
    byKey: new Map(),
    matcher: new EntityMatcher(),
    categoryByArea: new Map(),
    sourceByUrl: new Map(),
  };
  for await (const r of tx.run(EXISTING_NAMES)) {
    const entity = { id: String(r.get('id')), kind: r.get('kind') as EntityKind };
    const allNames = [r.get('name') as string, ...((r.get('aliases') as string[] | null) ?? [])].filter(
      (n) => typeof n === 'string',
    );
    const ids = (r.get('registryIds') as unknown[]).map(String).map(registryKey);
    // Categories are few and looked up by area as well as by name.
    if (probe && entity.kind !== 'TechnologyCategory' && !probe.admits(allNames, ids)) {
      index.matcher.add({ ...entity, registryIds: [] }, [], false); // its id only
      continue;
    }
    index.matcher.add({ ...entity, registryIds: ids }, allNames, true);
    const keys = new Set(allNames.map(normaliseName));
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
