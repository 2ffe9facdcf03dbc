import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readShippedDataset } from '@explorer/seeds';
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryRunner } from '../../src/db/runner.ts';
import { applySchema } from '../../src/db/schema.ts';
import { ftmFormat } from '../../src/export/formats/ftm.ts';
import { readSubgraph } from '../../src/export/read-subgraph.ts';
import { fileSourceId } from '../../src/import/ids.ts';
import { importFile, type ImportProgress } from '../../src/import/import-procurements.ts';
import { ImportRefusedError } from '../../src/import/problems.ts';
import { loadDataset } from '../../src/seed/load-dataset.ts';
import { useOwnDatabase } from '../support/own-database.ts';
import { graphChecksum } from '../support/stack.ts';
import { procurementXlsx } from './support/xlsx.ts';

// Imports write: this file has its own database, seeded with report-2022 so that matching is real.
const db = useOwnDatabase('explorer-import-formats-');
const fixture = (name: string) => readFile(new URL(`fixtures/${name}`, import.meta.url));

beforeAll(async () => {
  await applySchema(db());
  await loadDataset(db(), await readShippedDataset('report-2022'));
});

async function rows(cypher: string, params: Record<string, unknown> = {}): Promise<unknown[][]> {
  const { records } = await db().driver.executeQuery(cypher, params, { database: db().database });
  return records.map((r) => r.keys.map((k) => (neo4j.isInt(r.get(k)) ? Number(r.get(k)) : (r.get(k) as unknown))));
}

async function refusal(promise: Promise<unknown>): Promise<ImportRefusedError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefusedError);
  return error as ImportRefusedError;
}

describe('XLSX', () => {
  it('refuses the workbook with a bad row, writing nothing', async () => {
    const before = await graphChecksum(db());
    const error = await refusal(importFile(db(), '采购.xlsx', procurementXlsx()));
    expect(error.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column])).toEqual([[5, '数量']]);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('imports the valid rows only when asked, reporting the row left out, with progress per phase and batch', async () => {
    const progress: Array<Omit<ImportProgress, 'type'>> = [];
    const result = await importFile(db(), '采购.xlsx', procurementXlsx(), {
      validRowsOnly: true,
      importedBy: 'analyst-1',
      now: new Date('2025-02-03T04:05:06Z'),
      onProgress: (p) => progress.push(p),
    });
    expect(result).toMatchObject({ format: 'xlsx', encoding: null, importedBy: 'analyst-1', firstImport: true });
    expect(result.counts).toMatchObject({
      rows: 2,
      rowsSkipped: 1,
      entitiesCreated: { PublicSecurityBody: 2, Company: 1, Product: 2, Procurement: 2, Source: 1 },
      entitiesMatched: { Company: 1 },
      relationshipsCreated: { BUYER: 2, SUPPLIER: 2, ITEM: 2 },
      relationshipsMatched: {},
    });
    expect(result.problems.map((p) => [p.severity, p.line, p.column])).toEqual([
      ['warning', 1, '备注'],
      ['error', 5, '数量'],
    ]);
    expect(progress).toEqual([
      { phase: 'read', done: 3, total: 3 },
      { phase: 'resolve', done: 0, total: 3 },
      { phase: 'resolve', done: 3, total: 3 },
      // One step per batch: here one per kind (Company, PSB, Product, Procurement, Source) and type.
      { phase: 'write', done: 0, total: 14 },
      ...[1, 3, 5, 7, 8, 10, 12, 14].map((done) => ({ phase: 'write', done, total: 14 })),
    ]);
    // Dates from day numbers; the Seagate row attached to the seed's Seagate.
    expect(
      await rows(
        `MATCH (p:Procurement)-[:SUPPLIER]->(s) WHERE p.importedFrom[0] STARTS WITH '采购.xlsx'
         RETURN p.importedFrom[0], p.date, p.quantity, s.id ORDER BY p.importedFrom[0]`,
      ),
    ).toEqual([
      ['采购.xlsx line 2', '2022-03-01', 120, expect.stringMatching(/^company-/)],
      ['采购.xlsx line 4', '2022-04-01', 2, 'seagate'],
    ]);
    expect(
      await rows(`MATCH (i:Import {sha256: $sha}) RETURN i.format, i.importedBy, i.rows, i.rowsSkipped, i.importedAt`, {
        sha: result.sha256,
      }),
    ).toEqual([['xlsx', 'analyst-1', 2, 1, '2025-02-03T04:05:06.000Z']]);
  });
});

