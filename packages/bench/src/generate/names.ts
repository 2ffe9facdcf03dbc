import { type Random } from './random.ts';
import {
  CN_COMPANY_FORMS,
  CN_INDUSTRIES,
  CN_SURNAMES,
  CN_SYLLABLES,
  TRANSLITERATION,
  US_FIRST_NAMES,
  US_FORMS,
  US_LAST_NAMES,
  US_NAME_HEADS,
  US_NAME_TAILS,
  US_SECTORS,
  CN_CITIES,
} from './words.ts';
import { type TechnologyArea } from './types.ts';

/** A name in its forms: the primary (English) name, Chinese, pinyin, and a short form used in brands. */
export interface Names {
  name: string;
  aliases: string[];
  /** "Northwind", "Huaxin": the brand that product names start with. */
  brand: string;
  brandZh: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Two syllables as a Chinese word and its pinyin ("华信", "Huaxin"). */
export function twoSyllables(random: Random): { zh: string; pinyin: string } {
  const a = random.pick(CN_SYLLABLES);
  const b = random.pick(CN_SYLLABLES);
  return { zh: a[0] + b[0], pinyin: capitalise(a[1] + b[1]) };
}

/** 北京华信科技有限公司 / Beijing Huaxin Technology Co., Ltd. / Beijing Huaxin Keji Youxian Gongsi. */
export function chineseCompanyName(random: Random): Names & { city: string } {
  const city = random.pick(CN_CITIES);
  const brand = twoSyllables(random);
  const [industryZh, industryEn, industryPinyin] = random.pick(CN_INDUSTRIES);
  const [formZh, formEn, formPinyin] = random.pick(CN_COMPANY_FORMS);
  return {
    name: `${city[1]} ${brand.pinyin} ${industryEn} ${formEn}`,
    aliases: [
      `${city[0]}${brand.zh}${industryZh}${formZh}`,
      `${city[1]} ${brand.pinyin} ${industryPinyin} ${formPinyin}`,
      `${brand.zh}${industryZh}`,
    ],
    brand: brand.pinyin,
    brandZh: brand.zh,
    city: city[1],
  };
}

/** Northwind Optics Inc., with its Chinese transliteration (诺斯温光学公司) and ticker-like initials. */
export function usCompanyName(random: Random): Names & { area: TechnologyArea; sector: string } {
  const brand = random.pick(US_NAME_HEADS) + random.pick(US_NAME_TAILS);
  const [sector, sectorZh, area] = random.pick(US_SECTORS);
  const form = random.pick(US_FORMS);
  const brandZh = Array.from({ length: random.between(2, 4) }, () => random.pick(TRANSLITERATION)).join('');
  const initials = `${brand.charAt(0)}${sector.charAt(0)}${form.charAt(0)}`.toUpperCase();
  return {
    name: `${brand} ${sector} ${form}`,
    aliases: [`${brandZh}${sectorZh}公司`, `${brand} ${sector}`, initials],
    brand,
    brandZh,
    area,
    sector,
  };
}

/** A Chinese person (王华信 / Wang Huaxin) or an American one. */
export function personName(random: Random, chinese: boolean): { name: string; aliases: string[] } {
  if (chinese) {
    const [surnameZh, surname] = random.pick(CN_SURNAMES);
    const given = random.chance(0.7)
      ? twoSyllables(random)
      : (() => {
          const s = random.pick(CN_SYLLABLES);
          return { zh: s[0], pinyin: capitalise(s[1]) };
        })();
    return { name: `${surname} ${given.pinyin}`, aliases: [`${surnameZh}${given.zh}`] };
  }
  const first = random.pick(US_FIRST_NAMES);
  const last = random.pick(US_LAST_NAMES);
  return { name: `${first} ${last}`, aliases: [`${last}, ${first}`] };
}
