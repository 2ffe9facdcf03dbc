import { type EntityKind, ENTITY_KINDS, TECHNOLOGY_AREAS } from '@explorer/model';
import { chineseCompanyName, twoSyllables, usCompanyName } from './names.ts';
import { type Plan } from './plan.ts';
import { streamFor, type Random } from './random.ts';
import { type TechnologyArea } from './types.ts';
import { PRODUCT_TYPES } from './words.ts';

/**
 * The facts about one entity that other entities need (a product's manufacturer, a county's
 * prefecture), as pure functions of (seed, index): recomputed on demand instead of kept in memory.
 */

const kindSalt = (kind: EntityKind) => ENTITY_KINDS.indexOf(kind);

/** The random stream an entity's own attributes come from. */
export const entityStream = (seed: number, kind: EntityKind, index: number): Random =>
  streamFor(seed, kindSalt(kind), index);

/** A second, independent stream for the relationships an entity starts. */
export const relationshipStream = (seed: number, kind: EntityKind, index: number): Random =>
  streamFor(seed, 100 + kindSalt(kind), index);

export type CompanySegment = 'us' | 'subsidiary' | 'chinese';

export interface CompanyProfile {
  segment: CompanySegment;
  name: string;
  aliases: string[];
  brand: string;
  brandZh: string;
  country: 'US' | 'CN';
  area: TechnologyArea;
  headquarters: string;
  /** For a subsidiary: the index of its US parent. */
  parent?: number;
}

export function companySegment(plan: Plan, index: number): CompanySegment {
  if (index < plan.companies.us) return 'us';
  if (index < plan.companies.us + plan.companies.subsidiaries) return 'subsidiary';
  return 'chinese';
}

/** A company index in a segment, heavy-tailed towards the segment's first entries (the hubs). */
export function pickCompany(plan: Plan, random: Random, segment: CompanySegment, hubShare = 0.5): number {
  const { us, subsidiaries, chinese } = plan.companies;
  if (segment === 'us') return random.skewed(us, hubShare);
  if (segment === 'subsidiary') return us + random.int(subsidiaries);
  return us + subsidiaries + random.skewed(chinese, hubShare);
}

export function companyProfile(seed: number, plan: Plan, index: number): CompanyProfile {
  const random = entityStream(seed, 'Company', index);
  const segment = companySegment(plan, index);
  if (segment === 'us') {
    const n = usCompanyName(random);
    return { segment, ...n, country: 'US', headquarters: random.pick(US_CITIES) };
  }
  if (segment === 'subsidiary') {
    const parent = random.skewed(plan.companies.us);
    const p = companyProfile(seed, plan, parent);
    return {
      segment,
      name: `${p.brand} ${p.name.split(' ')[1] ?? ''} (China) Co., Ltd.`.replace(/\s+/g, ' '),
      aliases: [`${p.brandZh}（中国）有限公司`, `${p.brand} China`],
      brand: p.brand,
      brandZh: p.brandZh,
      country: 'CN',
      area: p.area,
      headquarters: random.pick(['Shanghai', 'Beijing', 'Shenzhen', 'Suzhou']),
      parent,
    };
  }
  const n = chineseCompanyName(random);
  return {
    segment,
    name: n.name,
    aliases: n.aliases,
    brand: n.brand,
    brandZh: n.brandZh,
    country: 'CN',
    area: random.pick(TECHNOLOGY_AREAS),
    headquarters: n.city,
  };
}

const US_CITIES = ['San Jose', 'Austin', 'Boston', 'Portland', 'Denver', 'Raleigh', 'San Diego', 'Phoenix'] as const;

export interface ProductProfile {
  manufacturer: number;
  area: TechnologyArea;
  name: string;
  alias: string;
  type: string;
}

export function productProfile(seed: number, plan: Plan, index: number): ProductProfile {
  const random = entityStream(seed, 'Product', index);
  // Most products come from US manufacturers, the rest from Chinese makers.
  const manufacturer = pickCompany(plan, random, random.chance(0.7) ? 'us' : 'chinese');
  const maker = companyProfile(seed, plan, manufacturer);
  const [typeEn, typeZh] = random.pick(PRODUCT_TYPES[maker.area]);
  const model = `${maker.brand.slice(0, 2).toUpperCase()}-${random.between(100, 9999)}${random.pick(['', 'X', 'S', 'Pro'])}`;
  return {
    manufacturer,
    area: maker.area,
    name: `${maker.brand} ${model} ${typeEn}`,
    alias: `${maker.brandZh}${typeZh} ${model}`,
    type: typeEn,
  };
}

/** TechnologyCategory index for an area (one of its sub-categories). */
export function categoryFor(plan: Plan, random: Random, area: TechnologyArea): number {
  return TECHNOLOGY_AREAS.indexOf(area) * plan.categoriesPerArea + random.int(plan.categoriesPerArea);
}

export type PoliceLevel = 'ministry' | 'provincial' | 'prefecture' | 'county';

export interface PoliceProfile {
  level: PoliceLevel;
  /** The place's name ("Donghua") and its Chinese form ("东华"). */
  place: string;
  placeZh: string;
  /** Index of the body above it (none for the ministry). */
  parent?: number;
}

export function policeLevel(plan: Plan, index: number): PoliceLevel {
  const { provinces, prefectures } = plan.police;
  if (index === 0) return 'ministry';
  if (index <= provinces) return 'provincial';
  if (index <= provinces + prefectures) return 'prefecture';
  return 'county';
}

export function policeProfile(seed: number, plan: Plan, index: number): PoliceProfile {
  const random = entityStream(seed, 'PublicSecurityBody', index);
  const level = policeLevel(plan, index);
  const { provinces, prefectures } = plan.police;
  const place = twoSyllables(random);
  const base = { level, place: place.pinyin, placeZh: place.zh };
  if (level === 'ministry') return { ...base, place: 'China', placeZh: '中国' };
  if (level === 'provincial') return { ...base, parent: 0 };
  // Prefectures spread over provinces, counties over prefectures, round robin.
  if (level === 'prefecture') return { ...base, parent: 1 + ((index - 1 - provinces) % provinces) };
  return { ...base, parent: 1 + provinces + ((index - 1 - provinces - prefectures) % prefectures) };
}
