import { deletions, innerRuns, innerStrings } from './entity-matcher.ts';
import { MIN_CONTAINED, compact, editBudget, nameKeys } from './match-keys.ts';

/**
 * What a file names (names and registry ids), asked of each name the database holds: could the two
 * ever be matched? An import then indexes only the database entities its file could meet, not every
 * one: at a million entities, indexing them all ran the import out of memory.
 *
 * It asks the EntityMatcher's questions the other way round, as set lookups with no scoring, kind or
 * registry-id check (the matcher decides afterwards): the same key, folded or pinyin; the database's
 * name inside one of the file's, or one of the file's inside it; long Latin names one edit apart.
 */
export class NameProbe {
  private readonly keys = new Set<string>();
  /** Pinyin keys of the file's Chinese names and Latin keys of its Latin ones. */
  private readonly pinyin = new Set<string>();
  private readonly latin = new Set<string>();
  /** The file's names whole (compact Chinese, folded Latin): for "one of the file's names inside this one". */
  private readonly wholes = new Set<string>();
  /** Every inner part of the file's names: for "this name inside one of the file's". */
  private readonly insides = new Set<string>();
  /** Long Latin names, whole and with one letter left out. */
  private readonly near = new Set<string>();
  private readonly registryIds: ReadonlySet<string>;

  /** `registryIds` as the matcher compares them ("SCHEME:value", normalised). */
  constructor(names: Iterable<string>, registryIds: Iterable<string>) {
    for (const name of new Set(names)) {
      const k = nameKeys(name);
      if (k.exact === '') continue;
      this.keys.add(k.exact).add(k.folded);
      if (k.pinyin) this.pinyin.add(k.pinyin);
      if (k.latin) this.latin.add(k.latin);
      const whole = compact(k.folded);
      this.wholes.add(k.han ? whole : k.folded);
      const inner = k.han ? innerStrings(whole, MIN_CONTAINED.han) : innerRuns(k.folded.split(' '));
      for (const part of inner) this.insides.add(part);
      if (!k.han && editBudget(whole.length) > 0) {
        this.near.add(whole);
        for (const variant of deletions(whole)) this.near.add(variant);
      }
    }
    this.registryIds = new Set(registryIds);
  }

  /** Whether an entity with these names and registry ids could match anything the file names. */
  admits(names: readonly string[], registryIds: readonly string[]): boolean {
    return registryIds.some((id) => this.registryIds.has(id)) || names.some((name) => this.admitsName(name));
  }

  private admitsName(name: string): boolean {
    const k = nameKeys(name);
    if (k.exact === '') return false;
    if (this.keys.has(k.exact) || this.keys.has(k.folded)) return true;
    if ((k.pinyin && this.latin.has(k.pinyin)) || (k.latin && this.pinyin.has(k.latin))) return true;
    const whole = compact(k.folded);
    if (this.insides.has(k.han ? whole : k.folded)) return true;
    const inner = k.han ? innerStrings(whole, MIN_CONTAINED.han) : innerRuns(k.folded.split(' '));
    if (inner.some((part) => this.wholes.has(part))) return true;
    if (k.han || editBudget(whole.length) === 0) return false;
    return this.near.has(whole) || deletions(whole).some((variant) => this.near.has(variant));
  }
}
