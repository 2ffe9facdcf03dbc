/**
 * Legal-form words dropped from the end of a name before matching: "Hikvision Co., Ltd." and
 * "Hikvision" name the same firm. Latin ones are whole words (after punctuation is removed).
 */
const LATIN_SUFFIXES = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'plc',
  'gmbh',
  'ag',
  'sa',
]);
/** Longest first, so 股份有限公司 is removed whole rather than leaving 股份. */
const CJK_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '公司'];

/**
 * The key two names must share to be certainly the same entity: full/half width folded (NFKC), case
 * folded, punctuation removed, legal suffixes removed. Equal keys attach; anything fuzzier
 * (simplified/traditional, pinyin, containment, typos: see match-keys.ts) is only a candidate.
 */
export function normaliseName(name: string): string {
  let words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 1 && LATIN_SUFFIXES.has(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  let key = words.join(' ');
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of CJK_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length).trimEnd();
        changed = true;
      }
    }
  }
  return key;
}
