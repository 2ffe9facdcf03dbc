import { describe, expect, it } from 'vitest';
import { EntityRecordSchema, PartialDateSchema, RelationshipRecordSchema } from '../src/index.ts';

const company = { id: 'acme', kind: 'Company', name: 'Acme' };

describe('entity records', () => {
  it('fills defaults so that every entity has aliases and flags', () => {
    expect(EntityRecordSchema.parse(company)).toMatchObject({
      aliases: [],
      group: false,
      synthetic: false,
      sourceIds: [],
      roles: [],
    });
  });

  it('requires the kind-specific fields: a public-security body has a level', () => {
    const result = EntityRecordSchema.safeParse({ id: 'psb', kind: 'PublicSecurityBody', name: 'Some bureau' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['level']);
  });

  it('refuses unknown kinds, bad ids, bad countries and empty names, naming the field', () => {
    const fields = (input: object) => EntityRecordSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(fields({ ...company, kind: 'Spaceship' })).toEqual(['kind']);
    expect(fields({ ...company, id: 'has space' })).toEqual(['id']);
    expect(fields({ ...company, country: 'USA' })).toEqual(['country']);
    expect(fields({ ...company, name: '  ' })).toEqual(['name']);
  });

  it('requires a currency with an amount on a procurement', () => {
    const result = EntityRecordSchema.safeParse({
      id: 'p1',
      kind: 'Procurement',
      name: 'Purchase',
      items: 'drives',
      amount: 10,
    });
    expect(result.error?.issues[0]?.path).toEqual(['currency']);
  });

  it('accepts dates only as precise as YYYY, YYYY-MM or YYYY-MM-DD', () => {
    for (const ok of ['2019', '2019-10', '2019-10-09']) expect(PartialDateSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['2019-13', '2019-10-32', '10/09/2019', 'early 2022'])
      expect(PartialDateSchema.safeParse(bad).success).toBe(false);
  });
});

describe('relationship records', () => {
  const supplied = { id: 'r1', type: 'SUPPLIED', source: 'a', target: 'b', sourceIds: ['S1'] };

  it('requires at least one cited source', () => {
    const result = RelationshipRecordSchema.safeParse({ ...supplied, sourceIds: [] });
    expect(result.error?.issues[0]?.path).toEqual(['sourceIds']);
  });

  it('requires a citation for a control-list listing', () => {
    const result = RelationshipRecordSchema.safeParse({ ...supplied, type: 'LISTED_ON' });
    expect(result.error?.issues[0]?.path).toEqual(['citation']);
  });

  it('refuses an unknown type, a self-loop and dates in the wrong order', () => {
    expect(RelationshipRecordSchema.safeParse({ ...supplied, type: 'LIKES' }).success).toBe(false);
    expect(RelationshipRecordSchema.safeParse({ ...supplied, target: 'a' }).error?.issues[0]?.path).toEqual(['target']);
    expect(
      RelationshipRecordSchema.safeParse({ ...supplied, from: '2020', to: '2019' }).error?.issues[0]?.path,
    ).toEqual(['to']);
  });

  it('keeps type-specific fields: a share on OWNS within 0–100', () => {
    expect(RelationshipRecordSchema.parse({ ...supplied, type: 'OWNS', share: 49 })).toMatchObject({
      share: 49,
      confidence: 'high',
    });
    expect(RelationshipRecordSchema.safeParse({ ...supplied, type: 'OWNS', share: 149 }).success).toBe(false);
  });
});
