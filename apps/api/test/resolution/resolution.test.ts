import { createHash } from 'node:crypto';
import {
  CandidateListResponseSchema,
  MergeListResponseSchema,
  MergeResponseSchema,
  ResolutionErrorBodySchema,
  type MatchCandidate,
} from '@explorer/model';
import { readShippedDataset } from '@explorer/seeds';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/schema.ts';
import { importFile } from '../../src/import/import-procurements.ts';
import { loadDataset } from '../../src/seed/load-dataset.ts';
import { useOwnDatabase } from '../support/own-database.ts';
import { buildTestApp } from '../support/stack.ts';

// Imports and merges write: this file has its own database, seeded with report-2022 so that matching is real.
const db = useOwnDatabase('explorer-resolution-');
let app: FastifyInstance;

beforeAll(async () => {
  await applySchema(db());
  await loadDataset(db(), await readShippedDataset('report-2022'));
  app = await buildTestApp(db());
});
afterAll(async () => {
  await app.close();
});

async function query(cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await db().driver.executeQuery(cypher, params, { database: db().database });
  return records;
}

/**
 * A digest of every node (but the Merge records a merge leaves) and every relationship, with all
 * labels and properties: equal digests mean the same graph, candidates included.
 */
async function checksum(): Promise<string> {
  const [record] = await query(
    `CALL () {
       MATCH (n) WHERE NOT n:Merge
       WITH n, labels(n) AS labels ORDER BY n.id
       RETURN collect([apoc.coll.sort(labels), apoc.convert.toJson(apoc.map.sortedProperties(n))]) AS nodes
     }
     CALL () {
       MATCH (a)-[r]->(b)
       WITH a, r, b ORDER BY type(r), r.id, a.id, b.id
       RETURN collect([type(r), a.id, b.id, apoc.convert.toJson(apoc.map.sortedProperties(r))]) AS rels
     }
     RETURN apoc.convert.toJson([nodes, rels]) AS dump`,
  );
  return createHash('sha256')
    .update(String(record?.get('dump')))
    .digest('hex');
}

