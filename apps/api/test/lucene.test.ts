import { describe, expect, it } from 'vitest';
import { FULLTEXT_INDEXES } from '@explorer/model';
import { cjkQuery, escapeLucene, hasCjk, latinQuery, searchLookups } from '../src/search/lucene.ts';
import { rankSearchResults } from '../src/search/ranking.ts';

describe('full-text query building', () => {
  it('escapes every Lucene operator', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o',
    );
  });

  it('requires every word, allowing prefixes and typos in longer words', () => {
    expect(latinQuery('Western Digitl')).toBe(
      '+(western^4 OR western*^2 OR western~2) +(digitl^4 OR digitl*^2 OR digitl~1)',
    );
    expect(latinQuery('WD')).toBe('+(wd^4 OR wd*^2)');
    // The first pass of a search: exact words and prefixes only.
    expect(latinQuery('Western Digitl', { fuzzy: false })).toBe('+(western^4 OR western*^2) +(digitl^4 OR digitl*^2)');
  });

  it('searches exact words and prefixes, then CJK pairs, and typos only when those find too few', () => {
    expect(searchLookups('Western Digitl 西部数据').map((l) => [l.index, l.onlyIfFewer])).toEqual([
      [FULLTEXT_INDEXES.latin, false],
      [FULLTEXT_INDEXES.cjk, false],
      [FULLTEXT_INDEXES.latin, true],
    ]);
    expect(searchLookups('Western Digitl')[1]?.query).toBe(latinQuery('Western Digitl'));
    // Short words get no typo tolerance, so there is no second pass.
    expect(searchLookups('WD')).toEqual([
      { index: FULLTEXT_INDEXES.latin, query: '+(wd^4 OR wd*^2)', onlyIfFewer: false },
    ]);
    expect(searchLookups('西部数据').map((l) => l.index)).toEqual([FULLTEXT_INDEXES.cjk]);
    expect(latinQuery('  ** ')).toBeNull();
    // Stop words are not in the index: requiring them would match nothing.
    expect(latinQuery('entities in Xinjiang')).toBe(
      '+(entities^4 OR entities*^2 OR entities~2) +(xinjiang^4 OR xinjiang*^2 OR xinjiang~2)',
    );
    expect(latinQuery('the')).toBeNull();
  });

  it('sends Chinese text to the CJK index as phrases', () => {
    expect(hasCjk('西部数据')).toBe(true);
    expect(hasCjk('Seagate')).toBe(false);
    expect(cjkQuery('西部数据 希捷')).toBe('+"西部数据" +"希捷"');
    expect(latinQuery('西部数据')).toBeNull();
    // A single character cannot match the bigram index: the Latin index holds one term per character.
    expect(cjkQuery('希')).toBeNull();
    expect(latinQuery('希')).toBe('+"希"');
  });
});

describe('search ranking', () => {
  const hit = (id: string, kind: 'Company' | 'Source', name: string, score: number, aliases: string[] = []) => ({
    id,
    kind,
    name,
    aliases,
    country: null,
    score,
    flags: { synthetic: false, group: false, listings: [] },
  });

  it('puts an exact alias match first and documents below entities', () => {
    const ranked = rankSearchResults(
      '西部数据',
      [
        hit('S-ZH-WD', 'Source', '“WD”是“Western Digital”的简称,中文名为“西部数据”', 3),
        hit('western-digital', 'Company', 'Western Digital Corporation', 1, ['西部数据']),
        hit('other', 'Company', 'Other', 2),
      ],
      10,
    );
    expect(ranked.map((r) => r.id)).toEqual(['western-digital', 'other', 'S-ZH-WD']);
  });

  it('honours the limit', () => {
    expect(
      rankSearchResults('x', [hit('a', 'Company', 'A', 1), hit('b', 'Company', 'B', 2)], 1).map((r) => r.id),
    ).toEqual(['b']);
  });
});
