import { registryScheme, type EntityKind, type MatchReason } from '@explorer/model';
import { MIN_CONTAINED, addsSubUnit, compact, editBudget, editDistance, nameKeys } from './match-keys.ts';

export interface MatchableEntity {
  id: string;
  kind: EntityKind;
  /** "SCHEME:value", normalised. */
  registryIds: readonly string[];
}

/** An uncertain match: held for review, never merged by itself. */
export interface CandidateMatch {
  entity: MatchableEntity;
  /** The entity's name or alias that matched. */
  name: string;
  reason: MatchReason;
  /** 0–1. */
  score: number;
}

/** A match turned down because both entities carry registry ids of one scheme that differ. */
export interface RefusedMatch {
  entity: MatchableEntity;
  name: string;
  ours: string;
  theirs: string;
}

export type Resolution =
  /** Certainly this entity: the same registry id, or the same exact name key. */
  | { status: 'attach'; entity: MatchableEntity; by: 'registry-id' | 'name' }
  /** More than one entity certainly matches: the caller cannot tell which. */
  | { status: 'ambiguous'; by: 'registry-id' | 'name'; entities: MatchableEntity[] }
  /** The registry id belongs to an entity of a kind the field cannot name. */
  | { status: 'wrong-kind'; entity: MatchableEntity; registryId: string }
  /** A new entity, with the uncertain matches to hold for review and the matches refused. */
  | { status: 'new'; candidates: CandidateMatch[]; refused: RefusedMatch[] };

interface NameEntry {
  entity: MatchableEntity;
  name: string;
  /** normaliseName of the name. */
  exact: string;
  /** Folded key without spaces. */
  compact: string;
  /** Words of the folded key (Latin names). */
  tokens: string[];
  /** The folded key between spaces: " a b c " holds " b c " when the words b c are in it. */
  spaced: string;
  han: boolean;
}

/** Candidates one name may raise at most: the best ones. */
const MAX_CANDIDATES = 3;
/** A word or Chinese pair shared by more names than this is too common to search containment by. */
const MAX_POSTING = 5000;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Registry ids of one scheme that differ: the two entities are certainly not one. */
export function registryConflict(a: readonly string[], b: readonly string[]): [string, string] | undefined {
  for (const x of a) {
    for (const y of b) if (x !== y && registryScheme(x) === registryScheme(y)) return [x, y];
  }
  return undefined;
}

/** Contiguous runs of words, as text: "a b c" → "a", "a b", "b", … (not the whole). */
export function innerRuns(tokens: readonly string[]): string[] {
  const runs: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= tokens.length; j++) if (j - i < tokens.length) runs.push(tokens.slice(i, j).join(' '));
  }
  return runs;
}

/** Every substring of at least `min` characters, but not the whole. */
export function innerStrings(text: string, min: number): string[] {
  const chars = [...text];
  const found = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + min; j <= chars.length; j++) if (j - i < chars.length) found.add(chars.slice(i, j).join(''));
  }
  return [...found];
}

