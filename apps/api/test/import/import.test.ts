import { readFile } from 'node:fs/promises';
import { readShippedDataset } from '@explorer/seeds';
import { beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/schema.ts';
import { importFile } from '../../src/import/import-procurements.ts';
import { ImportRefusedError } from '../../src/import/problems.ts';
import { loadDataset } from '../../src/seed/load-dataset.ts';
import { useOwnDatabase } from '../support/own-database.ts';
import { graphChecksum } from '../support/stack.ts';

// Imports write: this file has its own database, seeded with report-2022 so that matching is real.
const db = useOwnDatabase('explorer-import-');
const fixture = (name: string) => readFile(new URL(`fixtures/${name}`, import.meta.url));

beforeAll(async () => {
  await applySchema(db());
  await loadDataset(db(), await readShippedDataset('report-2022'));
});

async function ids(cypher: string, params: Record<string, unknown> = {}): Promise<string[]> {
  const { records } = await db().driver.executeQuery(cypher, params, { database: db().database });
  return records.map((r) => String(r.get(0))).sort();
}

describe('procurement import', () => {
  it('refuses the broken file, writing nothing, and lists every problem', async () => {
    const before = await graphChecksum(db());
    const error = await importFile(db(), 'procurements-broken.csv', await fixture('procurements-broken.csv')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect(
      (error as ImportRefusedError).problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.field]),
    ).toEqual([
      [3, 'date'],
      [4, 'quantity'],
      [5, 'supplier'],
      [6, 'amount'],
      [7, undefined],
    ]);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('dry-runs the GB18030 file: exact counts, nothing written', async () => {
    const before = await graphChecksum(db());
    const result = await importFile(db(), 'procurements-gb18030.csv', await fixture('procurements-gb18030.csv'), {
      dryRun: true,
    });
    expect(result.dryRun).toBe(true);
    expect(result.counts).toEqual(GB18030_COUNTS);
    // Which names would attach to which entities, each at the first line that names it.
    expect(result.matches.map((m) => [m.line, m.field, m.name, m.entity.id, m.entity.name, m.by])).toEqual([
      [2, 'manufacturer', '希捷', 'seagate', 'Seagate Technology Holdings', 'name'],
      [3, 'manufacturer', '西部数据', 'western-digital', expect.stringContaining('Western Digital'), 'name'],
      [3, 'product', 'WD Purple', 'wd-purple', 'WD Purple', 'name'],
      [4, 'supplier', 'ＨＩＫＶＩＳＩＯＮ', 'hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', 'name'],
      [4, 'manufacturer', '海康威视', 'hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', 'name'],
    ]);
    expect(result.matchesTotal).toBe(5);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('imports the GB18030 file: creates, matches by exact normalised name or alias, cites file and row', async () => {
    const data = await fixture('procurements-gb18030.csv');
    const result = await importFile(db(), 'procurements-gb18030.csv', data, {
      now: new Date('2025-01-02T03:04:05Z'),
    });
    expect(result).toMatchObject({ encoding: 'gb18030', format: 'csv', firstImport: true, problems: [] });
    expect(result.counts).toEqual(GB18030_COUNTS);

    // Full-width ＨＩＫＶＩＳＩＯＮ and 海康威视 attach to the seed's Hikvision; 希捷 to Seagate; WD Purple to the seed product.
    expect(
      await ids(`MATCH (p:Procurement)-[:SUPPLIER]->(s) WHERE p.id STARTS WITH 'proc-import-' RETURN s.id`),
    ).toEqual([
      expect.stringMatching(/^company-[0-9a-f]{12}$/),
      expect.stringMatching(/^company-[0-9a-f]{12}$/),
      'hikvision',
    ]);
    expect(await ids(`MATCH (m)-[r:MANUFACTURES]->() WHERE r.importedFrom IS NOT NULL RETURN m.id`)).toEqual([
      'hikvision',
      'seagate',
      'western-digital',
    ]);
    // "杭州海康威视数字技术股份有限公司" is only fuzzily Hikvision: kept as a new company, not merged.
    expect(await ids(`MATCH (c:Company {name: '杭州海康威视数字技术股份有限公司'}) RETURN c.id`)).toHaveLength(1);
    // The seed's existing WD → WD Purple fact was not duplicated but gained this file's citations.
    const { records } = await db().driver.executeQuery(
      `MATCH (:Company {id: 'western-digital'})-[r:MANUFACTURES]->(:Product {id: 'wd-purple'}) RETURN r`,
      {},
      { database: db().database },
    );
    expect(records).toHaveLength(1);
    const wd = records[0]?.get('r').properties as Record<string, unknown>;
    expect(wd['id']).toBe('rel-western-digital-manufactures-wd-purple');
    expect(wd['importedFrom']).toEqual(['procurements-gb18030.csv line 3']);
    expect(wd['sourceIds']).toEqual(expect.arrayContaining([`src-file-${result.sha256.slice(0, 16)}`]));

    // Buyers: a stated level makes a provincial PSB; 公安局 without one an unspecified-level PSB.
    const buyers = await db().driver.executeQuery(
      `MATCH (p:Procurement)-[r:BUYER]->(b:PublicSecurityBody) WHERE p.id STARTS WITH 'proc-import-'
       RETURN b.name AS name, b.level AS level, r.note AS note, r.sourceIds AS sourceIds ORDER BY r.note`,
      {},
      { database: db().database },
    );
    expect(
      buyers.records.map((r) => [
        r.get('name'),
        r.get('level'),
        r.get('note'),
        (r.get('sourceIds') as string[]).length,
      ]),
    ).toEqual([
      ['新疆维吾尔自治区公安厅', 'provincial', 'Imported from procurements-gb18030.csv line 2.', 2],
      ['喀什地区公安局', 'unspecified', 'Imported from procurements-gb18030.csv line 3.', 2],
      ['新疆维吾尔自治区公安厅', 'provincial', 'Imported from procurements-gb18030.csv line 4.', 1],
    ]);
    // Each row with a link cites it as its own Source.
    expect(
      await ids(`MATCH (s:Source) WHERE s.url STARTS WITH 'http://www.ccgp.gov.cn/example/' RETURN s.name`),
    ).toEqual(['喀什地区公安局监控存储设备采购成交公告', '新疆维吾尔自治区公安厅硬盘采购项目成交公告']);
    const imports = await db().driver.executeQuery('MATCH (i:Import) RETURN i', {}, { database: db().database });
    expect(imports.records.map((r) => r.get('i').properties as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        fileName: 'procurements-gb18030.csv',
        sha256: result.sha256,
        importedAt: '2025-01-02T03:04:05.000Z',
        rows: expect.anything() as unknown,
      }),
    ]);
    expect(await ids('MATCH (i:Import) RETURN labels(i)')).toEqual(['Import']);
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await graphChecksum(db());
    const result = await importFile(db(), 'procurements-gb18030.csv', await fixture('procurements-gb18030.csv'));
    expect(result.firstImport).toBe(false);
    expect(result.counts.entitiesCreated).toEqual({});
    expect(result.counts.relationshipsCreated).toEqual({});
    expect(await graphChecksum(db())).toBe(before);
  });

  it('imports the UTF-8-BOM TSV, matching "Thermo Fisher Scientific Inc." and "Thermo Fisher"', async () => {
    const result = await importFile(db(), 'procurements-bom.tsv', await fixture('procurements-bom.tsv'));
    expect(result.problems.map((w) => [w.severity, w.line, w.column])).toEqual([['warning', 1, 'notes']]);
    expect(result.counts).toEqual({
      rows: 1,
      rowsSkipped: 0,
      candidates: 0,
      entitiesCreated: { Product: 1, Procurement: 1, Source: 2 },
      entitiesMatched: { Company: 1, PublicSecurityBody: 1 },
      relationshipsCreated: { MANUFACTURES: 1, BUYER: 1, SUPPLIER: 1, ITEM: 1 },
      relationshipsMatched: {},
    });
    const rel = await db().driver.executeQuery(
      `MATCH (p:Procurement)-[r:BUYER]->(:PublicSecurityBody {id: 'xinjiang-police-college'}) RETURN p, r`,
      {},
      { database: db().database },
    );
    const procurement = rel.records[0]?.get('p').properties as Record<string, unknown>;
    expect(procurement).toMatchObject({
      amount: 250000,
      currency: 'USD',
      date: '2019-07-15',
      items: 'DNA sequencer 3500xL',
    });
    expect((rel.records[0]?.get('r').properties as Record<string, unknown>)['quote']).toBe(
      'The college bought "two" sequencers\tfor its forensic lab,\nas announced.',
    );
  });

  it('imports a supplier named in 260 announcements: each purchase cites its own, the supplier a capped few', async () => {
    const header = 'buyer,supplier,manufacturer,product,quantity,date,source_url';
    const rows = Array.from(
      { length: 260 },
      (_, i) =>
        `Citation Test County Public Security Bureau,Busy Citation Trading Co.,Seagate,Drive model ${i},1,2021-01-01,https://example.org/notice/busy/${i}`,
    );
    const result = await importFile(db(), 'busy-supplier.csv', new TextEncoder().encode([header, ...rows].join('\n')));
    expect(result.counts.entitiesCreated).toMatchObject({ Procurement: 260, Company: 1 });
    const { records } = await db().driver.executeQuery(
      `MATCH (c:Company {name: 'Busy Citation Trading Co.'})
       OPTIONAL MATCH (c)<-[:SUPPLIER]-(p:Procurement)
       WITH c, collect(p) AS purchases
       RETURN size(c.sourceIds) AS cited, c.sourceIds[0] AS first, size(purchases) AS bought,
              all(p IN purchases WHERE any(s IN p.sourceIds WHERE s STARTS WITH 'src-url-')) AS eachCitesItsNotice`,
      {},
      { database: db().database },
    );
    const [row] = records;
    expect(Number(row?.get('cited'))).toBeLessThanOrEqual(50);
    expect(String(row?.get('first'))).toMatch(/^src-file-/);
    expect(Number(row?.get('bought'))).toBe(260);
    expect(row?.get('eachCitesItsNotice')).toBe(true);
  });

  it('with validRowsOnly, leaves out whole the rows the database makes ambiguous or lacks a category for', async () => {
    // Two bureaus of one name (as the generated graph has): a row naming it cannot tell which.
    await db().driver.executeQuery(
      `UNWIND ['twin-bureau-a', 'twin-bureau-b'] AS id
       CREATE (:Entity:PublicSecurityBody {id: id, name: 'Twin Test County Public Security Bureau', aliases: [],
               sourceIds: [], synthetic: true})`,
      {},
      { database: db().database },
    );
    const before = await graphChecksum(db());
    const text = [
      'buyer,supplier,product,category,quantity,date',
      'Twin Test County Public Security Bureau,Only In Ambiguous Row Trading,Disk A,data-storage,1,2021-01-01',
      'Valid Row County Public Security Bureau,Valid Row Trading,Disk B,data storage,2,2021-01-02',
      'Valid Row County Public Security Bureau,Only In Unknown Category Trading,Disk C,quantum sensing,3,2021-01-03',
      'Twin Test County Public Security Bureau,Valid Row Trading,Disk D,no such category,4,2021-01-04',
    ].join('\n');
    const result = await importFile(db(), 'certain-errors.csv', new TextEncoder().encode(text), {
      validRowsOnly: true,
    });
    expect(result.counts).toMatchObject({ rows: 1, rowsSkipped: 3 });
    expect(result.counts.entitiesCreated).toEqual({
      Company: 1,
      PublicSecurityBody: 1,
      Product: 1,
      Procurement: 1,
      Source: 1,
    });
    expect(result.problems.map((p) => [p.severity, p.line, p.column, p.message])).toEqual([
      [
        'error',
        2,
        'buyer',
        '"Twin Test County Public Security Bureau" matches 2 existing entities (twin-bureau-a, twin-bureau-b); cannot tell which',
      ],
      ['error', 4, 'category', '"quantum sensing" is not a technology category in the database'],
      [
        'error',
        5,
        'buyer',
        '"Twin Test County Public Security Bureau" matches 2 existing entities (twin-bureau-a, twin-bureau-b); cannot tell which',
      ],
      ['error', 5, 'category', '"no such category" is not a technology category in the database'],
    ]);
    // Nothing that only a left-out row names was written.
    expect(await ids(`MATCH (c:Company) WHERE c.name STARTS WITH 'Only In' RETURN c.id`)).toEqual([]);
    expect(await ids(`MATCH (p:Product) WHERE p.name IN ['Disk A', 'Disk C', 'Disk D'] RETURN p.id`)).toEqual([]);
    expect(await ids(`MATCH (:Product {name: 'Disk B'})<-[:ITEM]-(p:Procurement) RETURN p.quantity`)).toEqual(['2']);
    expect(await graphChecksum(db())).not.toBe(before);
  });
});

const GB18030_COUNTS = {
  rows: 3,
  rowsSkipped: 0,
  // 杭州海康威视数字技术股份有限公司 contains 海康威视: held for review as a candidate, not merged.
  candidates: 1,
  entitiesCreated: { Company: 2, PublicSecurityBody: 2, Product: 2, Procurement: 3, Source: 3 },
  entitiesMatched: { Company: 3, Product: 1, TechnologyCategory: 1 },
  relationshipsCreated: { MANUFACTURES: 2, BUYER: 3, SUPPLIER: 3, ITEM: 3, IN_CATEGORY: 1 },
  relationshipsMatched: { MANUFACTURES: 1 },
};
