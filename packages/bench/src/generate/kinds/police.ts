import { entityId } from '../plan.ts';
import { type GenerationContext, type Generated, type RelationshipLine } from '../context.ts';
import { entityStream, policeProfile, relationshipStream, type PoliceProfile } from '../profiles.ts';

function names(p: PoliceProfile): { name: string; alias: string } {
  switch (p.level) {
    case 'ministry':
      return { name: 'Ministry of Public Security (synthetic)', alias: '公安部' };
    case 'provincial':
      return { name: `${p.place} Provincial Public Security Department`, alias: `${p.placeZh}省公安厅` };
    case 'prefecture':
      return { name: `${p.place} Municipal Public Security Bureau`, alias: `${p.placeZh}市公安局` };
    case 'county':
      return { name: `${p.place} County Public Security Bureau`, alias: `${p.placeZh}县公安局` };
  }
}

/** How likely a body of each level is on a control list (provincial bureaus most). */
const LISTED = { ministry: 1, provincial: 0.5, prefecture: 0.2, county: 0.03 } as const;

/** A ministry → province → prefecture → county bureau, PART_OF the one above it. Places are invented. */
export function generatePolice(ctx: GenerationContext, index: number): Generated {
  const { seed, plan } = ctx;
  const id = entityId('PublicSecurityBody', index);
  const p = policeProfile(seed, plan, index);
  const { name, alias } = names(p);
  const own = entityStream(seed, 'PublicSecurityBody', index);
  const random = relationshipStream(seed, 'PublicSecurityBody', index);

  // The province a body sits in: itself, its parent, or its grandparent.
  let province = p;
  while (province.level !== 'provincial' && province.level !== 'ministry' && province.parent !== undefined) {
    province = policeProfile(seed, plan, province.parent);
  }
  const entity = {
    id,
    kind: 'PublicSecurityBody' as const,
    name,
    aliases: [alias, `${name.replace(' (synthetic)', '')} (PSB)`],
    country: 'CN',
    synthetic: true as const,
    sourceIds: ctx.cite(own),
    level: p.level,
    region: province.level === 'ministry' ? 'China' : `${province.place} Province`,
  };

  const rels: RelationshipLine[] = [];
  if (p.parent !== undefined) {
    rels.push(ctx.relationship(id, rels.length, 'PART_OF', id, entityId('PublicSecurityBody', p.parent), random));
  }
  if (random.chance(LISTED[p.level])) {
    rels.push(
      ctx.relationship(id, rels.length, 'LISTED_ON', id, entityId('ControlList', 0), random, {
        citation: `Synthetic FR Doc. ${ctx.year(random)}-${random.between(10000, 29999)}`,
      }),
    );
  }
  return { entity, relationships: rels };
}