/** Chinese character pairs of a key: the units containment is searched by. */
function pairs(text: string): string[] {
  const chars = [...text];
  return chars.slice(0, -1).map((c, i) => c + (chars[i + 1] ?? ''));
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** A key with one character left out, at each place: two keys one edit apart share one of these (or are one). */
export function deletions(key: string): string[] {
  const found = new Set<string>();
  if (!SURROGATE.test(key)) {
    // One UTF-16 unit per character: slicing gives the same strings as splitting into characters.
    for (let i = 0; i < key.length; i++) found.add(key.slice(0, i) + key.slice(i + 1));
    return [...found];
  }
  const chars = [...key];
  for (let i = 0; i < chars.length; i++) found.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  return [...found];
}

/**
 * Every entity a name may be matched to, by exact key, registry id and the fuzzier keys of
 * match-keys.ts. Entities an import plans are added as it goes, so that two rows of one file meet too.
 */
export class EntityMatcher {
  private readonly byKey = new Map<string, Map<string, MatchableEntity>>();
  private readonly byRegistryId = new Map<string, Map<string, MatchableEntity>>();
  private readonly byFolded = new Map<string, NameEntry[]>();
  private readonly byPinyin = new Map<string, NameEntry[]>();
  private readonly byLatin = new Map<string, NameEntry[]>();
  /** Compact Chinese keys and Latin word runs, for "the other name is inside this one". */
  private readonly byWhole = new Map<string, NameEntry[]>();
  /** Chinese pairs and Latin words, for "this name is inside the other one". */
  private readonly byUnit = new Map<string, NameEntry[]>();
  /** Long Latin keys, whole (byCompact) and with one character left out (byDeletion), for one-edit typos. */
  private readonly byCompact = new Map<string, NameEntry[]>();
  private readonly byDeletion = new Map<string, NameEntry[]>();
  private readonly ids = new Set<string>();

  /**
   * `parent`: the entities of the database, shared by every plan of a file; this matcher adds the
   * entities one plan creates, so that planning again (without some rows) starts from the database.
   */
  constructor(private readonly parent?: EntityMatcher) {}

  /** Calls `visit` with every value under `key`, this matcher's and its parent's, without copying lists. */
  private each<V>(pick: (m: EntityMatcher) => Map<string, V[]>, key: string, visit: (value: V) => void): void {
    // An index loop: called for every inner part and deletion of every name, mostly finding nothing.
    if (this.parent) this.parent.each(pick, key, visit);
    const values = pick(this).get(key);
    if (values === undefined) return;
    for (let i = 0; i < values.length; i++) visit(values[i] as V);
  }

  private count<V>(pick: (m: EntityMatcher) => Map<string, V[]>, key: string): number {
    return (pick(this).get(key)?.length ?? 0) + (this.parent?.count(pick, key) ?? 0);
  }

  private findEntities(
    pick: (m: EntityMatcher) => Map<string, Map<string, MatchableEntity>>,
    key: string,
  ): MatchableEntity[] {
    const found = new Map<string, MatchableEntity>(this.parent?.findEntities(pick, key).map((e) => [e.id, e]));
    for (const [id, e] of pick(this).get(key) ?? []) if (!found.has(id)) found.set(id, e);
    return [...found.values()];
  }

  /** Adds an entity under its names. `exact`: also under its exact keys (entities already in the database). */
  add(entity: MatchableEntity, names: readonly string[], exact: boolean): void {
    this.ids.add(entity.id);
    for (const registryId of entity.registryIds) {
      const map = this.byRegistryId.get(registryId) ?? new Map<string, MatchableEntity>();
      map.set(entity.id, entity);
      this.byRegistryId.set(registryId, map);
    }
    const seen = new Set<string>();
    for (const name of names) {
      const keys = nameKeys(name);
      if (keys.exact === '') continue;
      if (exact) {
        const map = this.byKey.get(keys.exact) ?? new Map<string, MatchableEntity>();
        map.set(entity.id, entity);
        this.byKey.set(keys.exact, map);
      }
      const { folded, han } = keys;
      if (seen.has(folded)) continue;
      seen.add(folded);
      const entry: NameEntry = {
        entity,
        name,
        exact: keys.exact,
        compact: compact(folded),
        tokens: folded.split(' '),
        spaced: ` ${folded} `,
        han,
      };
      push(this.byFolded, folded, entry);
      if (keys.pinyin) push(this.byPinyin, keys.pinyin, entry);
      if (keys.latin) push(this.byLatin, keys.latin, entry);
      push(this.byWhole, han ? entry.compact : folded, entry);
      for (const unit of new Set(han ? pairs(entry.compact) : entry.tokens)) push(this.byUnit, unit, entry);
      if (!han && editBudget(entry.compact.length) > 0) {
        push(this.byCompact, entry.compact, entry);
        for (const variant of deletions(entry.compact)) push(this.byDeletion, variant, entry);
      }
    }
  }

  /** Whether an entity with this id is known (so a new entity must not take it). */
  has(id: string): boolean {
    return this.ids.has(id) || (this.parent?.has(id) ?? false);
  }

  /**
   * What a name (and the registry id its record gives) resolves to among entities of the allowed
   * kinds. Registry ids outrank names; an exact key attaches unless the registry ids of one scheme
   * differ; anything fuzzier is a candidate. `fuzzy: false` looks only at folded and pinyin keys.
   */
  resolve(
    name: string,
    registryId: string | undefined,
    allowed: readonly EntityKind[],
    options: { fuzzy: boolean } = { fuzzy: true },
  ): Resolution {
    const ours = registryId ? [registryId] : [];
    if (registryId) {
      const holders = this.findEntities((m) => m.byRegistryId, registryId);
      const wrongKind = holders.find((e) => !allowed.includes(e.kind));
      if (wrongKind) return { status: 'wrong-kind', entity: wrongKind, registryId };
      if (holders.length > 1) return { status: 'ambiguous', by: 'registry-id', entities: holders };
      if (holders[0]) return { status: 'attach', entity: holders[0], by: 'registry-id' };
    }

    const refused: RefusedMatch[] = [];
    const compatible = (entity: MatchableEntity, matchedName: string) => {
      const conflict = registryConflict(ours, entity.registryIds);
      if (conflict && !refused.some((r) => r.entity.id === entity.id)) {
        refused.push({ entity, name: matchedName, ours: conflict[0], theirs: conflict[1] });
      }
      return !conflict;
    };

    const keys = nameKeys(name);
    const key = keys.exact;
    const exact = this.findEntities((m) => m.byKey, key).filter((e) => allowed.includes(e.kind) && compatible(e, name));
    if (exact.length > 1) return { status: 'ambiguous', by: 'name', entities: exact };
    if (exact[0]) return { status: 'attach', entity: exact[0], by: 'name' };

    const found = new Map<string, CandidateMatch>();
    const offer = (entry: NameEntry, reason: MatchReason, score: number) => {
      if (!allowed.includes(entry.entity.kind) || !compatible(entry.entity, entry.name)) return;
      const prior = found.get(entry.entity.id);
      if (!prior || prior.score < score)
        found.set(entry.entity.id, { entity: entry.entity, name: entry.name, reason, score });
    };

    const { folded } = keys;
    this.each(
      (m) => m.byFolded,
      folded,
      // Equal exact keys would have attached above; equal folded keys differ only in the script.
      (entry) => entry.exact !== key && offer(entry, 'traditional-simplified', 0.95),
    );
    if (keys.pinyin)
      this.each(
        (m) => m.byLatin,
        keys.pinyin,
        (entry) => offer(entry, 'pinyin', 0.8),
      );
    if (keys.latin)
      this.each(
        (m) => m.byPinyin,
        keys.latin,
        (entry) => offer(entry, 'pinyin', 0.8),
      );

    if (options.fuzzy && folded !== '') this.nearNames(folded, keys.han, offer);

    const candidates = [...found.values()]
      .sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id))
      .slice(0, MAX_CANDIDATES);
    return { status: 'new', candidates, refused };
  }

  /** Names one of which contains the other, and long Latin names a letter or two apart. */
  private nearNames(
    folded: string,
    han: boolean,
    offer: (entry: NameEntry, reason: MatchReason, score: number) => void,
  ): void {
    const mine = compact(folded);
    const tokens = folded.split(' ');
    const spaced = ` ${folded} `;
    const containsScore = (a: string, b: string) =>
      Math.round((Math.min(a.length, b.length) / Math.max(a.length, b.length)) * 100) / 100;
    const long = (text: string) => text.length >= (han ? MIN_CONTAINED.han : MIN_CONTAINED.latin);

    // Another name inside this one.
    for (const text of han ? innerStrings(mine, MIN_CONTAINED.han) : innerRuns(tokens)) {
      this.each(
        (m) => m.byWhole,
        text,
        (entry) => {
          if (entry.han !== han || !long(entry.compact)) return;
          if (han && addsSubUnit(mine, entry.compact)) return;
          offer(entry, 'contains', containsScore(entry.compact, mine));
        },
      );
    }

    // This name inside another: search by its rarest unit, then check.
    if (long(mine)) {
      const units = han ? pairs(mine) : tokens;
      let rarest = '';
      let size = Infinity;
      for (const unit of units) {
        const n = this.count((m) => m.byUnit, unit);
        if (n < size) [rarest, size] = [unit, n];
      }
      if (size <= MAX_POSTING) {
        this.each(
          (m) => m.byUnit,
          rarest,
          (entry) => {
            if (entry.han !== han || entry.compact === mine) return;
            const inside = han
              ? entry.compact.includes(mine) && !addsSubUnit(entry.compact, mine)
              : entry.spaced.includes(spaced);
            if (inside) offer(entry, 'contains', containsScore(entry.compact, mine));
          },
        );
      }
    }

    // Long Latin names a letter apart: one is the other with a letter left out, or both are the same
    // once one letter is left out of each (a letter changed). Checked, since a swap of two letters also meets.
    if (han || editBudget(mine.length) === 0) return;
    const found = new Set<NameEntry>();
    const add = (entry: NameEntry) => found.add(entry);
    this.each((m) => m.byDeletion, mine, add);
    for (const variant of deletions(mine)) {
      this.each((m) => m.byCompact, variant, add);
      this.each((m) => m.byDeletion, variant, add);
    }
    for (const entry of found) {
      if (entry.compact === mine || editBudget(entry.compact.length) === 0) continue;
      const distance = editDistance(mine, entry.compact, 1);
      if (distance <= 1) {
        offer(
          entry,
          'edit-distance',
          Math.round((1 - distance / Math.max(mine.length, entry.compact.length)) * 100) / 100,
        );
      }
    }
  }
}
