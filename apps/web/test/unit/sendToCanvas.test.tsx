import { CONNECT_IDS_MAX, type Graph } from '@explorer/model';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SendToCanvasButton } from '../../src/console/SendToCanvasButton.tsx';
import { mergeResultIntoCanvas, openExplorer, readSavedCanvas } from '../../src/console/sendToCanvas.ts';
import { decodeCanvasLink, encodeCanvasLink } from '../../src/explorer/state/canvasUrl.ts';
import { STORAGE_KEY } from '../../src/explorer/state/useCanvasPersistence.ts';
import { edge, node } from './fixtures.ts';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const RESULT: Graph = {
  nodes: [node('seagate'), node('hikvision', { kind: 'PublicSecurityBody' })],
  edges: [edge('rel-seagate-supplied-hikvision', 'seagate', 'hikvision')],
};

/** The canvas a merged link opens, as the explorer decodes it. */
function opened(merge: ReturnType<typeof mergeResultIntoCanvas>) {
  if (!merge.ok) throw new Error(merge.reason);
  return decodeCanvasLink(`?${merge.search}`);
}

describe('sending a console result to the canvas', () => {
  it('puts the entities and relationships of a result on an empty canvas', () => {
    const merge = mergeResultIntoCanvas('', RESULT);
    expect(merge).toMatchObject({ ok: true, added: 2 });
    expect(opened(merge)).toMatchObject({
      nodeIds: ['seagate', 'hikvision'],
      edgeIds: ['rel-seagate-supplied-hikvision'],
      pinned: {},
      layout: 'fcose',
    });
  });

  it('adds to what the canvas holds, keeping its pins, layout and filters, without duplicates', () => {
    const saved = encodeCanvasLink({
      nodeIds: ['dahua', 'seagate'],
      edgeIds: ['rel-old'],
      pinned: { dahua: { x: 10, y: -20 } },
      layout: 'dagre',
      filters: { hiddenKinds: ['Source'], hiddenTypes: ['LISTED_ON'], dateFrom: '2019', dateTo: null },
    });
    const merge = mergeResultIntoCanvas(saved, RESULT);
    expect(merge).toMatchObject({ ok: true, added: 1 });
    expect(opened(merge)).toEqual({
      nodeIds: ['dahua', 'seagate', 'hikvision'],
      edgeIds: ['rel-old', 'rel-seagate-supplied-hikvision'],
      pinned: { dahua: { x: 10, y: -20 } },
      layout: 'dagre',
      filters: { hiddenKinds: ['Source'], hiddenTypes: ['LISTED_ON'], dateFrom: '2019', dateTo: null },
    });
  });

  it('leaves out nodes without an entity id, and relationships that touch them', () => {
    const result: Graph = {
      nodes: [...RESULT.nodes, node('not an entity, id'), node('')],
      edges: [
        ...RESULT.edges,
        edge('rel-to-nothing', 'seagate', 'not an entity, id'),
        edge('bad id, with comma', 'seagate', 'hikvision'),
      ],
    };
    expect(opened(mergeResultIntoCanvas('', result))).toMatchObject({
      nodeIds: ['seagate', 'hikvision'],
      edgeIds: ['rel-seagate-supplied-hikvision'],
    });
  });

  it('says why when the result holds no entity, or the canvas would grow too large', () => {
    expect(mergeResultIntoCanvas('n=dahua', { nodes: [node('a b')], edges: [] })).toEqual({
      ok: false,
      reason: 'The result holds no entities to put on the canvas.',
    });
    const many = Array.from({ length: CONNECT_IDS_MAX }, (_, i) => node(`entity-${i}`));
    const merge = mergeResultIntoCanvas('n=dahua', { nodes: many, edges: [] });
    expect(merge).toMatchObject({ ok: false, reason: expect.stringContaining(`at most ${CONNECT_IDS_MAX}`) });
  });

  it("reads the explorer's saved canvas and opens the explorer on the merged link", () => {
    localStorage.setItem(STORAGE_KEY, 'n=dahua');
    expect(readSavedCanvas()).toBe('n=dahua');
    let navigated = '';
    const onPop = () => (navigated = `${window.location.pathname}${window.location.hash}`);
    window.addEventListener('popstate', onPop);
    const merge = mergeResultIntoCanvas(readSavedCanvas(), RESULT);
    if (merge.ok) openExplorer(merge.search);
    window.removeEventListener('popstate', onPop);
    expect(decodeCanvasLink(navigated.slice(1))?.nodeIds).toEqual(['dahua', 'seagate', 'hikvision']);
    expect(navigated.startsWith('/#')).toBe(true);
  });
});

describe('the "Send to canvas" button', () => {
  it('is disabled, saying why, when the result holds no entities', () => {
    render(<SendToCanvasButton graph={{ nodes: [], edges: [] }} />);
    const button = screen.getByRole('button', { name: 'Send to canvas' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'The result holds no entities to put on the canvas.',
    );
  });

  it('says how many entities it adds to the canvas kept in this browser', () => {
    localStorage.setItem(STORAGE_KEY, 'n=seagate');
    render(<SendToCanvasButton graph={RESULT} />);
    expect(screen.getByRole('button', { name: 'Send to canvas' })).toHaveProperty('disabled', false);
    expect(screen.getByText(/Adds 1 entity to the explorer's canvas/)).toBeTruthy();
  });
});
