import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiStatusBanner } from '../../src/components/ApiStatusBanner.tsx';
import { EntityDetails } from '../../src/components/EntityDetails.tsx';
import { RelationshipDetails } from '../../src/explorer/panels/RelationshipDetails.tsx';
import { RelationshipsByType } from '../../src/explorer/panels/RelationshipsByType.tsx';
import { edge, node } from './fixtures.ts';

/** Answers API paths from a table; anything else is a 404 in the contract's shape. */
function stubApi(answers: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://x').pathname;
      const body = answers[path];
      return body === undefined
        ? new Response(JSON.stringify({ error: { code: 'not_found', message: 'nope' } }), { status: 404 })
        : new Response(JSON.stringify(body), { status: 200 });
    }),
  );
}

function renderWithQuery(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const source = node('S1', {
  kind: 'Source',
  name: 'The Role of US Technology',
  properties: { url: 'https://example.org/report', quote: 'At least 481 hard drives', publisher: 'Recorded Future' },
});

describe('relationship details', () => {
  it('reads as a sentence and lists every cited source with its quote and link', async () => {
    stubApi({
      '/api/relationships/rel-1': {
        relationship: edge('rel-1', 'seagate', 'hikvision', {
          properties: { sourceIds: ['S1'], from: '2018', confidence: 'high' },
        }),
        nodes: [node('seagate', { name: 'Seagate' }), node('hikvision', { name: 'Hikvision' })],
        sources: [source],
      },
    });
    renderWithQuery(<RelationshipDetails id="rel-1" />);
    expect(await screen.findByRole('heading', { level: 2 })).toHaveProperty(
      'textContent',
      'Seagate was reported to have supplied Hikvision',
    );
    const sources = screen.getByRole('list', { name: 'Sources' });
    expect(within(sources).getByRole('link').getAttribute('href')).toBe('https://example.org/report');
    expect(sources.textContent).toContain('At least 481 hard drives');
    expect(screen.getByText('2018')).toBeTruthy();
  });

  it('says so when the relationship is gone', async () => {
    stubApi({});
    renderWithQuery(<RelationshipDetails id="rel-x" />);
    expect((await screen.findByRole('alert')).textContent).toContain('nope');
  });
});

describe('entity details', () => {
  it("says when a hub's sources are only those of its first relationships", async () => {
    const answer = (sourcesTruncated: boolean) => ({
      entity: node('hub', { name: 'Hub Co.' }),
      sources: [source],
      sourcesTruncated,
      relationshipCounts: [{ type: 'SUPPLIED', direction: 'out', count: sourcesTruncated ? 20_000 : 3 }],
    });
    stubApi({ '/api/entities/hub': answer(true) });
    renderWithQuery(<EntityDetails id="hub" />);
    expect((await screen.findByRole('note')).textContent).toContain('first 100 relationships');
    expect(screen.getByRole('heading', { name: 'Sources (1+)' })).toBeTruthy();
    cleanup();

    stubApi({ '/api/entities/hub': answer(false) });
    renderWithQuery(<EntityDetails id="hub" />);
    expect(await screen.findByRole('heading', { name: 'Sources (1)' })).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('relationships grouped by type', () => {
  it('groups by type and direction and adds one relationship with its other end', async () => {
    stubApi({
      '/api/entities/seagate/neighbors': {
        nodes: [
          node('seagate', { name: 'Seagate' }),
          node('hdd', { name: 'Seagate HDDs', kind: 'Product' }),
          node('hik', { name: 'Hikvision' }),
        ],
        edges: [edge('m', 'seagate', 'hdd', { type: 'MANUFACTURES' }), edge('s', 'seagate', 'hik')],
        truncated: false,
        nextCursor: null,
      },
    });
    const onAdd = vi.fn();
    renderWithQuery(<RelationshipsByType id="seagate" onCanvas={(id) => id === 'm'} onAdd={onAdd} />);
    const supplied = await screen.findByRole('region', { name: /SUPPLIED/ });
    expect(screen.getByRole('region', { name: /MANUFACTURES/ }).textContent).toContain('on the canvas');
    within(supplied).getByRole('button', { name: 'Add to canvas' }).click();
    expect(onAdd).toHaveBeenCalledWith({
      nodes: [expect.objectContaining({ id: 'seagate' }), expect.objectContaining({ id: 'hik' })],
      edges: [expect.objectContaining({ id: 's' })],
    });
  });
});

describe('relationships of a hub', () => {
  it('lists a page, then the next one when asked, until the last', async () => {
    const hub = node('hub', { name: 'Hub Co.' });
    const pages: Record<string, unknown> = {
      first: {
        nodes: [hub, node('a', { name: 'Alpha Trading' })],
        edges: [edge('e1', 'hub', 'a')],
        truncated: true,
        nextCursor: '500',
      },
      '500': {
        nodes: [hub, node('b', { name: 'Beta Trading' })],
        edges: [edge('e2', 'hub', 'b')],
        truncated: false,
        nextCursor: null,
      },
    };
    const requested: Array<string | null> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const cursor = new URL(url, 'http://x').searchParams.get('cursor');
        requested.push(cursor);
        return new Response(JSON.stringify(pages[cursor ?? 'first']), { status: 200 });
      }),
    );
    renderWithQuery(<RelationshipsByType id="hub" onCanvas={() => false} onAdd={vi.fn()} />);
    const supplied = await screen.findByRole('region', { name: /SUPPLIED/ });
    expect(supplied.textContent).toContain('Alpha Trading');
    expect(supplied.textContent).not.toContain('Beta Trading');
    screen.getByRole('button', { name: 'List the next 500' }).click();
    await waitFor(() => expect(screen.getByRole('region', { name: /SUPPLIED/ }).textContent).toContain('Beta Trading'));
    expect(screen.getByRole('region', { name: /SUPPLIED/ }).textContent).toContain('Alpha Trading');
    expect(screen.queryByRole('button', { name: /List the next/ })).toBeNull();
    expect(requested).toEqual([null, '500']);
  });
});

describe('API status banner', () => {
  it('warns when the database is down', async () => {
    stubApi({ '/api/health': { status: 'degraded', neo4j: 'down', version: 't' } });
    renderWithQuery(<ApiStatusBanner />);
    expect((await screen.findByRole('alert')).textContent).toContain('graph database is unreachable');
  });

  it('warns when the server cannot be reached, and stays silent when all is well', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const { unmount } = renderWithQuery(<ApiStatusBanner />);
    expect((await screen.findByRole('alert')).textContent).toContain('cannot be reached');
    unmount();
    stubApi({ '/api/health': { status: 'ok', neo4j: 'up', version: 't' } });
    renderWithQuery(<ApiStatusBanner />);
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
