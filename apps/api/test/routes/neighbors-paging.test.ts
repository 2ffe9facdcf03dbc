import {
  EntityResponseSchema,
  LIMITS,
  NeighborsResponseSchema,
  RELATIONSHIP_TYPES,
  type NeighborsResponse,
} from '@explorer/model';
import type { FastifyInstance } from 'fastify';
import neo4j, { type Relationship } from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_RELATIONSHIP_COUNTS, ENTITY_SOURCES, neighbors } from '../../src/db/queries.ts';
import { EDGES } from '../../src/export/queries.ts';
import { applySchema } from '../../src/db/schema.ts';
import { useOwnDatabase } from '../support/own-database.ts';
import { buildTestApp } from '../support/stack.ts';

// A hub with tens of thousands of links (as the 1M bench graph's Entity List and big buyers have):
// paging must hand out every relationship exactly once, the same page twice, and cost about a page.
const LINKS = 20_000;
const OUT = 15_000; // SUPPLIED from the hub; the rest are IN_CATEGORY / LISTED_ON into it.

const database = useOwnDatabase('neighbors-paging-');
let app: FastifyInstance;

beforeAll(async () => {
  const db = database();
  await applySchema(db);
  await db.driver.executeQuery(
    `CREATE (:Entity:Company {id: 'hub', name: 'Hub Co.', aliases: [], synthetic: true, group: false, sourceIds: []})`,
  );
  const link = (range: string, rel: string) =>
    db.driver.executeQuery(
      `MATCH (hub:Entity {id: 'hub'})
       UNWIND ${range} AS i
       CREATE (m:Entity:Company {id: 'n-' + i, name: 'Neighbour ' + (i % 997), aliases: [], synthetic: true,
                                 group: false, sourceIds: []})
       CREATE ${rel}`,
      { links: neo4j.int(LINKS), out: neo4j.int(OUT) },
    );
  await link('range(0, $out - 1)', "(hub)-[:SUPPLIED {id: 'r-' + i, sourceIds: [], synthetic: true}]->(m)");
  await link(
    'range($out, $links - 1, 2)',
    "(m)-[:COOPERATES_WITH {id: 'r-' + i, sourceIds: [], synthetic: true}]->(hub)",
  );
  await link(
    'range($out + 1, $links - 1, 2)',
    "(m)-[:DISTRIBUTES_FOR {id: 'r-' + i, sourceIds: [], synthetic: true}]->(hub)",
  );
  app = await buildTestApp(db);
  return () => app.close();
}, 300_000);

/** Database hits of a PROFILEd query, over its whole plan. */
async function profileHits(cypher: string, params: Record<string, unknown>): Promise<number> {
  const { summary } = await database().driver.executeQuery(`PROFILE ${cypher}`, params);
  let total = 0;
  const walk = (plan: { dbHits: number; children: unknown[] }) => {
    total += plan.dbHits;
    for (const child of plan.children) walk(child as typeof plan);
  };
  if (summary.profile) walk(summary.profile);
  return total;
}

async function page(query: string): Promise<NeighborsResponse> {
  const response = await app.inject({ method: 'GET', url: `/api/entities/hub/neighbors?${query}` });
  expect(response.statusCode).toBe(200);
  return NeighborsResponseSchema.parse(response.json());
}

/** Every page from the first, following nextCursor. */
async function allPages(query: string): Promise<NeighborsResponse[]> {
  const pages: NeighborsResponse[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const next: NeighborsResponse = await page(`${query}${cursor === '' ? '' : `&cursor=${cursor}`}`);
    pages.push(next);
    cursor = next.nextCursor;
  }
  return pages;
}

