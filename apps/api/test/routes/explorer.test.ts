import { ConnectResponseSchema, RelationshipResponseSchema } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/context.ts';

const { app } = useTestApp();

const request = async (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
  const response = await app().inject({ method, url, ...(payload === undefined ? {} : { payload }) });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};

describe('GET /api/relationships/:id', () => {
  it('returns the relationship, its two ends and every source it cites, with quotes', async () => {
    const { status, body } = await request('GET', '/api/relationships/rel-hikvision-listed-entity-list-2019');
    expect(status).toBe(200);
    const found = RelationshipResponseSchema.parse(body);
    expect(found.relationship).toMatchObject({ type: 'LISTED_ON', source: 'hikvision', target: 'bis-entity-list' });
    expect(found.nodes.map((n) => n.id).sort()).toEqual(['bis-entity-list', 'hikvision']);
    const cited = found.relationship.properties['sourceIds'];
    expect(found.sources.map((s) => s.id).sort()).toEqual([...(cited as string[])].sort());
    expect(found.sources.every((s) => s.kind === 'Source')).toBe(true);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await request('GET', '/api/relationships/rel-nothing')).status).toBe(404);
    expect((await request('GET', `/api/relationships/${encodeURIComponent('bad id!')}`)).status).toBe(400);
  });
});

describe('POST /api/graph/connect', () => {
  it('returns only relationships among the named entities, adding no entity', async () => {
    const { status, body } = await request('POST', '/api/graph/connect', { ids: ['seagate', 'hikvision', 'dahua'] });
    expect(status).toBe(200);
    const graph = ConnectResponseSchema.parse(body);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['dahua', 'hikvision', 'seagate']);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ type: 'SUPPLIED', source: 'seagate', target: 'hikvision' }),
    );
    const ids = new Set(['seagate', 'hikvision', 'dahua']);
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('ignores unknown ids and rejects a body without ids naming the field', async () => {
    const graph = ConnectResponseSchema.parse(
      (await request('POST', '/api/graph/connect', { ids: ['seagate', 'nobody'] })).body,
    );
    expect(graph.nodes.map((n) => n.id)).toEqual(['seagate']);
    expect(graph.edges).toEqual([]);
    const bad = await request('POST', '/api/graph/connect', { ids: [] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('ids');
  });
});
