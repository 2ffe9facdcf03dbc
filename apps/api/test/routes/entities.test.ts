import { BoundedGraphResponseSchema, EntityResponseSchema } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/context.ts';

const { get } = useTestApp();

describe('GET /api/entities/:id', () => {
  it('returns the entity with its listing, its sources and its relationship counts', async () => {
    const { status, body } = await get('/api/entities/hikvision');
    expect(status).toBe(200);
    const entity = EntityResponseSchema.parse(body);
    expect(entity.entity).toMatchObject({ id: 'hikvision', kind: 'Company' });
    expect(entity.entity.properties['aliases']).toContain('海康威视');
    expect(entity.entity.flags.listings[0]).toMatchObject({ listId: 'bis-entity-list', date: '2019-10-09' });
    // Every fact about Hikvision is sourced, and the sources are real documents with a link.
    expect(entity.sources.length).toBeGreaterThan(0);
    expect(entity.sources.every((s) => s.kind === 'Source' && typeof s.properties['url'] === 'string')).toBe(true);
    expect(entity.relationshipCounts).toContainEqual({ type: 'SUPPLIED', direction: 'in', count: 2 });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await get('/api/entities/no-such-entity');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'not_found' } });
    const malformed = await get(`/api/entities/${encodeURIComponent('bad id!')}`);
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('id');
  });
});

describe('GET /api/entities/:id/neighbors', () => {
  it('returns the neighbourhood as graph JSON with the sale to Hikvision', async () => {
    const { status, body } = await get('/api/entities/seagate/neighbors');
    expect(status).toBe(200);
    const graph = BoundedGraphResponseSchema.parse(body);
    expect(graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['seagate', 'hikvision']));
    const sale = graph.edges.find((e) => e.type === 'SUPPLIED' && e.target === 'hikvision');
    expect(sale).toMatchObject({ source: 'seagate' });
    expect(sale?.properties['sourceIds']).toEqual(expect.arrayContaining([expect.any(String)]));
    // Every edge joins nodes that are in the answer.
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('filters by type and direction', async () => {
    const { body } = await get('/api/entities/hikvision/neighbors?types=SUPPLIED&direction=in');
    const graph = BoundedGraphResponseSchema.parse(body);
    expect(graph.edges.length).toBe(2);
    expect(graph.edges.every((e) => e.type === 'SUPPLIED' && e.target === 'hikvision')).toBe(true);
    const out = BoundedGraphResponseSchema.parse(
      (await get('/api/entities/hikvision/neighbors?types=SUPPLIED&direction=out')).body,
    );
    expect(out.edges).toEqual([]);
    expect(out.nodes.map((n) => n.id)).toEqual(['hikvision']);
  });

  it('caps the answer at the limit and says it was cut', async () => {
    const graph = BoundedGraphResponseSchema.parse((await get('/api/entities/bis-entity-list/neighbors?limit=2')).body);
    expect(graph.edges.length).toBe(2);
    expect(graph.truncated).toBe(true);
  });

  it('rejects an unknown relationship type naming the field, and answers 404 for an unknown entity', async () => {
    const bad = await get('/api/entities/seagate/neighbors?types=LIKES');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('types');
    expect((await get('/api/entities/nobody/neighbors')).status).toBe(404);
  });
});
