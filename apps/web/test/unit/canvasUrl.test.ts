import { describe, expect, it } from 'vitest';
import { historyReducer, initialHistory } from '../../src/explorer/state/canvasHistory.ts';
import { decodeCanvasLink, encodeCanvasLink, toCanvasLink } from '../../src/explorer/state/canvasUrl.ts';
import { edge, node } from './fixtures.ts';

describe('canvas link', () => {
  it('round-trips entities, relationships, pins, layout and filters through the URL', () => {
    let h = initialHistory();
    h = historyReducer(h, {
      type: 'add',
      graph: {
        nodes: [node('seagate'), node('xinjiang-public-security-entities')],
        edges: [edge('rel-1', 'seagate', 'xinjiang-public-security-entities')],
      },
    });
    h = historyReducer(h, { type: 'pin', positions: { seagate: { x: 12.4, y: -30.6 } } });
    h = historyReducer(h, { type: 'layout', layout: { name: 'dagre' } });
    h = historyReducer(h, {
      type: 'filter',
      filters: { hiddenKinds: ['Source'], hiddenTypes: ['LISTED_ON'], dateFrom: '2019-10', dateTo: '2022' },
    });
    const link = toCanvasLink(h.present);
    const query = encodeCanvasLink(link);
    expect(decodeCanvasLink(`#${query}`)).toEqual({ ...link, pinned: { seagate: { x: 12, y: -31 } } });
    // Links from before the canvas moved into the fragment carried it in the query.
    expect(decodeCanvasLink(`?${query}`)).toEqual(decodeCanvasLink(`#${query}`));
  });

  it('has no query for an empty canvas, and drops values it does not know', () => {
    expect(encodeCanvasLink(toCanvasLink(initialHistory().present))).toBe('');
    expect(decodeCanvasLink('')).toBeNull();
    const link = decodeCanvasLink('?n=a,b&pin=zz~1~2,a~x~1&layout=spiral&hideKinds=Company,Nope&from=yesterday');
    expect(link).toMatchObject({
      nodeIds: ['a', 'b'],
      pinned: {},
      layout: 'fcose',
      filters: { hiddenKinds: ['Company'], dateFrom: null },
    });
  });
});
