import { describe, expect, it } from 'vitest';
import type { ExistingIndex } from '../../src/import/existing-entities.ts';
import { databaseProblems, planImport } from '../../src/import/plan-import.ts';
import { readProcurementFile } from '../../src/import/read-procurement-file.ts';
import { EntityMatcher } from '../../src/resolution/entity-matcher.ts';

/** Planning alone (no database): what the rows of one file resolve to, among themselves and a few entities. */
function plan(lines: string[]) {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'hikvision', kind: 'Company', registryIds: ['USCC:91330000733796106P'] }, ['Hikvision'], true);
  matcher.add(
    { id: 'xj-psb', kind: 'PublicSecurityBody', registryIds: ['USCC:91350100M000100Y43'] },
    ['新疆公安厅'],
    true,
  );
  matcher.add({ id: 'twin-a', kind: 'Company', registryIds: ['SZSE:000001'] }, ['Twin A'], true);
  matcher.add({ id: 'twin-b', kind: 'Company', registryIds: ['SZSE:000001'] }, ['Twin B'], true);
  const existing: ExistingIndex = { byKey: new Map(), matcher, categoryByArea: new Map(), sourceByUrl: new Map() };
  const text = ['buyer,supplier,supplier_registry_id,product', ...lines].join('\n');
  const file = readProcurementFile('plan.csv', new TextEncoder().encode(text));
  expect(file.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return planImport(file, existing);
}

const companies = (p: ReturnType<typeof plan>) =>
  [...p.entities.values()]
    .filter((e) => e.kind === 'Company')
    .map((e) => [e.props['name'], e.props['registryIds'] ?? []]);

describe('planning with registry ids', () => {
  it('a later row with the registry id of a company an earlier row created attaches to it, whatever its name', () => {
    const p = plan([
      '某局,Acme Trading,EIN:12-3456789,Disk',
      '某局,ACME Trading Company (US),12-3456789,Tape',
      '某局,Some Name,91330000733796106P,Camera',
    ]);
    expect(p.problems).toEqual([]);
    expect(companies(p)).toEqual([['Acme Trading', ['EIN:12-3456789']]]);
    expect(p.matched.get('hikvision')).toBe('Company');
  });

  it('one name with two registry ids of one scheme is two companies', () => {
    const p = plan(['某局,Acme Trading,EIN:12-3456789,Disk', '某局,Acme Trading,EIN:98-7654321,Tape']);
    expect(companies(p)).toEqual([
      ['Acme Trading', ['EIN:12-3456789']],
      ['Acme Trading', ['EIN:98-7654321']],
    ]);
    const ids = [...p.entities.values()].filter((e) => e.kind === 'Company').map((e) => String(e.props['id']));
    expect(ids[1]).toMatch(new RegExp(`^${ids[0]}-[0-9a-f]{8}$`));
    expect(p.candidates).toEqual([]);
  });

  it('refuses a registry id of another kind, or held by two entities, naming the column', () => {
    const p = plan(['某局,Hikvision,91350100M000100Y43,Disk', '某局,Twin,SZSE:000001,Tape']);
    expect(p.problems.map((x) => [x.severity, x.line, x.field, x.message])).toEqual([
      [
        'error',
        2,
        'supplier_registry_id',
        'USCC:91350100M000100Y43 belongs to "xj-psb", a PublicSecurityBody, which cannot be a supplier',
      ],
      [
        'error',
        3,
        'supplier_registry_id',
        'registry id SZSE:000001 matches 2 existing entities (twin-a, twin-b); cannot tell which',
      ],
    ]);
  });

  it('rows of one file meet: traditional after simplified is a candidate between the two new companies', () => {
    const p = plan(['某局,澳门威视科技,,Disk', '某局,澳門威視科技,,Tape', '某局,澳門威視科技,,Camera']);
    expect(p.candidates?.map((c) => [c.leftName, c.rightName, c.reason, c.line])).toEqual([
      ['澳门威视科技', '澳門威視科技', 'traditional-simplified', 3],
    ]);
  });
});

describe('errors certain before planning', () => {
  it('are exactly the errors planning gives those rows: names the database makes ambiguous, unknown categories', () => {
    const matcher = new EntityMatcher();
    for (const id of ['twin-psb-a', 'twin-psb-b'])
      matcher.add({ id, kind: 'PublicSecurityBody', registryIds: [] }, ['Twin County Public Security Bureau'], true);
    for (const id of ['twin-co-a', 'twin-co-b'])
      matcher.add({ id, kind: 'Company', registryIds: [] }, ['Twin Trading'], true);
    const existing: ExistingIndex = {
      byKey: new Map(),
      matcher,
      categoryByArea: new Map([['data-storage', 'cat-data-storage']]),
      sourceByUrl: new Map(),
    };
    const text = [
      'buyer,supplier,supplier_registry_id,product,category',
      'Twin County Public Security Bureau,Alpha Trading,,Disk,data storage',
      '某局,Beta Trading,,Disk,quantum',
      '某局,Gamma Trading,,Disk,data-storage',
      'Twin County Public Security Bureau,TWIN TRADING CO LTD,,Tape,nope',
      // With a registry id the supplier is resolved by it first: only planning can tell.
      '某局,Twin Trading,EIN:12-3456789,Disk,data-storage',
    ].join('\n');
    const file = readProcurementFile('certain.csv', new TextEncoder().encode(text));
    const certain = databaseProblems(file, existing, new Set());
    expect(certain.map((p) => [p.line, p.column])).toEqual([
      [2, 'buyer'],
      [3, 'category'],
      [5, 'buyer'],
      [5, 'supplier'],
      [5, 'category'],
    ]);
    const planned = planImport(file, existing).problems.filter((p) => p.severity === 'error');
    // Line 6's registry id belongs to no one, so its name decides after all: that is left to planning.
    expect(planned.filter((p) => p.line === 6).map((p) => p.column)).toEqual(['supplier']);
    expect(certain).toEqual(planned.filter((p) => p.line !== 6));
    // Rows already left out (bad cells) are not looked at again.
    expect(databaseProblems(file, existing, new Set([2, 3, 5]))).toEqual([]);
  });
});
