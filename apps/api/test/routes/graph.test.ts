import { PathsResponseSchema, TRACE_FLOW, TraceResponseSchema } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/context.ts';

const { get } = useTestApp();

describe('GET /api/paths', () => {
  it('finds the direct sale from Seagate to Hikvision', async () => {
    const { status, body } = await get('/api/paths?from=seagate&to=hikvision');
    expect(status).toBe(200);
    const { paths } = PathsResponseSchema.parse(body);
    expect(paths[0]?.edges).toEqual([
      expect.objectContaining({ type: 'SUPPLIED', source: 'seagate', target: 'hikvision' }),
    ]);
  });

  it('does not route through the Entity List unless asked', async () => {
    const plain = PathsResponseSchema.parse((await get('/api/paths?from=hikvision&to=dahua&maxHops=4')).body);
    expect(plain.paths.flatMap((p) => p.edges).some((e) => e.type === 'LISTED_ON')).toBe(false);
    const viaList = PathsResponseSchema.parse((await get('/api/paths?from=hikvision&to=dahua&types=LISTED_ON')).body);
    expect(viaList.paths[0]?.nodes.map((n) => n.id)).toContain('bis-entity-list');
  });

  it('returns up to k distinct paths, shortest first', async () => {
    const { body } = await get(
      '/api/paths?from=demo-co-example-disk-drives&to=demo-psb-northbridge&mode=k&k=3&maxHops=6',
    );
    const { paths } = PathsResponseSchema.parse(body);
    expect(paths.length).toBeGreaterThan(1);
    expect(paths.length).toBeLessThanOrEqual(3);
    const lengths = paths.map((p) => p.edges.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    const signatures = paths.map((p) => p.edges.map((e) => e.id).join('>'));
    expect(new Set(signatures).size).toBe(paths.length);
  });

  it('never links the fictional demo data to the real data', async () => {
    const { body } = await get('/api/paths?from=seagate&to=demo-co-example-disk-drives&maxHops=10');
    expect(PathsResponseSchema.parse(body).paths).toEqual([]);
  });

  it.each([
    ['from=seagate&to=hikvision&maxHops=11', 400, 'maxHops'],
    ['from=seagate&to=seagate', 400, 'to'],
    ['from=seagate', 400, 'to'],
    ['from=seagate&to=hikvision&mode=longest', 400, 'mode'],
    ['from=nobody&to=hikvision', 404, 'from'],
    ['from=seagate&to=nobody', 404, 'to'],
  ])('?%s → %i naming %s', async (query, status, field) => {
    const response = await get(`/api/paths?${query}`);
    expect(response.status).toBe(status);
    expect(JSON.stringify(response.body)).toContain(field);
  });
});

describe('GET /api/trace', () => {
  it('traces Seagate downstream to Xinjiang public-security bodies, flagging Entity-Listed firms', async () => {
    const { status, body } = await get('/api/trace?from=seagate&direction=downstream');
    expect(status).toBe(200);
    const graph = TraceResponseSchema.parse(body);
    const bodies = graph.nodes.filter((n) => n.kind === 'PublicSecurityBody');
    expect(bodies.some((n) => /Xinjiang/i.test(`${n.name} ${String(n.properties['region'] ?? '')}`))).toBe(true);
    const hikvision = graph.nodes.find((n) => n.id === 'hikvision');
    expect(hikvision?.flags.listings).toContainEqual(
      expect.objectContaining({ listId: 'bis-entity-list', date: '2019-10-09' }),
    );
    const flowTypes = Object.keys(TRACE_FLOW);
    expect(graph.edges.every((e) => flowTypes.includes(e.type))).toBe(true);
    expect(graph.nodes.some((n) => n.flags.synthetic)).toBe(false);
  });

  it('says how far each entity is from the start', async () => {
    const trace = TraceResponseSchema.parse((await get('/api/trace?from=seagate')).body);
    expect(trace.depth['seagate']).toBe(0);
    expect(trace.depth['hikvision']).toBe(1);
    expect(trace.depth['xinjiang-public-security-entities']).toBe(3);
    expect(Object.keys(trace.depth).sort()).toEqual(trace.nodes.map((n) => n.id).sort());
  });

  it('does not follow a deal that was abandoned', async () => {
    // Unisplendour's 15% stake in Western Digital was called off in 2016: no technology moved.
    const down = TraceResponseSchema.parse((await get('/api/trace?from=western-digital')).body);
    expect(down.nodes.map((n) => n.id)).not.toContain('unisplendour');
    const up = TraceResponseSchema.parse((await get('/api/trace?from=unisplendour&direction=upstream')).body);
    expect(up.nodes.map((n) => n.id)).not.toContain('western-digital');
    expect(up.nodes.map((n) => n.id)).toContain('h3c');
  });

  it('traces upstream from a buyer back to the manufacturers', async () => {
    const { body } = await get('/api/trace?from=demo-psb-millwick&direction=upstream');
    const ids = TraceResponseSchema.parse(body).nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['demo-co-example-star-trading', 'demo-co-example-disk-drives']));
  });

  it('respects maxHops', async () => {
    const one = TraceResponseSchema.parse((await get('/api/trace?from=seagate&maxHops=1')).body);
    const six = TraceResponseSchema.parse((await get('/api/trace?from=seagate&maxHops=6')).body);
    expect(one.nodes.length).toBeLessThan(six.nodes.length);
    expect(one.nodes.some((n) => n.kind === 'PublicSecurityBody')).toBe(false);
  });

  it('rejects a bad direction and an unknown start', async () => {
    expect((await get('/api/trace?from=seagate&direction=sideways')).status).toBe(400);
    expect((await get('/api/trace?from=nobody')).status).toBe(404);
  });
});
