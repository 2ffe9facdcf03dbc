import { parseRegistryId } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { EntityMatcher, type MatchableEntity } from '../../src/resolution/entity-matcher.ts';
import { editDistance, foldedKey, latinKey, pinyinKey } from '../../src/resolution/match-keys.ts';
import { normaliseName } from '../../src/resolution/normalise-name.ts';

describe('name keys', () => {
  it('exact key: width, case, punctuation and legal suffixes', () => {
    expect(normaliseName('ＨＩＫＶＩＳＩＯＮ Co., Ltd.')).toBe('hikvision');
    expect(normaliseName('Thermo Fisher Scientific Inc.')).toBe('thermo fisher scientific');
    expect(normaliseName('杭州海康威视数字技术股份有限公司')).toBe('杭州海康威视数字技术');
    expect(normaliseName('海康威視有限公司')).toBe('海康威視');
    // The exact key keeps the script: traditional and simplified differ there.
    expect(normaliseName('海康威視')).not.toBe(normaliseName('海康威视'));
  });

  it('folded key: traditional and simplified characters meet', () => {
    expect(foldedKey('海康威視')).toBe('海康威视');
    expect(foldedKey('海康威視數字技術股份有限公司')).toBe('海康威视数字技术');
    expect(foldedKey('浙江大華技術股份有限公司')).toBe(foldedKey('浙江大华技术股份有限公司'));
    expect(foldedKey('臺灣')).toBe('台湾');
    expect(foldedKey('Seagate Technology LLC')).toBe('seagate technology');
  });

  it('pinyin key of a Chinese name equals the Latin key of its romanisation', () => {
    expect(pinyinKey('海康威视')).toBe('haikangweishi');
    expect(pinyinKey('海康威視')).toBe('haikangweishi');
    expect(latinKey('Haikang Weishi')).toBe('haikangweishi');
    expect(latinKey('HAIKANG-WEISHI Co., Ltd.')).toBe('haikangweishi');
    expect(pinyinKey('大华股份有限公司')).toBe('dahua');
    expect(pinyinKey('华')).toBeUndefined();
    expect(latinKey('海康')).toBeUndefined();
  });

  it('edit distance gives up past its bound', () => {
    expect(editDistance('westerndigital', 'westerndigitel', 1)).toBe(1);
    expect(editDistance('westerndigital', 'westerndigit', 1)).toBe(2);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });
});

describe('registry ids', () => {
  it('normalises USCC, EIN, CIK and SCHEME:value; refuses the rest', () => {
    expect(parseRegistryId('91330000733796106P')).toEqual({ id: 'USCC:91330000733796106P' });
    expect(parseRegistryId(' uscc: 91330000733796106p ')).toEqual({ id: 'USCC:91330000733796106P' });
    expect(parseRegistryId('９１３３００００７３３７９６１０６Ｐ')).toEqual({ id: 'USCC:91330000733796106P' });
    expect(parseRegistryId('EIN:942404110')).toEqual({ id: 'EIN:94-2404110' });
    expect(parseRegistryId('94-2404110')).toEqual({ id: 'EIN:94-2404110' });
    expect(parseRegistryId('CIK:320193')).toEqual({ id: 'CIK:0000320193' });
    expect(parseRegistryId('SZSE:002415')).toEqual({ id: 'SZSE:002415' });
    expect(parseRegistryId('91330000733796106X')).toEqual({
      error: '"91330000733796106X" is not a valid Unified Social Credit Code (its check character should be P)',
    });
    expect(parseRegistryId('hikvision')).toEqual({ error: expect.stringContaining('must be SCHEME:value') as string });
    expect(parseRegistryId('CIK:12ab')).toEqual({ error: '"CIK:12ab" is not a CIK (up to 10 digits)' });
  });
});