async function call(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

const errorFields = (body: unknown) =>
  (
    ResolutionErrorBodySchema.parse(body).error.details as { fields?: Array<{ field: string }> } | undefined
  )?.fields?.map((f) => f.field);

/**
 * Line 2: Hikvision by its exact (normalised) name. Line 3: a name Dahua is not known by, but Dahua's
 * registry id. Line 4: Hikvision's Chinese name in traditional characters only: a candidate. Line 5:
 * Thermo Fisher by exact name. Line 6: Dahua's own alias, but another SZSE code: refused, a new company.
 */
const CSV = [
  'buyer,supplier,供应商统一社会信用代码,product,date',
  '测试市公安局,HIKVISION Co.，Ltd.,,测试硬盘一号,2021-01-01',
  '测试市公安局,浙江某某安防科技,SZSE:002236,测试摄像机二号,2021-01-02',
  '测试市公安局,海康威視,,测试录像机三号,2021-01-03',
  '测试市公安局,Thermo Fisher Scientific Inc.,,测试测序仪四号,2021-01-04',
  '测试市公安局,Dahua,SZSE:999999,测试镜头五号,2021-01-05',
].join('\n');

const supplierOf = async (line: number) =>
  String(
    (
      await query(`MATCH (p:Procurement)-[r:SUPPLIER]->(s:Entity) WHERE $at IN r.importedFrom RETURN s.id AS id`, {
        at: `resolution.csv line ${line}`,
      })
    )[0]?.get('id'),
  );

describe('entity resolution on import', () => {
  it('attaches exact names and registry ids, holds traditional characters for review, refuses another registry id', async () => {
    const result = await importFile(db(), 'resolution.csv', new TextEncoder().encode(CSV), {
      importedBy: 'Test Importer',
      now: new Date('2025-02-03T04:05:06Z'),
    });
    expect(result.counts).toEqual({
      rows: 5,
      rowsSkipped: 0,
      entitiesCreated: { Company: 2, PublicSecurityBody: 1, Product: 5, Procurement: 5, Source: 1 },
      entitiesMatched: { Company: 3 },
      relationshipsCreated: { BUYER: 5, SUPPLIER: 5, ITEM: 5 },
      relationshipsMatched: {},
      candidates: 1,
    });
    expect(result.problems.map((p) => [p.severity, p.line, p.field, p.message])).toEqual([
      [
        'warning',
        6,
        'supplier_registry_id',
        '"Dahua" is named like "dahua" ("Dahua") but its registry id SZSE:999999 differs from SZSE:002236: kept apart',
      ],
    ]);

    // Matched: exact name, registry id (outranking a name nobody uses), exact name with legal suffix.
    expect(await supplierOf(2)).toBe('hikvision');
    expect(await supplierOf(3)).toBe('dahua');
    expect(await supplierOf(5)).toBe('thermo-fisher');
    // Held: 海康威視 is a new company, paired with Hikvision for review. Refused: a new "Dahua".
    const traditional = await supplierOf(4);
    expect(traditional).toMatch(/^company-[0-9a-f]{12}$/);
    const refused = await supplierOf(6);
    expect(refused).toMatch(/^company-dahua-[0-9a-f]{12}$/);
    const [newDahua] = await query(`MATCH (c:Company {id: $id}) RETURN c.registryIds AS ids`, { id: refused });
    expect(newDahua?.get('ids')).toEqual(['SZSE:999999']);

    const candidates = await query(`MATCH (c:MatchCandidate) RETURN c`);
    expect(candidates.map((r) => (r.get('c') as { properties: Record<string, unknown> }).properties)).toEqual([
      {
        id: expect.stringMatching(/^cand-[0-9a-f]{16}$/) as unknown,
        status: 'open',
        leftId: 'hikvision',
        leftName: '海康威视',
        rightId: traditional,
        rightName: '海康威視',
        reason: 'traditional-simplified',
        score: 0.95,
        line: 4,
        field: 'supplier',
        fileName: 'resolution.csv',
        sha256: result.sha256,
        createdAt: '2025-02-03T04:05:06.000Z',
        createdBy: 'Test Importer',
      },
    ]);
    // A candidate is never an Entity.
    expect((await query(`MATCH (c:MatchCandidate:Entity) RETURN c`)).length).toBe(0);
  });

  it('re-importing the same file raises no candidate again', async () => {
    const before = await checksum();
    const result = await importFile(db(), 'resolution.csv', new TextEncoder().encode(CSV));
    expect(result.firstImport).toBe(false);
    expect(result.counts.candidates).toBe(0);
    expect(await checksum()).toBe(before);
  });
});

describe('review: merge, undo, keep apart', () => {
  let candidate: MatchCandidate;

  it('lists the open pair with the evidence of both sides', async () => {
    const { status, body } = await call('GET', '/api/candidates?status=open');
    expect(status).toBe(200);
    const { candidates } = CandidateListResponseSchema.parse(body);
    expect(candidates).toHaveLength(1);
    candidate = candidates[0] as MatchCandidate;
    expect(candidate).toMatchObject({
      status: 'open',
      reason: 'traditional-simplified',
      score: 0.95,
      leftName: '海康威视',
      rightName: '海康威視',
      raisedBy: { fileName: 'resolution.csv', line: 4, field: 'supplier' },
      createdBy: 'Test Importer',
      decidedAt: null,
    });
    expect(candidate.left).toMatchObject({
      id: 'hikvision',
      present: true,
      kind: 'Company',
      name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      aliases: ['Hikvision', '海康威视'],
    });
    expect(candidate.left.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['S13', 'S14']));
    expect(candidate.left.relationshipCounts).toEqual(
      expect.arrayContaining([{ type: 'SUPPLIER', direction: 'in', count: 1 }]),
    );
    expect(candidate.right).toMatchObject({
      present: true,
      kind: 'Company',
      name: '海康威視',
      aliases: [],
      registryIds: [],
      relationshipCounts: [{ type: 'SUPPLIER', direction: 'in', count: 1 }],
      sources: [{ id: expect.stringMatching(/^src-file-/) as unknown, name: 'resolution.csv', url: null }],
    });
  });

  it('refuses bad input with 4xx naming the field, writing nothing', async () => {
    const before = await checksum();
    const cases: Array<[string, string, unknown, number, string[] | undefined]> = [
      ['GET', '/api/candidates?status=maybe', undefined, 400, ['status']],
      ['GET', '/api/candidates?limit=0', undefined, 400, ['limit']],
      ['POST', '/api/candidates/not-an-id/merge', { keep: 'hikvision', by: 'A' }, 400, ['id']],
      ['POST', '/api/candidates/cand-0000000000000000/merge', { keep: 'hikvision', by: 'A' }, 404, undefined],
      ['POST', `/api/candidates/${candidate.id}/merge`, { keep: 'seagate', by: 'A' }, 400, ['keep']],
      ['POST', `/api/candidates/${candidate.id}/merge`, { keep: 'hikvision' }, 400, ['by']],
      ['POST', `/api/candidates/${candidate.id}/merge`, { keep: 'hikvision', by: '   ' }, 400, ['by']],
      ['POST', `/api/candidates/${candidate.id}/merge`, { keep: 'bad id!', by: 'A' }, 400, ['keep']],
      ['POST', `/api/candidates/${candidate.id}/keep-apart`, {}, 400, ['by']],
      ['POST', '/api/merges/not-a-uuid/undo', { by: 'A' }, 400, ['id']],
      ['POST', '/api/merges/2b0f6a43-3f5e-4d61-9f43-2a4b3c9d1e7f/undo', { by: 'A' }, 404, undefined],
      ['GET', '/api/merges?limit=x', undefined, 400, ['limit']],
    ];
    for (const [method, url, payload, expected, fields] of cases) {
      const { status, body } = await call(method as 'GET' | 'POST', url, payload);
      expect([url, status]).toEqual([url, expected]);
      if (fields) expect(errorFields(body)).toEqual(fields);
    }
    const malformed = await app.inject({
      method: 'POST',
      url: `/api/candidates/${candidate.id}/merge`,
      headers: { 'content-type': 'application/json' },
      payload: '{"keep":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(await checksum()).toBe(before);
  });

  it('merges: the kept entity gains every alias, relationship and source; undo restores the graph exactly', async () => {
    const mergedId = candidate.right.id;
    // Give the entity to merge away more to lose: an outgoing relationship with an integer property, and an alias.
    await query(
      `MATCH (c:Entity {id: $id}), (s:Entity {id: 'seagate'})
       SET c.aliases = ['Macau Weishi']
       CREATE (c)-[:DISTRIBUTES_FOR {id: 'rel-test-distributes', sourceIds: ['S1'], confidence: 'low', count: 3, share: 0.5}]->(s)`,
      { id: mergedId },
    );
    const before = await checksum();
    const [hikBefore] = await query(`MATCH (h:Entity {id: 'hikvision'}) RETURN h`);

    const { status, body } = await call('POST', `/api/candidates/${candidate.id}/merge`, {
      keep: 'hikvision',
      by: 'Reviewer One',
    });
    expect(status).toBe(200);
    const { merge, candidate: decided } = MergeResponseSchema.parse(body);
    expect(merge).toMatchObject({
      status: 'done',
      keptId: 'hikvision',
      mergedId,
      mergedName: '海康威視',
      mergedKind: 'Company',
      relationshipsMoved: 2,
      aliasesAdded: ['海康威視', 'Macau Weishi'],
      registryIdsAdded: [],
      sourceIdsAdded: [expect.stringMatching(/^src-file-/) as unknown],
      mergedBy: 'Reviewer One',
      undoneAt: null,
    });
    expect(decided).toMatchObject({ status: 'merged', decidedBy: 'Reviewer One', mergeId: merge.id });

    // Every alias and source kept; both relationships now on Hikvision, with their ids and properties.
    const [hik] = await query(`MATCH (h:Entity {id: 'hikvision'}) RETURN h.aliases AS aliases, h.sourceIds AS s`);
    expect(hik?.get('aliases')).toEqual(['Hikvision', '海康威视', '海康威視', 'Macau Weishi']);
    expect(hik?.get('s')).toEqual(expect.arrayContaining(['S13', ...merge.sourceIdsAdded]));
    const moved = await query(
      `MATCH (a)-[r:DISTRIBUTES_FOR|SUPPLIER]->(b) WHERE r.id = 'rel-test-distributes' OR $at IN coalesce(r.importedFrom, [])
       RETURN type(r) AS type, a.id AS a, b.id AS b, r.count AS count`,
      { at: 'resolution.csv line 4' },
    );
    expect(moved.map((r) => [r.get('type'), r.get('a'), r.get('b')]).sort()).toEqual([
      ['DISTRIBUTES_FOR', 'hikvision', 'seagate'],
      ['SUPPLIER', expect.stringMatching(/^proc-import-/) as unknown, 'hikvision'],
    ]);
    expect(moved.find((r) => r.get('type') === 'DISTRIBUTES_FOR')?.get('count')).toEqual(
      expect.objectContaining({ low: 3 }),
    );
    // The merged-away node is no Entity (not searched, not an entity), but is kept with every property.
    expect((await call('GET', `/api/entities/${mergedId}`)).status).toBe(404);
    const search = await call('GET', `/api/search?q=${encodeURIComponent('海康威視')}`);
    expect((search.body['results'] as Array<{ id: string }>).map((r) => r.id)).toContain('hikvision');
    expect((search.body['results'] as Array<{ id: string }>).map((r) => r.id)).not.toContain(mergedId);
    const [retired] = await query(`MATCH (n {id: $id}) RETURN labels(n) AS labels, n.name AS name`, { id: mergedId });
    expect([retired?.get('labels'), retired?.get('name')]).toEqual([['MergedEntity'], '海康威視']);

    // The queue is empty; the merge is listed.
    const open = CandidateListResponseSchema.parse((await call('GET', '/api/candidates')).body);
    expect(open.candidates).toEqual([]);
    const mergedList = CandidateListResponseSchema.parse((await call('GET', '/api/candidates?status=merged')).body);
    expect(mergedList.candidates.map((c) => [c.id, c.right.present])).toEqual([[candidate.id, false]]);
    const merges = MergeListResponseSchema.parse((await call('GET', '/api/merges')).body);
    expect(merges.merges.map((m) => m.id)).toEqual([merge.id]);

    // A merged candidate cannot be merged or kept apart again.
    const again = await call('POST', `/api/candidates/${candidate.id}/keep-apart`, { by: 'B' });
    expect(again.status).toBe(409);
    expect(String(ResolutionErrorBodySchema.parse(again.body).error.message)).toMatch(/already merged by Reviewer One/);

    // Undo: exactly the graph before the merge (the Merge record stays, marked undone).
    const undone = await call('POST', `/api/merges/${merge.id}/undo`, { by: 'Reviewer Two' });
    expect(undone.status).toBe(200);
    expect(MergeResponseSchema.parse(undone.body)).toMatchObject({
      merge: { id: merge.id, status: 'undone', undoneBy: 'Reviewer Two' },
      candidate: { id: candidate.id, status: 'open', decidedAt: null, decidedBy: null, mergeId: null },
    });
    expect(await checksum()).toBe(before);
    const [hikAfter] = await query(`MATCH (h:Entity {id: 'hikvision'}) RETURN h`);
    expect(hikAfter?.get('h').properties).toEqual(hikBefore?.get('h').properties);
    const twice = await call('POST', `/api/merges/${merge.id}/undo`, { by: 'Reviewer Two' });
    expect(twice.status).toBe(409);
    expect(ResolutionErrorBodySchema.parse(twice.body).error.message).toMatch(/already undone/);
  });

  it('refuses to undo a merge whose entities changed since, and one whose merged id is taken again', async () => {
    const mergedId = candidate.right.id;
    const first = MergeResponseSchema.parse(
      (await call('POST', `/api/candidates/${candidate.id}/merge`, { keep: mergedId, by: 'Reviewer One' })).body,
    );
    // Merged the other way round: Hikvision is the one merged away, and no seed route finds it.
    expect(first.merge).toMatchObject({ keptId: mergedId, mergedId: 'hikvision' });
    expect((await call('GET', '/api/entities/hikvision')).status).toBe(404);

    await query(`MATCH (c:Entity {id: $id}) SET c.description = 'edited after the merge'`, { id: mergedId });
    const changed = await call('POST', `/api/merges/${first.merge.id}/undo`, { by: 'Reviewer Two' });
    expect(changed.status).toBe(409);
    expect(ResolutionErrorBodySchema.parse(changed.body).error.message).toMatch(
      new RegExp(`"${mergedId}" changed since the merge`),
    );
    await query(`MATCH (c:Entity {id: $id}) REMOVE c.description`, { id: mergedId });

    // The merged-away node does not hold the Entity id constraint: an entity may take its id...
    await query(`CREATE (:Entity:Company {id: 'hikvision', name: 'Re-seeded Hikvision'})`);
    const clash = await call('POST', `/api/merges/${first.merge.id}/undo`, { by: 'Reviewer Two' });
    expect(clash.status).toBe(409);
    expect(ResolutionErrorBodySchema.parse(clash.body).error.message).toMatch(/"hikvision" exists again/);
    await query(`MATCH (n:Entity {id: 'hikvision', name: 'Re-seeded Hikvision'}) DELETE n`);

    // ...and once things are as the merge left them, undo works.
    const ok = await call('POST', `/api/merges/${first.merge.id}/undo`, { by: 'Reviewer Two' });
    expect(ok.status).toBe(200);
    expect((await call('GET', '/api/entities/hikvision')).status).toBe(200);
  });

  it('keeps a pair apart, and a kept-apart pair is not merged', async () => {
    const { status, body } = await call('POST', `/api/candidates/${candidate.id}/keep-apart`, { by: 'Reviewer Three' });
    expect(status).toBe(200);
    expect(body['candidate']).toMatchObject({ status: 'kept-apart', decidedBy: 'Reviewer Three' });
    expect(CandidateListResponseSchema.parse((await call('GET', '/api/candidates')).body).candidates).toEqual([]);
    const before = await checksum();
    const merge = await call('POST', `/api/candidates/${candidate.id}/merge`, { keep: 'hikvision', by: 'X' });
    expect(merge.status).toBe(409);
    expect(await checksum()).toBe(before);
  });

  it('refuses to merge entities whose registry ids of one scheme differ', async () => {
    await query(
      `CREATE (:MatchCandidate {id: 'cand-00000000000000ff', status: 'open', leftId: 'dahua', rightId: $refused,
               leftName: 'Dahua', rightName: 'Dahua', reason: 'contains', score: 0.5, createdAt: '2025-01-01T00:00:00.000Z', createdBy: 'test'})`,
      { refused: await supplierOf(6) },
    );
    const before = await checksum();
    const { status, body } = await call('POST', '/api/candidates/cand-00000000000000ff/merge', {
      keep: 'dahua',
      by: 'X',
    });
    expect(status).toBe(409);
    expect(ResolutionErrorBodySchema.parse(body).error.message).toMatch(/SZSE:002236, SZSE:999999/);
    expect(await checksum()).toBe(before);
  });
});
