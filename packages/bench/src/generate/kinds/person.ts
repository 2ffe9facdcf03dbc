import { entityId } from '../plan.ts';
import { type GenerationContext, type Generated, type RelationshipLine } from '../context.ts';
import { personName } from '../names.ts';
import { entityStream, pickCompany, relationshipStream } from '../profiles.ts';
import { PERSON_TITLES } from '../words.ts';

/** A manager, representative or officer, PART_OF a firm or a bureau; some own stakes. */
export function generatePerson(ctx: GenerationContext, index: number): Generated {
  const { seed, plan } = ctx;
  const id = entityId('Person', index);
  const own = entityStream(seed, 'Person', index);
  const random = relationshipStream(seed, 'Person', index);
  const chinese = own.chance(0.8);
  const { name, aliases } = personName(own, chinese);
  const entity = {
    id,
    kind: 'Person' as const,
    name,
    aliases,
    country: chinese ? 'CN' : 'US',
    synthetic: true as const,
    sourceIds: ctx.cite(own),
    title: own.pick(PERSON_TITLES),
  };
  const rels: RelationshipLine[] = [];
  const employer =
    chinese && random.chance(0.3)
      ? entityId('PublicSecurityBody', random.skewed(plan.counts.PublicSecurityBody))
      : entityId('Company', pickCompany(plan, random, chinese ? 'chinese' : 'us'));
  rels.push(ctx.relationship(id, rels.length, 'PART_OF', id, employer, random));
  if (random.chance(0.2)) {
    const company = entityId('Company', pickCompany(plan, random, chinese ? 'chinese' : 'us'));
    rels.push(ctx.relationship(id, rels.length, 'OWNS', id, company, random, { share: random.between(1, 60) }));
  }
  return { entity, relationships: rels };
}
