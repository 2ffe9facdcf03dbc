import { entityId } from '../plan.ts';
import { type GenerationContext, type Generated, type RelationshipLine } from '../context.ts';
import { categoryFor, companyProfile, entityStream, pickCompany, relationshipStream } from '../profiles.ts';
import { type Random } from '../random.ts';

const CHINESE_ROLES = [
  ['distributor'],
  ['agent'],
  ['distributor', 'integrator'],
  ['reseller'],
  ['integrator'],
  ['agent', 'reseller'],
] as const;

function registryId(random: Random, country: 'US' | 'CN'): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(10)).join('');
  return country === 'US' ? `CIK:${digits(10)}` : `USCC:91${digits(16)}`;
}

/**
 * A company and the links it starts. US manufacturers supply Chinese firms; subsidiaries belong to a
 * US parent; Chinese distributors and agents serve several US manufacturers (the first ones most:
 * they are the hubs) and supply police bodies.
 */
export function generateCompany(ctx: GenerationContext, index: number): Generated {
  const { seed, plan } = ctx;
  const id = entityId('Company', index);
  const p = companyProfile(seed, plan, index);
  const own = entityStream(seed, 'Company', index);
  const random = relationshipStream(seed, 'Company', index);
  const roles =
    p.segment === 'us'
      ? ['manufacturer']
      : p.segment === 'subsidiary'
        ? ['distributor']
        : [...random.pick(CHINESE_ROLES)];
  const entity = {
    id,
    kind: 'Company' as const,
    name: p.name,
    aliases: p.aliases,
    country: p.country,
    synthetic: true as const,
    sourceIds: ctx.cite(own),
    roles,
    sector: p.area,
    headquarters: p.headquarters,
    registryIds: [registryId(own, p.country)],
  };

  const rels: RelationshipLine[] = [];
  const add = (type: RelationshipLine['type'], source: string, target: string, extra?: Record<string, unknown>) =>
    rels.push(ctx.relationship(id, rels.length, type, source, target, random, extra));
  const police = () => entityId('PublicSecurityBody', random.skewed(plan.counts.PublicSecurityBody));
  const category = entityId('TechnologyCategory', categoryFor(plan, random, p.area));
  const otherChinese = () => {
    const other = pickCompany(plan, random, 'chinese');
    return other === index ? null : entityId('Company', other);
  };

  if (p.segment === 'us') {
    for (let k = random.between(1, 3); k > 0; k--)
      add('SUPPLIED', id, entityId('Company', pickCompany(plan, random, 'chinese')));
    add('IN_CATEGORY', id, category);
    if (random.chance(0.3)) add('EXHIBITED_AT', id, entityId('Event', random.int(plan.counts.Event)));
  } else if (p.segment === 'subsidiary') {
    add('SUBSIDIARY_OF', id, entityId('Company', p.parent ?? 0));
    add('SUPPLIED', id, police());
    add('IN_CATEGORY', id, category);
  } else {
    const manufacturers = new Set<number>();
    for (let k = random.between(1, 7); k > 0; k--) manufacturers.add(pickCompany(plan, random, 'us'));
    for (const m of manufacturers) add('DISTRIBUTES_FOR', id, entityId('Company', m));
    for (let k = random.between(1, 4); k > 0; k--) add('SUPPLIED', id, police());
    for (let k = 0; k < 2; k++) {
      const partner = random.chance(0.5) ? police() : otherChinese();
      if (partner) add('COOPERATES_WITH', id, partner);
    }
    add('IN_CATEGORY', id, category);
    if (random.chance(0.03)) {
      add('LISTED_ON', id, entityId('ControlList', random.int(2)), {
        citation: `Synthetic FR Doc. ${ctx.year(random)}-${random.between(10000, 29999)}`,
      });
    }
    if (random.chance(0.2)) add('EXHIBITED_AT', id, entityId('Event', random.int(plan.counts.Event)));
    if (random.chance(0.02)) {
      add('ACQUIRED', id, entityId('Company', pickCompany(plan, random, 'us', 0)), {
        stake: random.pick([51, 60, 75, 100]),
        amount: random.between(5, 500) * 1_000_000,
        currency: 'USD',
        status: random.pick(['completed', 'completed', 'announced', 'abandoned']),
      });
    }
    if (random.chance(0.05)) {
      const target = otherChinese();
      if (target) add('INVESTED_IN', id, target, { share: random.between(1, 49) });
    }
    const firstChinese = plan.companies.us + plan.companies.subsidiaries;
    if (random.chance(0.05) && index > firstChinese) {
      add('SUBSIDIARY_OF', id, entityId('Company', firstChinese + random.int(index - firstChinese)));
    }
  }
  return { entity, relationships: rels };
}