describe('JSON lines of model records', () => {
  it('refuses the broken file with every bad line and field, writing nothing', async () => {
    const before = await graphChecksum(db());
    const error = await refusal(importFile(db(), 'records-broken.jsonl', await fixture('records-broken.jsonl')));
    expect(error.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'roles.0'],
      [7, undefined],
      [8, undefined],
      [9, 'citation'],
    ]);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('leaves out whole records with validRowsOnly, and records that then lose an end', async () => {
    const result = await importFile(db(), 'records-broken.jsonl', await fixture('records-broken.jsonl'), {
      validRowsOnly: true,
      dryRun: true,
    });
    expect(result.counts).toMatchObject({ rows: 1, rowsSkipped: 8, entitiesCreated: { Source: 1 } });
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'roles.0'],
      [3, 'sourceIds'],
      [4, 'sourceIds'],
      // Line 6 restates hikvision as a Product: lines 4 and 5 cannot end or start there.
      [4, 'target'],
      [5, 'source'],
      [5, 'target'],
      [6, 'kind'],
      [7, undefined],
      [8, undefined],
      [9, 'citation'],
    ]);
    expect(result.problems.find((p) => p.line === 4)?.message).toBe('"missing-source" is not a Source entity');
    expect(result.problems.find((p) => p.line === 6)?.message).toMatch(/already holds "hikvision" as a Company/);
  });

  it('imports records under their own ids, citing Sources in the file or the database', async () => {
    const result = await importFile(db(), 'records.jsonl', await fixture('records.jsonl'));
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({
      rows: 5,
      rowsSkipped: 0,
      candidates: 0,
      entitiesCreated: { Source: 1, Company: 1 },
      entitiesMatched: { Company: 1, Source: 1, ControlList: 1 },
      relationshipsCreated: { DISTRIBUTES_FOR: 1, LISTED_ON: 1 },
      relationshipsMatched: {},
    });
    expect(
      await rows(
        `MATCH (a:Company {id: 'example-distributor'})-[r]->(b)
         RETURN type(r), r.id, b.id, r.sourceIds, r.importedFrom ORDER BY type(r)`,
      ),
    ).toEqual([
      [
        'DISTRIBUTES_FOR',
        'rel-example-distributor-distributes-for-hikvision',
        'hikvision',
        ['src-example-report', 'S1'],
        ['records.jsonl line 4'],
      ],
      [
        'LISTED_ON',
        'rel-example-distributor-listed-on-entity-list',
        'bis-entity-list',
        ['src-example-report'],
        ['records.jsonl line 5'],
      ],
    ]);
    // The seed's Hikvision keeps its properties and gains the record's citation.
    const [[name, sourceIds]] = (await rows(`MATCH (c:Company {id: 'hikvision'}) RETURN c.name, c.sourceIds`)) as [
      [string, string[]],
    ];
    expect(name).toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(sourceIds).toContain('src-example-report');

    const again = await importFile(db(), 'records.jsonl', await fixture('records.jsonl'));
    expect(again.firstImport).toBe(false);
    expect(again.counts.entitiesCreated).toEqual({});
    expect(again.counts.relationshipsCreated).toEqual({});
  });

  it('holds a new record named like an entity, or with its registry id, as a candidate under its own id', async () => {
    const lines = [
      { id: 'src-duplicates-note', kind: 'Source', name: 'Duplicates test note', url: 'https://example.org/dup-note' },
      {
        id: 'hikvision-copy',
        kind: 'Company',
        name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
        sourceIds: ['src-duplicates-note'],
      },
      {
        id: 'dahua-by-registry',
        kind: 'Company',
        name: 'DH Tech Holding',
        registryIds: ['SZSE:002236'],
        sourceIds: ['src-duplicates-note'],
      },
    ];
    const bytes = new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n'));
    const dry = await importFile(db(), 'duplicates.jsonl', bytes, { dryRun: true });
    expect(dry.counts).toMatchObject({ candidates: 2, entitiesCreated: { Company: 2, Source: 1 } });

    const result = await importFile(db(), 'duplicates.jsonl', bytes);
    expect(result.counts).toMatchObject({ candidates: 2, entitiesCreated: { Company: 2, Source: 1 } });
    expect(
      await rows(
        `MATCH (c:MatchCandidate) WHERE c.rightId IN ['hikvision-copy', 'dahua-by-registry']
         RETURN c.leftId, c.rightId, c.reason ORDER BY c.rightId`,
      ),
    ).toEqual([
      ['dahua', 'dahua-by-registry', 'same-registry-id'],
      ['hikvision', 'hikvision-copy', 'same-name'],
    ]);
    // Later tests match Hikvision and Dahua by name and registry id: the duplicates go again.
    await rows(
      `MATCH (n) WHERE n.id IN ['hikvision-copy', 'dahua-by-registry']
         OR n:MatchCandidate AND n.rightId IN ['hikvision-copy', 'dahua-by-registry']
       DETACH DELETE n`,
    );
  });
});

