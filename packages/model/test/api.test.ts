import { describe, expect, it } from 'vitest';
import {
  NeighborsQuerySchema,
  PathsQuerySchema,
  SCHEMA_STATEMENTS,
  SearchQuerySchema,
  TRACE_FLOW,
  RELATIONSHIP_TYPES,
  traceTypes,
} from '../src/index.ts';

describe('HTTP request schemas', () => {
  it('parses query-string lists given as CSV or repeated keys', () => {
    expect(SearchQuerySchema.parse({ q: ' seagate ', kinds: 'Company,Product' })).toEqual({
      q: 'seagate',
      kinds: ['Company', 'Product'],
      limit: 20,
    });
    expect(NeighborsQuerySchema.parse({ types: ['SUPPLIED', 'OWNS'] }).types).toEqual(['SUPPLIED', 'OWNS']);
  });

  it('bounds hops, k and limits', () => {
    expect(PathsQuerySchema.parse({ from: 'a', to: 'b' })).toMatchObject({ maxHops: 6, mode: 'shortest', k: 3 });
    expect(PathsQuerySchema.safeParse({ from: 'a', to: 'b', maxHops: '11' }).success).toBe(false);
    expect(PathsQuerySchema.safeParse({ from: 'a', to: 'b', k: '0' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'x', limit: '101' }).success).toBe(false);
  });
});

describe('model-derived database schema', () => {
  it('declares a unique id for entities and for every relationship type', () => {
    expect(SCHEMA_STATEMENTS[0]).toMatch(/FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE/);
    for (const type of RELATIONSHIP_TYPES) {
      expect(SCHEMA_STATEMENTS.some((s) => s.includes(`[r:${type}]`) && s.includes('IS UNIQUE'))).toBe(true);
    }
  });

  it('gives every flow type of the trace a direction', () => {
    for (const flow of Object.values(TRACE_FLOW)) expect(['forward', 'backward']).toContain(flow);
    expect(TRACE_FLOW.LISTED_ON).toBeUndefined();
  });

  it('follows a distributor against its arrow downstream and along it upstream', () => {
    expect(traceTypes('downstream').incoming).toContain('DISTRIBUTES_FOR');
    expect(traceTypes('downstream').outgoing).toContain('SUPPLIED');
    expect(traceTypes('upstream').outgoing).toContain('DISTRIBUTES_FOR');
    expect(traceTypes('upstream').incoming).toContain('SUPPLIED');
  });
});
