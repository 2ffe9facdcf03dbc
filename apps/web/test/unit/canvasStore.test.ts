import { describe, expect, it } from 'vitest';
import {
  historyReducer,
  initialHistory,
  type CanvasHistory,
  type HistoryAction,
} from '../../src/explorer/state/canvasHistory.ts';
import { visibleElements } from '../../src/explorer/state/visibleElements.ts';
import { edge, node } from './fixtures.ts';

const run = (...actions: HistoryAction[]): CanvasHistory => actions.reduce(historyReducer, initialHistory());
const ids = (h: CanvasHistory) => Object.keys(h.present.nodes).sort();

describe('canvas store', () => {
  it('adds entities, and an edge only once both its ends are on the canvas', () => {
    const h = run(
      { type: 'add', graph: { nodes: [node('a')], edges: [edge('ab', 'a', 'b')] } },
      { type: 'add', graph: { nodes: [node('b')], edges: [] } },
    );
    expect(ids(h)).toEqual(['a', 'b']);
    expect(Object.keys(h.present.edges)).toEqual([]);
  });

  it('expands: a neighbourhood merges with the canvas without duplicates', () => {
    const h = run(
      { type: 'add', graph: { nodes: [node('a')], edges: [] } },
      {
        type: 'add',
        graph: { nodes: [node('a'), node('b'), node('c')], edges: [edge('ab', 'a', 'b'), edge('ac', 'a', 'c')] },
      },
      { type: 'add', graph: { nodes: [node('b'), node('a')], edges: [edge('ab', 'a', 'b')] } },
    );
    expect(ids(h)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(h.present.edges).sort()).toEqual(['ab', 'ac']);
  });

  it('removing an entity takes its relationships and its pin with it', () => {
    const h = run(
      {
        type: 'add',
        graph: { nodes: [node('a'), node('b'), node('c')], edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c')] },
      },
      { type: 'pin', positions: { b: { x: 1, y: 2 } } },
      { type: 'remove', ids: ['b'] },
    );
    expect(ids(h)).toEqual(['a', 'c']);
    expect(h.present.edges).toEqual({});
    expect(h.present.pinned).toEqual({});
  });

  it('collapses what an expand brought, keeping neighbours that are pinned or linked elsewhere', () => {
    // a expands to b, c, d, e; c also links to x; d is pinned.
    let h = run(
      {
        type: 'add',
        graph: {
          nodes: ['a', 'b', 'c', 'd', 'e', 'x'].map((id) => node(id)),
          edges: [
            edge('ab', 'a', 'b'),
            edge('ac', 'a', 'c'),
            edge('ad', 'a', 'd'),
            edge('ea', 'e', 'a'),
            edge('cx', 'c', 'x'),
          ],
        },
      },
      { type: 'pin', positions: { d: { x: 0, y: 0 } } },
      { type: 'collapse', ids: ['a'] },
    );
    expect(ids(h)).toEqual(['a', 'c', 'd', 'x']);
    expect(Object.keys(h.present.edges).sort()).toEqual(['ac', 'ad', 'cx']);
    h = historyReducer(h, { type: 'undo' });
    expect(ids(h)).toEqual(['a', 'b', 'c', 'd', 'e', 'x']);
  });

  it('undoes and redoes every change, and a new change clears the redo list', () => {
    let h = run(
      { type: 'add', graph: { nodes: [node('a')], edges: [] } },
      { type: 'add', graph: { nodes: [node('b')], edges: [] } },
      { type: 'remove', ids: ['a'] },
    );
    expect(ids(h)).toEqual(['b']);
    h = historyReducer(h, { type: 'undo' });
    expect(ids(h)).toEqual(['a', 'b']);
    h = historyReducer(h, { type: 'undo' });
    expect(ids(h)).toEqual(['a']);
    h = historyReducer(h, { type: 'redo' });
    expect(ids(h)).toEqual(['a', 'b']);
    h = historyReducer(h, { type: 'add', graph: { nodes: [node('z')], edges: [] } });
    expect(h.future).toEqual([]);
    expect(historyReducer(h, { type: 'redo' })).toBe(h);
  });

  it('does not record highlighting as a change', () => {
    const h = run(
      { type: 'add', graph: { nodes: [node('a')], edges: [] } },
      { type: 'highlight', nodeIds: ['a'], edgeIds: [] },
    );
    expect(h.past.length).toBe(1);
    expect(h.present.highlight.nodeIds).toEqual(['a']);
  });

  it('filters hide by kind, type and date without losing anything', () => {
    const graph = {
      nodes: [
        node('co'),
        node('psb', { kind: 'PublicSecurityBody' as const }),
        node('buy-2019', { kind: 'Procurement' as const, properties: { date: '2019-05' } }),
        node('buy-2022', {
          kind: 'Procurement' as const,
          properties: { periodStart: '2022-01', periodEnd: '2022-08' },
        }),
      ],
      edges: [
        edge('s', 'co', 'psb'),
        edge('b19', 'buy-2019', 'psb', { type: 'BUYER' }),
        edge('b22', 'buy-2022', 'psb', { type: 'BUYER' }),
      ],
    };
    let h = run({ type: 'add', graph });
    h = historyReducer(h, {
      type: 'filter',
      filters: { hiddenKinds: ['PublicSecurityBody'], hiddenTypes: [], dateFrom: null, dateTo: null },
    });
    expect(
      visibleElements(h.present)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['buy-2019', 'buy-2022', 'co']);
    expect(visibleElements(h.present).edges).toEqual([]);
    h = historyReducer(h, {
      type: 'filter',
      filters: { hiddenKinds: [], hiddenTypes: ['SUPPLIED'], dateFrom: '2020', dateTo: null },
    });
    expect(
      visibleElements(h.present)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['buy-2022', 'co', 'psb']);
    expect(visibleElements(h.present).edges.map((e) => e.id)).toEqual(['b22']);
    // A year bound includes every day of that year.
    h = historyReducer(h, {
      type: 'filter',
      filters: { hiddenKinds: [], hiddenTypes: [], dateFrom: null, dateTo: '2019' },
    });
    expect(
      visibleElements(h.present)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['buy-2019', 'co', 'psb']);
    // Nothing was lost: the store still holds every element.
    expect(Object.keys(h.present.nodes).length).toBe(4);
    expect(Object.keys(h.present.edges).length).toBe(3);
  });
});
