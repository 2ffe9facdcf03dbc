import { EXPORT_LIMITS } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../src/db/runner.ts';
import { EXPAND_STEP } from '../../src/export/queries.ts';
import { ExportTooLargeError, readSubgraph } from '../../src/export/read-subgraph.ts';

/** A runner whose expansion step finds more entities than an export may hold. */
function crowdedRunner(): { runner: QueryRunner; queries: string[] } {
  const queries: string[] = [];
  const runner = {
    read: (cypher: string, params: { limit?: { toNumber(): number } }) => {
      queries.push(cypher);
      const count = cypher === EXPAND_STEP ? (params.limit?.toNumber() ?? 0) : 0;
      return Promise.resolve(Array.from({ length: count }, (_, i) => ({ get: () => `crowd-${i}` })));
    },
  } as unknown as QueryRunner;
  return { runner, queries };
}

describe('readSubgraph', () => {
  it('refuses a subgraph over the entity cap instead of cutting it short', async () => {
    const { runner, queries } = crowdedRunner();
    await expect(readSubgraph(runner, { nodeIds: ['a'], hops: 1 })).rejects.toBeInstanceOf(ExportTooLargeError);
    expect(queries).toEqual([EXPAND_STEP]);
    expect(EXPORT_LIMITS.nodesMax).toBe(5000);
  });
});
