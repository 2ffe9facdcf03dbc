import { ENTITY_KINDS } from '@explorer/model';
import { EntityMatcher } from './entity-matcher.ts';

/**
 * What a file names (names and registry ids), asked of each name the database holds: could the two
 * ever be matched? An import then indexes only the database entities its file could meet, not every
 * one: at a million entities, indexing them all ran the import out of memory.
 *
 * Matching is symmetric (equal keys, one name inside the other either way, one edit apart), so asking
 * an index of the file's names about a database name finds the pairs the converse would, and a few
 * more (no kind or registry-id filter here): the matcher decides afterwards.
 */
export class NameProbe {
  private readonly matcher = new EntityMatcher();
  private readonly registryIds: ReadonlySet<string>;

  /** `registryIds` as the matcher compares them ("SCHEME:value", normalised). */
  constructor(names: Iterable<string>, registryIds: Iterable<string>) {
    let i = 0;
    for (const name of new Set(names)) {
      this.matcher.add({ id: `probe:${i++}`, kind: 'Company', registryIds: [] }, [name], true);
    }
    this.registryIds = new Set(registryIds);
  }

  /** Whether an entity with these names and registry ids could match anything the file names. */
  admits(names: readonly string[], registryIds: readonly string[]): boolean {
    if (registryIds.some((id) => this.registryIds.has(id))) return true;
    return names.some((name) => {
      const found = this.matcher.resolve(name, undefined, ENTITY_KINDS);
      return found.status !== 'new' || found.candidates.length > 0;
    });
  }
}
