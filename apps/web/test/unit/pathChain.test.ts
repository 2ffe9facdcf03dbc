import { describe, expect, it } from 'vitest';
import { chainText, pathChain } from '../../src/explorer/panels/pathChain.ts';
import { edge, node } from './fixtures.ts';

describe('path chain', () => {
  it('orders a path from its start whatever the order and direction of its edges', () => {
    const path = {
      nodes: [
        node('psb', { name: 'Public security entities in Xinjiang' }),
        node('hdd', { name: 'Seagate HDDs' }),
        node('buy', { name: 'Purchase' }),
        node('seagate', { name: 'Seagate' }),
      ],
      edges: [
        edge('e3', 'buy', 'psb', { type: 'BUYER' }),
        edge('e1', 'seagate', 'hdd', { type: 'MANUFACTURES' }),
        edge('e2', 'buy', 'hdd', { type: 'ITEM' }),
      ],
    };
    const steps = pathChain(path, 'seagate');
    expect(chainText(steps)).toBe('Seagate → Seagate HDDs → Purchase → Public security entities in Xinjiang');
    expect(steps.map((s) => s.via?.forward ?? null)).toEqual([null, true, false, true]);
  });
});
