import { TECHNOLOGY_AREAS } from '@explorer/model';
import { entityId } from '../plan.ts';
import { FIRST_YEAR, type GenerationContext, type Generated } from '../context.ts';
import { twoSyllables } from '../names.ts';
import { entityStream, relationshipStream } from '../profiles.ts';
import { CN_CITIES, EXPOS } from '../words.ts';

/** The small reference kinds: control lists, governments, categories, trade fairs, and sources. */

const CONTROL_LISTS = [
  { name: 'Entity List (synthetic)', alias: '实体清单', authority: 'Bureau of Industry and Security (synthetic)' },
  {
    name: 'SDN List (synthetic)',
    alias: '特别指定国民清单',
    authority: 'Office of Foreign Assets Control (synthetic)',
  },
  {
    name: 'Unreliable Entity List (synthetic)',
    alias: '不可靠实体清单',
    authority: 'Ministry of Commerce (synthetic)',
  },
] as const;

export function generateControlList(ctx: GenerationContext, index: number): Generated {
  const list = CONTROL_LISTS[index % CONTROL_LISTS.length] ?? CONTROL_LISTS[0];
  const own = entityStream(ctx.seed, 'ControlList', index);
  return {
    entity: {
      id: entityId('ControlList', index),
      kind: 'ControlList',
      name: list.name,
      aliases: [list.alias],
      country: index === 2 ? 'CN' : 'US',
      synthetic: true,
      sourceIds: ctx.cite(own),
      authority: list.authority,
    },
    relationships: [],
  };
}

/** The three list authorities ADMINISTER their lists; the rest are provincial governments. */
export function generateGovernment(ctx: GenerationContext, index: number): Generated {
  const id = entityId('GovernmentBody', index);
  const own = entityStream(ctx.seed, 'GovernmentBody', index);
  const random = relationshipStream(ctx.seed, 'GovernmentBody', index);
  const list = CONTROL_LISTS[index];
  if (list) {
    return {
      entity: {
        id,
        kind: 'GovernmentBody',
        name: list.authority,
        aliases: [],
        country: index === 2 ? 'CN' : 'US',
        synthetic: true,
        sourceIds: ctx.cite(own),
        jurisdiction: index === 2 ? 'China' : 'United States',
      },
      relationships: [ctx.relationship(id, 0, 'ADMINISTERS', id, entityId('ControlList', index), random)],
    };
  }
  const place = twoSyllables(own);
  const provincialPolice = 1 + random.int(ctx.plan.police.provinces);
  return {
    entity: {
      id,
      kind: 'GovernmentBody',
      name: `${place.pinyin} Provincial People's Government`,
      aliases: [`${place.zh}省人民政府`],
      country: 'CN',
      synthetic: true,
      sourceIds: ctx.cite(own),
      jurisdiction: `${place.pinyin} Province`,
    },
    relationships: [
      ctx.relationship(id, 0, 'COOPERATES_WITH', id, entityId('PublicSecurityBody', provincialPolice), random),
    ],
  };
}

const AREA_NAMES: Record<(typeof TECHNOLOGY_AREAS)[number], readonly [string, string]> = {
  'dna-analysis': ['DNA analysis', 'DNA分析'],
  'thermal-imaging': ['Thermal imaging', '热成像'],
  optics: ['Optics', '光学'],
  surveillance: ['Surveillance', '视频监控'],
  cybersecurity: ['Cybersecurity', '网络安全'],
  'network-infrastructure': ['Network infrastructure', '网络基础设施'],
  'data-storage': ['Data storage', '数据存储'],
  'digital-forensics': ['Digital forensics', '电子取证'],
  aviation: ['Aviation', '航空'],
  'counter-surveillance': ['Counter-surveillance', '反监控'],
};
const SUBCATEGORIES = [
  ['devices', '设备'],
  ['components', '部件'],
  ['software', '软件'],
  ['services', '服务'],
] as const;

export function generateCategory(ctx: GenerationContext, index: number): Generated {
  const area = TECHNOLOGY_AREAS[Math.floor(index / ctx.plan.categoriesPerArea) % TECHNOLOGY_AREAS.length] ?? 'optics';
  const [sub, subZh] = SUBCATEGORIES[index % SUBCATEGORIES.length] ?? SUBCATEGORIES[0];
  const [areaName, areaZh] = AREA_NAMES[area];
  return {
    entity: {
      id: entityId('TechnologyCategory', index),
      kind: 'TechnologyCategory',
      name: `${areaName} ${sub}`,
      aliases: [`${areaZh}${subZh}`],
      synthetic: true,
      area,
    },
    relationships: [],
  };
}

export function generateEvent(ctx: GenerationContext, index: number): Generated {
  const own = entityStream(ctx.seed, 'Event', index);
  const [expo, expoZh] = own.pick(EXPOS);
  const year = FIRST_YEAR + (index % 10);
  const city = own.pick(CN_CITIES);
  return {
    entity: {
      id: entityId('Event', index),
      kind: 'Event',
      name: `${city[1]} ${expo} ${year}`,
      aliases: [`${year}${city[0]}${expoZh}`],
      country: 'CN',
      synthetic: true,
      sourceIds: ctx.cite(own),
      date: `${year}-${String(1 + (index % 12)).padStart(2, '0')}`,
      location: city[1],
    },
    relationships: [],
  };
}

const SOURCE_KINDS = [
  'procurement notice',
  'company registry extract',
  'press release',
  'trade-fair catalogue',
] as const;

/** A synthetic document, marked as such in its title, publisher and reliability note. */
export function generateSource(ctx: GenerationContext, index: number): Generated {
  const own = entityStream(ctx.seed, 'Source', index);
  const id = entityId('Source', index);
  return {
    entity: {
      id,
      kind: 'Source',
      name: `SYNTHETIC ${own.pick(SOURCE_KINDS)} no. ${index}`,
      aliases: [],
      synthetic: true,
      publisher: 'Synthetic data generator (packages/bench)',
      date: ctx.date(own),
      url: `https://synthetic.example.org/sources/${id}`,
      reliabilityNote: 'SYNTHETIC: invented for load testing; it states nothing about the world.',
    },
    relationships: [],
  };
}