describe('FollowTheMoney JSON lines', () => {
  it('refuses the broken file, writing nothing; with validRowsOnly imports the entities that map', async () => {
    const before = await graphChecksum(db());
    const bytes = await fixture('entity-list-broken.ftm.json');
    const error = await refusal(importFile(db(), 'broken.ftm.json', bytes));
    expect(error.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'properties.addressEntity.0'],
      [6, 'id'],
      [7, undefined],
    ]);
    expect(await graphChecksum(db())).toBe(before);

    const partial = await importFile(db(), 'broken.ftm.json', bytes, { validRowsOnly: true, dryRun: true });
    expect(partial.counts).toMatchObject({
      rows: 2,
      rowsSkipped: 5,
      entitiesCreated: { Company: 1, Person: 1, Source: 1 },
    });
    expect(partial.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'properties.name'],
      [3, 'properties.addressEntity.0'],
      [5, undefined],
      [6, 'id'],
      [7, undefined],
    ]);
    expect(partial.problems.find((p) => p.line === 5)?.message).toMatch(/OWNS cannot join a Company to a Person/);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('a failed import takes out the citations it gave a relationship already there', async () => {
    const listing = () =>
      rows(
        `MATCH (:Company {id: 'hikvision'})-[r:LISTED_ON]->(:ControlList {id: 'bis-entity-list'})
         RETURN r.sourceIds, r.importedFrom`,
      );
    const before = await graphChecksum(db());
    const listingBefore = await listing();
    const failed = await importFile(db(), 'entity-list.ftm.json', await fixture('entity-list.ftm.json'), {
      onProgress: (p) => {
        // Every batch has committed (Hikvision's 2019 listing has gained the file's citations); the run has not.
        if (p.phase === 'write' && p.total > 0 && p.done === p.total) throw new Error('the client went away');
      },
    }).catch((e: unknown) => e);
    expect((failed as Error).message).toBe('the client went away');
    expect(await listing()).toEqual(listingBefore);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('imports an OpenSanctions-shaped Entity List export: matches, creates, lists, cites', async () => {
    const hikvision = async () =>
      (await rows(`MATCH (c:Company {id: 'hikvision'}) RETURN c.aliases, c.registryIds, c.sourceIds`))[0] as [
        string[],
        string[] | null,
        string[],
      ];
    const [aliasesBefore, , sourcesBefore] = await hikvision();
    const bytes = await fixture('entity-list.ftm.json');
    const result = await importFile(db(), 'entity-list.ftm.json', bytes);
    expect(result.format).toBe('ftm');
    expect(result.counts).toEqual({
      rows: 13,
      rowsSkipped: 0,
      candidates: 0,
      entitiesCreated: { Company: 2, PublicSecurityBody: 1, Person: 1, Source: 3 },
      entitiesMatched: { Company: 1, ControlList: 1 },
      relationshipsCreated: { LISTED_ON: 2, OWNS: 1, PART_OF: 1, SUPPLIED: 1 },
      relationshipsMatched: { LISTED_ON: 1 },
    });
    expect(result.problems.map((p) => [p.severity, p.line])).toEqual([
      ['warning', 8],
      ['warning', 12],
      ['warning', 13],
    ]);

    // The seeded Hikvision, matched by name, learns the list's full Chinese name and its USCC, citing the file.
    expect(await hikvision()).toEqual([
      [...aliasesBefore, '杭州海康威视数字技术股份有限公司'],
      ['USCC:91330000733796106P'],
      [...sourcesBefore, fileSourceId(createHash('sha256').update(bytes).digest('hex'))],
    ]);

    const [[company]] = (await rows(
      `MATCH (c:Company {id: 'ftm-trade-csl-beijing-example-forensics'}) RETURN properties(c)`,
    )) as [[Record<string, unknown>]];
    expect(company).toMatchObject({
      name: 'Beijing Example Forensic Technology Co., Ltd.',
      aliases: ['北京示例法医科技有限公司', 'Example Forensics'],
      registryIds: ['USCC:91110108MA01EXAMPG'],
      country: 'CN',
      headquarters: 'Room 1201, Example Tower, Haidian District, Beijing, China',
      description: 'Weak aliases (not used for matching): BEFT.',
      importedFrom: ['entity-list.ftm.json line 2'],
    });
    expect((company['sourceIds'] as string[]).map((s) => s.replace(/-[0-9a-f]+$/, ''))).toEqual([
      'src-file',
      'src-url',
    ]);
    expect(
      await rows(
        `MATCH (p:PublicSecurityBody {id: 'ftm-trade-csl-xinjiang-example-institute'}) RETURN p.level, p.aliases`,
      ),
    ).toEqual([['unspecified', ['新疆示例公安局物证鉴定所']]]);

    // Listings: two new, and Hikvision's existing 2019 listing gains the file's citations.
    expect(
      await rows(
        `MATCH (e)-[r:LISTED_ON]->(:ControlList {id: 'bis-entity-list'})
         WHERE any(x IN r.importedFrom WHERE x STARTS WITH 'entity-list.ftm.json')
         RETURN e.id, r.citation, r.from, size(r.sourceIds) ORDER BY e.id`,
      ),
    ).toEqual([
      ['ftm-trade-csl-beijing-example-forensics', '85 FR 34503', '2020-06-05', 2],
      ['ftm-trade-csl-xinjiang-example-institute', '84 FR 54002', '2019-10-09', 1],
      ['hikvision', 'FR Doc. 2019-22210', '2019-10-09', 5],
    ]);
    expect(
      await rows(
        `MATCH (p:Person {id: 'ftm-trade-csl-zhang-example'})-[r]->(c) RETURN type(r), c.id, r.share, r.from, r.note ORDER BY type(r)`,
      ),
    ).toEqual([
      ['OWNS', 'ftm-trade-csl-beijing-example-forensics', 51, '2016-03', expect.stringContaining('FtM Ownership')],
      [
        'PART_OF',
        'ftm-trade-csl-beijing-example-forensics',
        null,
        null,
        expect.stringMatching(/^Directorship: Legal representative\./),
      ],
    ]);
    expect(
      await rows(`MATCH (:Company {id: 'ftm-trade-csl-beijing-example-forensics'})-[r:SUPPLIED]->(p) RETURN p.id`),
    ).toEqual([['ftm-trade-csl-xinjiang-example-institute']]);
  });

  it('resolves FtM entities like procurement rows: a registry id attaches, a name in traditional characters is a candidate', async () => {
    const lines = [
      {
        id: 'test-dahua-by-registry',
        schema: 'Company',
        properties: { name: ['Dahua Surveillance Holding'], registrationNumber: ['SZSE:002236'], country: ['cn'] },
      },
      { id: 'test-hikvision-traditional', schema: 'Company', properties: { name: ['海康威視'], country: ['cn'] } },
    ];
    const bytes = new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n'));
    const result = await importFile(db(), 'resolution.ftm.json', bytes);
    expect(result.counts).toMatchObject({
      candidates: 1,
      entitiesCreated: { Company: 1, Source: 1 },
      entitiesMatched: { Company: 1 },
    });
    expect(await rows(`MATCH (c:Entity {id: 'ftm-test-dahua-by-registry'}) RETURN c.id`)).toEqual([]);
    expect(
      await rows(
        `MATCH (c:MatchCandidate) WHERE 'ftm-test-hikvision-traditional' IN [c.leftId, c.rightId]
         RETURN c.leftId, c.rightId, c.reason`,
      ),
    ).toEqual([['hikvision', 'ftm-test-hikvision-traditional', 'traditional-simplified']]);
  });

  it('takes out what a matched entity learned when the import fails; re-importing changes nothing', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        id: 'test-dahua-names',
        schema: 'Company',
        properties: { name: ['大华股份'], alias: ['Dahua Technology'], registrationNumber: ['SZSE:002236'] },
      }),
    );
    const dahua = async () => (await rows(`MATCH (c:Company {id: 'dahua'}) RETURN c.aliases`))[0]?.[0] as string[];
    const before = await graphChecksum(db());
    const aliasesBefore = await dahua();
    const failed = await importFile(db(), 'dahua.ftm.json', bytes, {
      onProgress: (p) => {
        // Every batch has committed; the run has not.
        if (p.phase === 'write' && p.total > 0 && p.done === p.total) throw new Error('the client went away');
      },
    }).catch((e: unknown) => e);
    expect((failed as Error).message).toBe('the client went away');
    expect(await graphChecksum(db())).toBe(before);

    const result = await importFile(db(), 'dahua.ftm.json', bytes);
    expect(result.counts).toMatchObject({ entitiesCreated: { Source: 1 }, entitiesMatched: { Company: 1 } });
    expect(result.matches).toEqual([
      {
        line: 1,
        field: 'properties.name',
        name: '大华股份',
        entity: { id: 'dahua', kind: 'Company', name: 'Zhejiang Dahua Technology Co., Ltd.' },
        by: 'registry-id',
      },
    ]);
    // 'Dahua Technology' it already had: only the new name is added.
    expect(await dahua()).toEqual([...aliasesBefore, '大华股份']);
    const imported = await graphChecksum(db());
    await importFile(db(), 'dahua.ftm.json', bytes);
    expect(await graphChecksum(db())).toBe(imported);
  });

  it('imports a Contract as a Procurement, its authority the buyer and its award the supplier; refuses synthetic data', async () => {
    const lines = [
      {
        id: 'test-psb',
        schema: 'PublicBody',
        properties: { name: ['测试市公安局'], notes: ['level: prefecture'], country: ['cn'] },
      },
      { id: 'test-storage-trader', schema: 'Company', properties: { name: ['Testville Storage Trading Co., Ltd.'] } },
      {
        id: 'test-contract-1',
        schema: 'Contract',
        properties: {
          title: ['Hard disk drives for the video archive'],
          description: ['8 TB surveillance hard disk drives'],
          authority: ['test-psb'],
          amount: ['1,250,000.00'],
          currency: ['cny'],
          contractDate: ['2021-05-17T00:00:00'],
          notes: ['quantity: 300'],
          sourceUrl: ['https://example.org/notices/test-contract-1'],
        },
      },
      {
        id: 'test-award-1',
        schema: 'ContractAward',
        properties: { contract: ['test-contract-1'], supplier: ['test-storage-trader'] },
      },
      { id: 'test-contract-2', schema: 'Contract', properties: { title: ['Servers'], authority: ['test-psb'] } },
      {
        id: 'test-award-2',
        schema: 'ContractAward',
        properties: {
          contract: ['test-contract-2'],
          supplier: ['test-storage-trader'],
          amount: ['86000'],
          currency: ['CNY'],
        },
      },
      {
        id: 'test-invented',
        schema: 'Company',
        properties: { name: ['Summitpath Storage Inc.'], notes: ['SYNTHETIC: fictional demonstration data'] },
      },
    ];
    const bytes = new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n'));
    const before = await graphChecksum(db());
    const error = await refusal(importFile(db(), 'contracts.ftm.json', bytes));
    expect(error.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.field])).toEqual([
      [7, 'properties.notes'],
    ]);
    expect(await graphChecksum(db())).toBe(before);

    const result = await importFile(db(), 'contracts.ftm.json', bytes, { validRowsOnly: true });
    expect(result.counts).toMatchObject({
      rowsSkipped: 1,
      entitiesCreated: { PublicSecurityBody: 1, Company: 1, Procurement: 2, Source: 2 },
      relationshipsCreated: { BUYER: 2, SUPPLIER: 2 },
    });
    // A Contract without an amount takes its award's.
    expect(
      await rows(`MATCH (p:Procurement {id: 'ftm-test-contract-2'}) RETURN p.items, p.amount, p.currency`),
    ).toEqual([['Servers', 86_000, 'CNY']]);
    expect(
      await rows(
        `MATCH (b)<-[:BUYER]-(p:Procurement {id: 'ftm-test-contract-1'})-[:SUPPLIER]->(s)
         RETURN p.name, p.items, p.amount, p.currency, p.date, p.quantity, size(p.sourceIds), b.id, b.level, s.id`,
      ),
    ).toEqual([
      [
        'Hard disk drives for the video archive',
        '8 TB surveillance hard disk drives',
        1_250_000,
        'CNY',
        '2021-05-17',
        300,
        2,
        'ftm-test-psb',
        'prefecture',
        'ftm-test-storage-trader',
      ],
    ]);
    expect(await rows(`MATCH (c:Entity) WHERE c.name = 'Summitpath Storage Inc.' RETURN c.id`)).toEqual([]);
  });

  it("takes the explorer's own FtM export of a purchase back without copying it", async () => {
    // A purchase, its buyer and its supplier, with the relationships among them and their Sources.
    const [ids] = (await rows(
      `MATCH (b:PublicSecurityBody)<-[:BUYER]-(p:Procurement)-[:SUPPLIER]->(s:Company)
       RETURN p.id, b.id, s.id ORDER BY p.id LIMIT 1`,
    )) as [string[]];
    const graph = await readSubgraph(new QueryRunner(db(), 30_000), { nodeIds: ids, hops: 0 });
    const bytes = new TextEncoder().encode([...ftmFormat.write(graph)].join(''));
    const result = await importFile(db(), 'own-export.ftm.json', bytes);
    expect(result.counts.entitiesMatched).toMatchObject({ Procurement: 1 });
    expect(result.counts.entitiesCreated).toEqual({ Source: 1 });
    expect(result.counts.relationshipsCreated).toEqual({});
    expect(result.counts.relationshipsMatched).toMatchObject({ BUYER: 1, SUPPLIER: 1 });
  });
});
