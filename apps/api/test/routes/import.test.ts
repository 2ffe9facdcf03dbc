import { readFile } from 'node:fs/promises';
import {
  IMPORT_LIMITS,
  ImportEventSchema,
  ImportListResponseSchema,
  ImportMappingListResponseSchema,
  ImportMappingSchema,
  ImportPreviewSchema,
  type ImportEvent,
} from '@explorer/model';
import { readShippedDataset } from '@explorer/seeds';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/schema.ts';
import { beginImportRun } from '../../src/import/import-run.ts';
import { loadDataset } from '../../src/seed/load-dataset.ts';
import { useOwnDatabase } from '../support/own-database.ts';
import { buildTestApp, graphChecksum } from '../support/stack.ts';

// Imports write: this file has its own database, seeded with report-2022.
const db = useOwnDatabase('explorer-import-routes-');
const fixture = (name: string) => readFile(new URL(`../import/fixtures/${name}`, import.meta.url));
let app: FastifyInstance;

beforeAll(async () => {
  await applySchema(db());
  await loadDataset(db(), await readShippedDataset('report-2022'));
  app = await buildTestApp(db());
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, body: Buffer | Uint8Array, contentType = 'application/octet-stream') =>
  app.inject({ method: 'POST', url, payload: Buffer.from(body), headers: { 'content-type': contentType } });

/** The NDJSON body as events, each checked against the contract. */
const events = (body: string): ImportEvent[] =>
  body
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => ImportEventSchema.parse(JSON.parse(l)));

const fieldsOf = (body: unknown) =>
  ((body as { error: { details: { fields: Array<{ field: string }> } } }).error.details.fields ?? []).map(
    (f) => f.field,
  );

