import { entityId } from '../plan.ts';
import { type GenerationContext, type Generated } from '../context.ts';
import { categoryFor, entityStream, productProfile, relationshipStream } from '../profiles.ts';

/** A product, MANUFACTURES-linked from its maker (US manufacturers make most) and in one category. */
export function generateProduct(ctx: GenerationContext, index: number): Generated {
  const { seed, plan } = ctx;
  const id = entityId('Product', index);
  const p = productProfile(seed, plan, index);
  const own = entityStream(seed, 'Product', index);
  const random = relationshipStream(seed, 'Product', index);
  const entity = {
    id,
    kind: 'Product' as const,
    name: p.name,
    aliases: [p.alias],
    synthetic: true as const,
    sourceIds: ctx.cite(own),
    productLine: p.type,
  };
  const category = entityId('TechnologyCategory', categoryFor(plan, random, p.area));
  return {
    entity,
    relationships: [
      ctx.relationship(id, 0, 'MANUFACTURES', entityId('Company', p.manufacturer), id, random),
      ctx.relationship(id, 1, 'IN_CATEGORY', id, category, random),
    ],
  };
}
