import { SearchResponseSchema } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/context.ts';

const { app } = useTestApp();

async function search(query: string) {
  const response = await app().inject({ method: 'GET', url: `/api/search?${query}` });
  return { status: response.statusCode, body: response.json() as unknown };
}

async function results(query: string) {
  const { status, body } = await search(query);
  expect(status).toBe(200);
  return SearchResponseSchema.parse(body).results;
}

describe('GET /api/search', () => {
  it('finds Western Digital despite a typo', async () => {
    const found = await results('q=western%20digitl');
    expect(found[0]?.id).toBe('western-digital');
  });

  it('finds Western Digital by its Chinese name and Seagate by its own', async () => {
    expect((await results(`q=${encodeURIComponent('西部数据')}`))[0]?.id).toBe('western-digital');
    expect((await results(`q=${encodeURIComponent('希捷')}`))[0]?.id).toBe('seagate');
  });

  it('finds a name from a single Chinese character', async () => {
    expect((await results(`q=${encodeURIComponent('希')}`)).map((r) => r.id)).toContain('seagate');
  });

  it('finds a group by its full name, stop words and all', async () => {
    const found = await results('q=Public%20security%20entities%20in%20Xinjiang');
    expect(found[0]?.id).toBe('xinjiang-public-security-entities');
  });

  it('finds an entity by an alias', async () => {
    const found = await results('q=HPE');
    expect(found.map((r) => r.id)).toContain('hpe');
  });

  it('flags Entity-Listed results with the listing date and citation', async () => {
    const hikvision = (await results('q=hikvision')).find((r) => r.id === 'hikvision');
    expect(hikvision?.flags.listings).toContainEqual(
      expect.objectContaining({ listId: 'bis-entity-list', date: '2019-10-09', citation: expect.any(String) }),
    );
    expect(hikvision?.flags.synthetic).toBe(false);
  });

  it('marks fictional demo entities as synthetic', async () => {
    const found = await results('q=Example%20Disk%20Drives');
    expect(found[0]?.id).toBe('demo-co-example-disk-drives');
    expect(found[0]?.flags.synthetic).toBe(true);
  });

  it('filters by kind and honours the limit', async () => {
    const found = await results('q=public%20security&kinds=PublicSecurityBody&limit=3');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    expect(found.every((r) => r.kind === 'PublicSecurityBody')).toBe(true);
  });

  it('treats Lucene syntax in the query as plain text', async () => {
    const { status } = await search(`q=${encodeURIComponent('seagate" AND (name:* OR ~ \\')}`);
    expect(status).toBe(200);
  });

  it.each([
    ['', 'q'],
    ['q=', 'q'],
    ['q=seagate&limit=0', 'limit'],
    ['q=seagate&limit=abc', 'limit'],
    ['q=seagate&kinds=Spaceship', 'kinds'],
  ])('rejects ?%s with a 400 naming %s', async (query, field) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    const error = (body as { error: { code: string; message: string; details: { fields: { field: string }[] } } })
      .error;
    expect(error.code).toBe('bad_request');
    expect(error.details.fields.map((f) => f.field.split('.')[0])).toContain(field);
  });
});