describe('EntityMatcher', () => {
  const hikvision: MatchableEntity = { id: 'hikvision', kind: 'Company', registryIds: ['USCC:91330000733796106P'] };
  const seagate: MatchableEntity = { id: 'seagate', kind: 'Company', registryIds: [] };
  const wd: MatchableEntity = { id: 'western-digital', kind: 'Company', registryIds: [] };
  const psb: MatchableEntity = { id: 'xj-psb', kind: 'PublicSecurityBody', registryIds: [] };
  const matcher = new EntityMatcher();
  matcher.add(hikvision, ['Hikvision', '海康威视', 'Hangzhou Hikvision Digital Technology Co., Ltd.'], true);
  matcher.add(seagate, ['Seagate Technology', '希捷'], true);
  matcher.add(wd, ['Western Digital Corporation'], true);
  matcher.add(psb, ['新疆维吾尔自治区公安厅'], true);
  const company = ['Company'] as const;
  const summary = (name: string, registryId?: string, allowed: readonly MatchableEntity['kind'][] = company) => {
    const r = matcher.resolve(name, registryId, allowed);
    if (r.status === 'new') {
      return {
        status: r.status,
        candidates: r.candidates.map((c) => [c.entity.id, c.reason, c.score]),
        refused: r.refused.map((x) => [x.entity.id, x.ours, x.theirs]),
      };
    }
    if (r.status === 'attach') return { status: r.status, id: r.entity.id, by: r.by };
    return { status: r.status };
  };

  it('attaches by exact key or registry id; registry ids outrank names', () => {
    expect(summary('HIKVISION有限公司')).toEqual({ status: 'attach', id: 'hikvision', by: 'name' });
    expect(summary('Some other name', 'USCC:91330000733796106P')).toEqual({
      status: 'attach',
      id: 'hikvision',
      by: 'registry-id',
    });
    expect(summary('希捷', 'USCC:91330000733796106P')).toEqual({
      status: 'attach',
      id: 'hikvision',
      by: 'registry-id',
    });
    expect(summary('海康威视', 'USCC:91330000733796106P', ['PublicSecurityBody'])).toEqual({ status: 'wrong-kind' });
  });

  it('refuses a name match when registry ids of one scheme differ', () => {
    expect(summary('Hikvision', 'USCC:91350100M000100Y43')).toEqual({
      status: 'new',
      candidates: [],
      refused: [['hikvision', 'USCC:91350100M000100Y43', 'USCC:91330000733796106P']],
    });
    // Another scheme does not conflict.
    expect(summary('Hikvision', 'SZSE:002415')).toEqual({ status: 'attach', id: 'hikvision', by: 'name' });
  });

  it('holds traditional characters, pinyin, containment and typos as candidates', () => {
    expect(summary('海康威視')).toEqual({
      status: 'new',
      candidates: [['hikvision', 'traditional-simplified', 0.95]],
      refused: [],
    });
    expect(summary('Haikang Weishi')).toEqual({
      status: 'new',
      candidates: [['hikvision', 'pinyin', 0.8]],
      refused: [],
    });
    expect(summary('杭州海康威视数字技术股份有限公司')).toEqual({
      status: 'new',
      candidates: [['hikvision', 'contains', 0.4]],
      refused: [],
    });
    expect(summary('Seagate')).toEqual({ status: 'new', candidates: [['seagate', 'contains', 0.41]], refused: [] });
    expect(summary('Westen Digital')).toEqual({
      status: 'new',
      candidates: [['western-digital', 'edit-distance', 0.93]],
      refused: [],
    });
  });

  it('does not hold short, unrelated or sub-unit names', () => {
    expect(summary('Seagat')).toEqual({ status: 'new', candidates: [], refused: [] });
    expect(summary('Dahua')).toEqual({ status: 'new', candidates: [], refused: [] });
    // A body inside the region's name is another body; kinds the field cannot name are not offered.
    expect(summary('新疆维吾尔自治区', undefined, ['GovernmentBody', 'PublicSecurityBody'])).toEqual({
      status: 'new',
      candidates: [],
      refused: [],
    });
    expect(summary('新疆维吾尔自治区公安厅')).toEqual({ status: 'new', candidates: [], refused: [] });
  });
});
