import { type GenerationContext } from './context.ts';
import { entityId } from './plan.ts';
import { companyProfile, policeProfile } from './profiles.ts';

/**
 * Ids and search terms the benchmark asks for, chosen from the plan: the first indices of a
 * heavy-tailed range are its hubs, the last ones ordinary nodes.
 */
export function probes(ctx: GenerationContext): {
  hubs: string[];
  ordinary: string[];
  manufacturers: string[];
  searchTerms: string[];
} {
  const { seed, plan } = ctx;
  const { us, subsidiaries, chinese } = plan.companies;
  const firstChinese = us + subsidiaries;
  const lastChinese = firstChinese + chinese - 1;
  const ordinary = Array.from({ length: Math.min(20, chinese) }, (_, k) => lastChinese - k * 3).filter(
    (i) => i >= firstChinese,
  );
  const mid = Math.floor(us / 2);
  const manufacturers = Array.from({ length: Math.min(5, us) }, (_, k) => Math.min(us - 1, mid + k));

  const terms: string[] = [];
  for (const i of [firstChinese + 7, lastChinese - 11, 3, Math.floor(us / 3)]) {
    const p = companyProfile(seed, plan, i);
    terms.push(p.brand, p.aliases.find((a) => /\p{Script=Han}/u.test(a)) ?? p.name);
  }
  const county = policeProfile(seed, plan, plan.counts.PublicSecurityBody - 1);
  terms.push(`${county.place} public security`, `${county.placeZh}县公安局`);
  // A typo the fuzzy Latin index should still find.
  const us0 = companyProfile(seed, plan, 0).brand;
  terms.push(us0.slice(0, -2) + us0.slice(-1));
  return {
    hubs: [entityId('Company', 0), entityId('Company', firstChinese), entityId('Product', 0)],
    ordinary: ordinary.map((i) => entityId('Company', i)),
    manufacturers: manufacturers.map((i) => entityId('Company', i)),
    searchTerms: [...new Set(terms)],
  };
}
