import { type EntityKind, ENTITY_KINDS, TECHNOLOGY_AREAS } from '@explorer/model';

/**
 * How many entities of each kind a dataset of `total` entities holds, and how the kinds split into
 * sub-ranges (US manufacturers, their Chinese subsidiaries, Chinese firms; the police hierarchy).
 * Entities are addressed by (kind, index): ids and every relationship end derive from that pair.
 */
export interface Plan {
  total: number;
  counts: Record<EntityKind, number>;
  /** Company indices: [0, us) US manufacturers, [us, us + subsidiaries) their Chinese subsidiaries, then Chinese firms. */
  companies: { us: number; subsidiaries: number; chinese: number };
  /** PublicSecurityBody indices: 0 the ministry, then provinces, prefectures, counties. */
  police: { provinces: number; prefectures: number; counties: number };
  /** Categories per technology area (TechnologyCategory index = area index × this + sub-index). */
  categoriesPerArea: number;
}

export const MIN_ENTITIES = 1_000;
const CATEGORIES_PER_AREA = 4;
const CONTROL_LISTS = 3;
const GOVERNMENT_BODIES_MIN = 4;

export function planDataset(total: number): Plan {
  if (!Number.isInteger(total) || total < MIN_ENTITIES) {
    throw new Error(`--entities must be an integer of at least ${MIN_ENTITIES}, got ${total}`);
  }
  const share = (fraction: number) => Math.round(total * fraction);
  const counts = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
  counts.ControlList = CONTROL_LISTS;
  counts.TechnologyCategory = TECHNOLOGY_AREAS.length * CATEGORIES_PER_AREA;
  counts.GovernmentBody = Math.max(GOVERNMENT_BODIES_MIN, share(0.0005));
  counts.Event = Math.max(6, share(0.0005));
  counts.Source = share(0.1);
  counts.PublicSecurityBody = share(0.03);
  counts.Person = share(0.04);
  counts.Company = share(0.18);
  counts.Product = share(0.15);
  const assigned = Object.values(counts).reduce((a, b) => a + b, 0);
  // Procurement records are the bulk, as in the real data users load.
  counts.Procurement = total - assigned;

  const us = Math.max(5, Math.round(counts.Company * 0.1));
  const subsidiaries = Math.max(2, Math.round(counts.Company * 0.05));
  const belowMinistry = counts.PublicSecurityBody - 1;
  const provinces = Math.min(31, Math.max(2, Math.floor(belowMinistry * 0.1)));
  const prefectures = Math.max(provinces, Math.floor((belowMinistry - provinces) * 0.12));
  return {
    total,
    counts,
    companies: { us, subsidiaries, chinese: counts.Company - us - subsidiaries },
    police: { provinces, prefectures, counties: belowMinistry - provinces - prefectures },
    categoriesPerArea: CATEGORIES_PER_AREA,
  };
}

/** Id prefix per kind: every generated id starts with `gen-`, so no id can clash with real data. */
export const ID_PREFIX: Record<EntityKind, string> = {
  Company: 'gen-co-',
  PublicSecurityBody: 'gen-psb-',
  GovernmentBody: 'gen-gov-',
  Person: 'gen-per-',
  Product: 'gen-prd-',
  TechnologyCategory: 'gen-cat-',
  Procurement: 'gen-proc-',
  Source: 'gen-src-',
  ControlList: 'gen-list-',
  Event: 'gen-evt-',
};

export const entityId = (kind: EntityKind, index: number): string => `${ID_PREFIX[kind]}${index}`;