describe('neighbors of a hub, page by page', () => {
  it('hands out every relationship exactly once, each page whole and with both its ends', async () => {
    const pages = await allPages('limit=500');
    expect(pages).toHaveLength(LINKS / 500);
    const ids = pages.flatMap((p) => p.edges.map((e) => e.id));
    expect(ids).toHaveLength(LINKS);
    expect(new Set(ids).size).toBe(LINKS);
    for (const [i, p] of pages.entries()) {
      expect(p.edges).toHaveLength(500);
      expect(p.truncated).toBe(true);
      expect(p.nextCursor).toBe(i === pages.length - 1 ? null : String((i + 1) * 500));
      const nodes = new Set(p.nodes.map((n) => n.id));
      expect(nodes.has('hub')).toBe(true);
      expect(p.edges.every((e) => nodes.has(e.source) && nodes.has(e.target))).toBe(true);
    }
  }, 120_000);

  it('answers the same page twice', async () => {
    const first = await page('limit=300&cursor=6000');
    const again = await page('limit=300&cursor=6000');
    expect(again).toEqual(first);
    expect(first.edges).toHaveLength(300);
  });

  it('pages a filtered neighbourhood too, to its end', async () => {
    const incoming = await allPages('limit=499&direction=in');
    const ids = incoming.flatMap((p) => p.edges.map((e) => e.id));
    expect(new Set(ids).size).toBe(LINKS - OUT);
    expect(ids).toHaveLength(LINKS - OUT);
    expect(incoming.flatMap((p) => p.edges).every((e) => e.target === 'hub')).toBe(true);

    const supplied = await allPages('limit=500&types=SUPPLIED&direction=out');
    expect(new Set(supplied.flatMap((p) => p.edges.map((e) => e.id))).size).toBe(OUT);
    const last = supplied.at(-1);
    expect(last?.nextCursor).toBeNull();
  }, 120_000);

  it('sorts the page it returns by type and name, and past the end returns the hub alone', async () => {
    const { edges, nodes } = await page('limit=200&cursor=14900');
    // 100 SUPPLIED then 100 incoming relationships: the page is sorted, not the neighbourhood.
    const types = edges.map((e) => e.type);
    expect(types).toEqual([...types].sort());
    const past = await page(`limit=10&cursor=${LINKS}`);
    expect(past.edges).toEqual([]);
    expect(past.nodes.map((n) => n.id)).toEqual(['hub']);
    expect(past.nextCursor).toBeNull();
    expect(nodes.length).toBeGreaterThan(1);
  });

  it('costs about a page, not the neighbourhood (database hits of PROFILE)', async () => {
    const hits = (skip: number) =>
      profileHits(neighbors(undefined, 'both'), { id: 'hub', skip: neo4j.int(skip), limit: neo4j.int(100) });
    // Reading every neighbour's name to sort them, as the query did before, took > 2 hits a link.
    expect(await hits(0)).toBeLessThan(2_000);
    // A late page walks past the earlier relationships, without reading them.
    expect(await hits(19_000)).toBeLessThan(LINKS * 2);
  });

  it('refuses a cursor that no answer gave', async () => {
    for (const bad of ['-1', 'abc', '01', '1e3']) {
      const response = await app.inject({ method: 'GET', url: `/api/entities/hub/neighbors?cursor=${bad}` });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('cursor');
    }
  });

  // Last: it adds a second hub linked to the first.
  it("finds an export's relationships among ids around hubs as a full walk does, without walking the hubs", async () => {
    const db = database();
    await db.driver.executeQuery(
      `MATCH (hub:Entity {id: 'hub'})
       CREATE (h2:Entity:Company {id: 'hub2', name: 'Hub Two', aliases: [], synthetic: true, group: false, sourceIds: []})
       CREATE (hub)-[:SUPPLIED {id: 'hh-1', sourceIds: [], synthetic: true}]->(h2)
       CREATE (h2)-[:SUPPLIED {id: 'hh-2', sourceIds: [], synthetic: true}]->(hub)
       WITH h2
       UNWIND range(0, 299) AS i
       MATCH (m:Entity {id: 'n-' + i})
       CREATE (h2)-[:SUPPLIED {id: 'h2o-' + i, sourceIds: [], synthetic: true}]->(m)
       CREATE (m)-[:COOPERATES_WITH {id: 'h2i-' + i, sourceIds: [], synthetic: true}]->(h2)`,
    );
    // Both hubs, neighbours on both sides of them, and ids that do not exist.
    const ids = [
      'hub',
      'hub2',
      'nobody',
      ...[0, 7, 299, 500, 1500, 14_999, 15_000, 15_001, 19_998].map((i) => `n-${i}`),
    ];
    const params = { ids, types: RELATIONSHIP_TYPES };
    const naive = `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
                   RETURN a.id AS source, b.id AS target, r ORDER BY type(r), r.id`;
    const rows = async (cypher: string) =>
      (await db.driver.executeQuery(cypher, params)).records.map((r) => [
        r.get('source') as string,
        r.get('target') as string,
        (r.get('r') as Relationship).properties['id'] as string,
      ]);
    const expected = await rows(naive);
    expect(expected.length).toBeGreaterThan(12);
    expect(expected.map(([, , id]) => id)).toEqual(expect.arrayContaining(['hh-1', 'hh-2', 'r-15000', 'h2i-7']));
    expect(await rows(EDGES)).toEqual(expected);
    // The two hubs are walked only between themselves (Expand(Into) from the smaller, 4 pairs of ~600).
    expect(await profileHits(EDGES, params)).toBeLessThan(4_000);
    // The walk it replaces expands the hub's 15,000 outgoing links (and reads the id at their far end).
    expect(await profileHits(naive, params)).toBeGreaterThan(15_000);
  });
});

describe('a hub entity', () => {
  it("lists its own sources and its first relationships' only, says so, and reads about that many", async () => {
    const db = database();
    await db.driver.executeQuery(
      `MATCH (hub:Entity {id: 'hub'}) SET hub.sourceIds = ['src-hub']
       CREATE (:Entity:Source {id: 'src-hub', name: 'The hub notice', aliases: [], synthetic: true, group: false,
                               sourceIds: []})`,
    );
    const response = await app.inject({ method: 'GET', url: '/api/entities/hub' });
    expect(response.statusCode).toBe(200);
    const body = EntityResponseSchema.parse(response.json());
    expect(body.sources.map((s) => s.id)).toEqual(['src-hub']);
    expect(body.sourcesTruncated).toBe(true);
    expect(body.relationshipCounts.reduce((sum, c) => sum + c.count, 0)).toBeGreaterThan(LINKS);

    const params = {
      id: 'hub',
      relationshipsMax: neo4j.int(LIMITS.entitySourceRelationshipsMax),
      sourcesLimit: neo4j.int(LIMITS.entitySourcesMax + 1),
    };
    // Reading every relationship's citations would be over 40,000 hits.
    expect(await profileHits(ENTITY_SOURCES, params)).toBeLessThan(5 * LIMITS.entitySourceRelationshipsMax);

    // Its relationship counts come from the degree store, not a walk over its 20,000 links.
    expect(body.relationshipCounts).toEqual(
      expect.arrayContaining([{ type: 'SUPPLIED', direction: 'out', count: OUT + 1 }]),
    );
    expect(await profileHits(ENTITY_RELATIONSHIP_COUNTS, { id: 'hub' })).toBeLessThan(1_000);

    const ordinary = EntityResponseSchema.parse((await app.inject({ method: 'GET', url: '/api/entities/n-3' })).json());
    expect(ordinary.sourcesTruncated).toBe(false);
  });
});
