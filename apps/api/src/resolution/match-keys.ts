import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { normaliseName } from './normalise-name.ts';

/**
 * The keys names are compared by, beyond the exact key (normaliseName). Two names whose exact keys
 * are equal are the same entity; equality of any key here only makes a candidate for review.
 */

/** Traditional Chinese (OpenCC's standard set, which takes in Taiwan and Hong Kong forms) to simplified. */
const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** The exact key after folding traditional characters to simplified: 海康威視 and 海康威视 share it. */
export function foldedKey(name: string): string {
  return nameKeys(name).folded;
}

/** A key without spaces, for containment and edit distance. */
export function compact(key: string): string {
  return key.replace(/\s+/g, '');
}

/** Letters and digits only, accents removed: "Haikang Weishi" → "haikangweishi". */
function lettersOnly(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Every key of one name, each computed once. */
export interface NameKeys {
  /** normaliseName: equal exact keys are a certain match. */
  exact: string;
  /** The exact key with traditional characters folded to simplified. */
  folded: string;
  /** The name has Chinese characters. */
  han: boolean;
  /** Chinese names of two or more characters: their toneless pinyin, letters only. */
  pinyin?: string;
  /** Latin names of four or more letters: their letters and digits (legal suffixes dropped). */
  latin?: string;
}

export function nameKeys(name: string): NameKeys {
  const exact = normaliseName(name);
  const han = hasHan(name);
  if (!han) {
    const latin = lettersOnly(exact);
    return { exact, folded: exact, han, ...(latin.length >= 4 && { latin }) };
  }
  const folded = normaliseName(traditionalToSimplified(name));
  if ([...folded].filter((c) => HAN.test(c)).length < 2) return { exact, folded, han };
  const pinyinText = lettersOnly(pinyin(folded, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''));
  return { exact, folded, han, ...(pinyinText && { pinyin: pinyinText }) };
}

/**
 * The toneless pinyin of a Chinese name's folded key, letters only: 海康威视 → "haikangweishi", to be
 * compared with the latinKey of a Latin name. Undefined for names with fewer than two Chinese characters.
 */
export function pinyinKey(name: string): string | undefined {
  return nameKeys(name).pinyin;
}

/** A Latin name's letters and digits (legal suffixes dropped): "Haikang Weishi Co., Ltd." → "haikangweishi". */
export function latinKey(name: string): string | undefined {
  return nameKeys(name).latin;
}

/** Levenshtein distance within a band of `max` around the diagonal, giving up (max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  let previous = new Int32Array(b.length + 1).map((_, j) => (j <= max ? j : over));
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current.fill(over);
    if (i <= max) current[0] = i;
    let best = over;
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const value = Math.min(
        (previous[j] ?? over) + 1,
        (current[j - 1] ?? over) + 1,
        (previous[j - 1] ?? over) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      current[j] = Math.min(value, over);
      best = Math.min(best, value);
    }
    if (best > max) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] ?? over, over);
}

/**
 * Edits allowed between two Latin names of this length (compact key) for a candidate: none below 10
 * characters (short names a letter apart are often other firms), one from 10.
 */
export function editBudget(length: number): number {
  return length < 10 ? 0 : 1;
}

/** Shortest name that may be found inside another: four Chinese characters, or five Latin letters. */
export const MIN_CONTAINED = { han: 4, latin: 5 } as const;

/**
 * Words that make the rest of a longer Chinese name a sub-unit or another body rather than the same
 * firm spelled out: 新疆维吾尔自治区公安厅 is not 新疆维吾尔自治区, and a 研究所 of a firm is not the firm.
 */
const SUB_UNIT = /局|厅|处|所|队|部|委|院|校|监狱|站|办/;

/** Whether the text a longer Chinese name adds to a shorter one names a sub-unit or another body. */
export function addsSubUnit(longer: string, shorter: string): boolean {
  return SUB_UNIT.test(longer.replace(shorter, ''));
}
