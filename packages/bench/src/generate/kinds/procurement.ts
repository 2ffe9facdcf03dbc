import { entityId } from '../plan.ts';
import { type GenerationContext, type Generated, type RelationshipLine } from '../context.ts';
import {
  categoryFor,
  entityStream,
  pickCompany,
  policeProfile,
  productProfile,
  relationshipStream,
} from '../profiles.ts';

const UNIT = {
  ministry: 'MPS',
  provincial: 'Provincial PSD',
  prefecture: 'Municipal PSB',
  county: 'County PSB',
} as const;
const UNIT_ZH = { ministry: '公安部', provincial: '省公安厅', prefecture: '市公安局', county: '县公安局' } as const;

/**
 * A procurement record: a police body BUYER (bureaus high in the hierarchy buy most), a Chinese
 * SUPPLIER (a few large distributors win most tenders), one to five ITEMs, its category, and sometimes
 * the trade fair it was made at.
 */
export function generateProcurement(ctx: GenerationContext, index: number): Generated {
  const { seed, plan } = ctx;
  const id = entityId('Procurement', index);
  const own = entityStream(seed, 'Procurement', index);
  const random = relationshipStream(seed, 'Procurement', index);

  const buyerIndex = own.skewed(plan.counts.PublicSecurityBody);
  const buyer = policeProfile(seed, plan, buyerIndex);
  const supplier = pickCompany(plan, own, own.chance(0.85) ? 'chinese' : 'subsidiary');
  const products = new Set<number>();
  for (let k = own.between(1, 5); k > 0; k--) products.add(own.skewed(plan.counts.Product));
  const [first] = products;
  const item = productProfile(seed, plan, first ?? 0);
  const date = ctx.date(own);
  const year = date.slice(0, 4);
  const quantity = own.between(1, 500);
  const where = buyer.level === 'ministry' ? '' : `${buyer.place} `;

  const entity = {
    id,
    kind: 'Procurement' as const,
    name: `${where}${UNIT[buyer.level]} ${item.type} procurement ${year}-${index}`,
    aliases: [`${buyer.level === 'ministry' ? '' : buyer.placeZh}${UNIT_ZH[buyer.level]}${year}年采购项目${index}号`],
    country: 'CN',
    synthetic: true as const,
    sourceIds: ctx.cite(own),
    date,
    items: `${quantity} × ${item.name}${products.size > 1 ? ` and ${products.size - 1} other item(s)` : ''}`,
    quantity,
    amount: quantity * own.between(500, 50_000),
    currency: 'CNY',
  };

  const rels: RelationshipLine[] = [];
  const add = (type: RelationshipLine['type'], target: string, extra?: Record<string, unknown>) =>
    rels.push(ctx.relationship(id, rels.length, type, id, target, random, extra));
  add('BUYER', entityId('PublicSecurityBody', buyerIndex));
  add('SUPPLIER', entityId('Company', supplier));
  for (const product of products) add('ITEM', entityId('Product', product), { quantity: random.between(1, quantity) });
  add('IN_CATEGORY', entityId('TechnologyCategory', categoryFor(plan, random, item.area)));
  if (random.chance(0.1)) add('AT_EVENT', entityId('Event', random.int(plan.counts.Event)));
  return { entity, relationships: rels };
}
