import { ENTITY_KINDS } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { EntityMatcher, type MatchableEntity } from '../../src/resolution/entity-matcher.ts';
import { NameProbe } from '../../src/resolution/name-probe.ts';

/** The database side: entities with their names, as readExistingIndex would add them. */
const DATABASE: Array<[MatchableEntity, string[]]> = [
  [{ id: 'hikvision', kind: 'Company', registryIds: [] }, ['Hikvision', '海康威视']],
  [{ id: 'hik-digital', kind: 'Company', registryIds: [] }, ['杭州海康威视数字技术股份有限公司']],
  [{ id: 'seagate', kind: 'Company', registryIds: [] }, ['Seagate Technology', '希捷']],
  [{ id: 'western-digital', kind: 'Company', registryIds: [] }, ['Western Digital Corporation']],
  [{ id: 'thermo', kind: 'Company', registryIds: ['USCC:91330000733796106P'] }, ['Some Other Name']],
  // Unrelated to every name of the file.
  [{ id: 'dahua', kind: 'Company', registryIds: ['USCC:91350100M000100Y43'] }, ['Dahua Technology', '大华股份']],
  [{ id: 'kunming', kind: 'Company', registryIds: [] }, ['昆明景泰智能科技有限公司']],
  [{ id: 'xj-psb', kind: 'PublicSecurityBody', registryIds: [] }, ['新疆维吾尔自治区公安厅']],
];

/** The file side: names written the ways rows write them (case, script, pinyin, part of a name, a typo). */
const FILE_NAMES = ['HIKVISION有限公司', '海康威視', 'Haikang Weishi', 'Seagate', 'Westen Digital', '海康威视'];
const FILE_REGISTRY_IDS = ['USCC:91330000733796106P'];

describe('the name probe (which database entities an import indexes)', () => {
  it('admits every entity the matcher pairs with a name of the file, and no other', () => {
    const matcher = new EntityMatcher();
    for (const [entity, names] of DATABASE) matcher.add(entity, names, true);
    const paired = new Set<string>();
    for (const name of FILE_NAMES) {
      const found = matcher.resolve(name, undefined, ENTITY_KINDS);
      if (found.status === 'attach') paired.add(found.entity.id);
      if (found.status === 'ambiguous') for (const e of found.entities) paired.add(e.id);
      if (found.status === 'new') for (const c of found.candidates) paired.add(c.entity.id);
    }
    for (const id of FILE_REGISTRY_IDS) {
      const found = matcher.resolve('?', id, ENTITY_KINDS);
      if (found.status === 'attach') paired.add(found.entity.id);
    }
    // By exact key, traditional characters, pinyin, containment either way, one edit, and registry id.
    expect([...paired].sort()).toEqual(['hik-digital', 'hikvision', 'seagate', 'thermo', 'western-digital']);

    const probe = new NameProbe(FILE_NAMES, FILE_REGISTRY_IDS);
    const admitted = DATABASE.filter(([entity, names]) => probe.admits(names, entity.registryIds)).map(([e]) => e.id);
    expect(admitted.sort()).toEqual([...paired].sort());
  });
});