describe('POST /api/import/preview', () => {
  it('shows the file as it will be read, writing nothing', async () => {
    const before = await graphChecksum(db());
    const response = await post(
      '/api/import/preview?fileName=procurements-broken.csv',
      await fixture('procurements-broken.csv'),
    );
    expect(response.statusCode).toBe(200);
    const preview = ImportPreviewSchema.parse(response.json());
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf-8', previousImport: null });
    expect(preview.headers.find((h) => h.header === '备注')).toEqual({ header: '备注', column: null });
    expect(preview.sample.find((s) => s.line === 4)?.problems.map((p) => p.field)).toEqual(['quantity']);
    expect(preview.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('answers a bad query with a 400 naming the field', async () => {
    const bytes = await fixture('procurements-gb18030.csv');
    const missing = await post('/api/import/preview', bytes);
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.json())).toEqual(['fileName']);
    const badFlag = await post('/api/import?fileName=x.csv&dryRun=yes', bytes);
    expect(badFlag.statusCode).toBe(400);
    expect(fieldsOf(badFlag.json())).toEqual(['dryRun']);
    const badColumns = await post(`/api/import?fileName=x.csv&columns=${encodeURIComponent('{"a":"nope"}')}`, bytes);
    expect(badColumns.statusCode).toBe(400);
    expect(fieldsOf(badColumns.json())).toEqual(['columns.a']);
  });

  it('answers an unknown saved mapping with a 404 naming mapping, a file over the limit with 413', async () => {
    const unknown = await post('/api/import?fileName=x.csv&mapping=nobody', await fixture('procurements-gb18030.csv'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found', details: { field: 'mapping' } } });
    const huge = await post('/api/import/preview?fileName=x.csv', Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(fieldsOf(huge.json())).toEqual(['body']);
    expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const wrongType = await post('/api/import/preview?fileName=x.csv', Buffer.from('a,b'), 'text/csv');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });
});

describe('saved column mappings', () => {
  it('are saved, listed, applied by name and deleted', async () => {
    const columns = { 单位: 'buyer', 厂商: 'supplier', 货品: 'product', 备注: null };
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/import/mappings/${encodeURIComponent('省厅 模板')}`,
      payload: { columns },
    });
    expect(saved.statusCode).toBe(200);
    expect(ImportMappingSchema.parse(saved.json())).toMatchObject({ name: '省厅 模板', columns });

    const list = ImportMappingListResponseSchema.parse((await app.inject('/api/import/mappings')).json());
    expect(list.mappings.map((m) => m.name)).toEqual(['省厅 模板']);
    // Saved mappings are not entities.
    expect(
      (await db().driver.executeQuery('MATCH (m:ImportMapping) RETURN labels(m) AS l')).records.map((r) => r.get('l')),
    ).toEqual([['ImportMapping']]);

    const csv = Buffer.from('单位,厂商,货品,备注,数量\n某市公安局,示例公司,硬盘,旁注,3\n');
    const preview = ImportPreviewSchema.parse(
      (await post(`/api/import/preview?fileName=x.csv&mapping=${encodeURIComponent('省厅 模板')}`, csv)).json(),
    );
    expect(preview.problems).toEqual([]);
    expect(preview.sample[0]?.values).toEqual({
      buyer: '某市公安局',
      supplier: '示例公司',
      product: '硬盘',
      quantity: '3',
    });

    const badColumns = await app.inject({
      method: 'PUT',
      url: '/api/import/mappings/x',
      payload: { columns: { a: 1 } },
    });
    expect(badColumns.statusCode).toBe(400);
    expect(fieldsOf(badColumns.json())).toEqual(['columns.a']);
    const badName = await app.inject({ method: 'PUT', url: '/api/import/mappings/a%2Fb', payload: { columns } });
    expect(badName.statusCode).toBe(400);
    expect(fieldsOf(badName.json())).toEqual(['name']);

    const url = `/api/import/mappings/${encodeURIComponent('省厅 模板')}`;
    expect((await app.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    const again = await app.inject({ method: 'DELETE', url });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ error: { details: { field: 'mapping' } } });
  });
});

describe('POST /api/import', () => {
  it('refuses a file with errors in a `refused` event, writing nothing', async () => {
    const before = await graphChecksum(db());
    const response = await post(
      '/api/import?fileName=procurements-broken.csv',
      await fixture('procurements-broken.csv'),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const sequence = events(response.body);
    expect(sequence.map((e) => e.type)).toEqual(['progress', 'refused']);
    const refused = sequence.at(-1) as Extract<ImportEvent, { type: 'refused' }>;
    expect(refused.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('answers a `failed` event naming the other file while another import is writing, writing nothing', async () => {
    const run = await beginImportRun(db(), { sha256: 'other', fileName: 'other-file.csv', importedBy: 'someone' });
    try {
      const before = await graphChecksum(db());
      const response = await post(
        '/api/import?fileName=procurements-gb18030.csv',
        await fixture('procurements-gb18030.csv'),
      );
      const last = events(response.body).at(-1);
      expect(last).toMatchObject({ type: 'failed', message: expect.stringContaining('"other-file.csv"') as string });
      expect(await graphChecksum(db())).toBe(before);
    } finally {
      await run.undo();
    }
  });

  it('dry-runs with progress events and a result, writing nothing', async () => {
    const before = await graphChecksum(db());
    const response = await post(
      '/api/import?fileName=procurements-gb18030.csv&dryRun=true',
      await fixture('procurements-gb18030.csv'),
    );
    const sequence = events(response.body);
    expect(sequence.filter((e) => e.type === 'progress').map((e) => e.phase)).toEqual([
      'read',
      'resolve',
      'resolve',
      'write',
      ...Array<string>(sequence.length - 5).fill('write'),
    ]);
    const last = sequence.at(-1);
    expect(last?.type).toBe('result');
    const result = (last as Extract<ImportEvent, { type: 'result' }>).result;
    expect(result).toMatchObject({ dryRun: true, format: 'csv', encoding: 'gb18030', importedBy: null });
    expect(result.counts.rows).toBe(3);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('imports the valid rows only when asked, records who imported, and lists imports newest first', async () => {
    const response = await post(
      '/api/import?fileName=procurements-broken.csv&validRowsOnly=true&importedBy=analyst-2',
      await fixture('procurements-broken.csv'),
    );
    const last = events(response.body).at(-1) as Extract<ImportEvent, { type: 'result' }>;
    expect(last.type).toBe('result');
    expect(last.result).toMatchObject({ dryRun: false, firstImport: true, importedBy: 'analyst-2' });
    expect(last.result.counts).toMatchObject({ rows: 1, rowsSkipped: 5 });
    expect(last.result.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);

    const gb = await post(
      '/api/import?fileName=procurements-gb18030.csv&importedBy=analyst-3',
      await fixture('procurements-gb18030.csv'),
    );
    expect(events(gb.body).at(-1)?.type).toBe('result');

    const list = ImportListResponseSchema.parse((await app.inject('/api/imports')).json());
    expect(list.imports.map((i) => [i.fileName, i.importedBy, i.format, i.rows, i.rowsSkipped])).toEqual([
      ['procurements-gb18030.csv', 'analyst-3', 'csv', 3, 0],
      ['procurements-broken.csv', 'analyst-2', 'csv', 1, 5],
    ]);

    const preview = ImportPreviewSchema.parse(
      (await post('/api/import/preview?fileName=again.csv', await fixture('procurements-gb18030.csv'))).json(),
    );
    expect(preview.previousImport).toEqual({ importedAt: list.imports[0]?.importedAt, importedBy: 'analyst-3' });
  });
});
