import { EXPORT_FORMATS, EXPORT_LIMITS } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/context.ts';
import { postExport } from './support/request.ts';
import { xmllintErrors } from './support/xml.ts';

const { app } = useTestApp();
const post = (body: unknown) => postExport(app(), body);

const CONTENT_TYPES: Record<(typeof EXPORT_FORMATS)[number], [RegExp, RegExp]> = {
  json: [/^application\/json/, /\.json$/],
  cyjs: [/^application\/json/, /\.cyjs$/],
  graphml: [/^application\/graphml\+xml/, /\.graphml$/],
  gexf: [/^application\/gexf\+xml/, /\.gexf$/],
  csv: [/^application\/zip$/, /\.zip$/],
  cypher: [/^text\/plain/, /\.cypher$/],
  ftm: [/^application\/x-ndjson/, /\.ftm\.json$/],
  'sources-md': [/^text\/markdown/, /\.md$/],
  'sources-csv': [/^text\/csv/, /\.csv$/],
  html: [/^text\/html/, /\.html$/],
};

describe('POST /api/export', () => {
  it.each(EXPORT_FORMATS)(
    '%s: a download with its content type and a file name saying what and when',
    async (format) => {
      const response = await post({ format, nodeIds: ['hikvision', 'seagate'], hops: 1 });
      expect(response.status).toBe(200);
      const [type, extension] = CONTENT_TYPES[format];
      expect(String(response.headers['content-type'])).toMatch(type);
      const disposition = String(response.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="explorer_hikvision-and-1-more_1hop_\d{8}T\d{6}Z\.[a-z.]+"$/);
      expect(disposition.slice(0, -1)).toMatch(extension);
      expect(response.bytes.length).toBeGreaterThan(100);
    },
  );

  it('marks a file of fictional data as synthetic in its name', async () => {
    const response = await post({ format: 'json', nodeIds: ['demo-co-example-disk-drives'] });
    expect(String(response.headers['content-disposition'])).toContain('_0hops_synthetic_');
  });

  it('exports the named entities and the relationships among them, and nothing else', async () => {
    const response = await post({ format: 'json', nodeIds: ['hikvision'] });
    const file = JSON.parse(response.text) as {
      nodes: Array<{ id: string; flags: { listings: unknown[] } }>;
      edges: unknown[];
      sources: Array<{ id: string; kind: string }>;
    };
    expect(file.nodes.map((n) => n.id)).toEqual(['hikvision']);
    expect(file.edges).toEqual([]);
    // Its Entity List listing is a relationship outside the subgraph: not mentioned.
    expect(file.nodes[0]?.flags.listings).toEqual([]);
    expect(file.sources.every((s) => s.kind === 'Source')).toBe(true);
    expect(response.text).not.toMatch(/elementId|\b\d+:[0-9a-f-]{36}:\d+\b/);
  });

  it('expands by hops: one hop reaches the neighbours, with the relationships among them', async () => {
    const zero = JSON.parse((await post({ format: 'json', nodeIds: ['seagate'], hops: 0 })).text) as {
      nodes: Array<{ id: string }>;
    };
    const one = JSON.parse((await post({ format: 'json', nodeIds: ['seagate'], hops: 1 })).text) as {
      nodes: Array<{ id: string }>;
      edges: Array<{ source: string; target: string }>;
    };
    expect(zero.nodes).toHaveLength(1);
    expect(one.nodes.map((n) => n.id)).toContain('hikvision');
    expect(one.edges).toContainEqual(expect.objectContaining({ source: 'seagate', target: 'hikvision' }));
    const ids = new Set(one.nodes.map((n) => n.id));
    expect(one.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('serves GraphML that xmllint accepts', async () => {
    const response = await post({ format: 'graphml', nodeIds: ['hikvision'], hops: 2 });
    expect(await xmllintErrors(response.text)).toEqual([]);
  });

  it('xmllint does report a broken file (the check above can fail)', async () => {
    expect((await xmllintErrors('<graphml><node></graphml>')).length).toBeGreaterThan(0);
  });

  it.each([
    [{ format: 'pdf', nodeIds: ['seagate'] }, 'format'],
    [{ nodeIds: ['seagate'] }, 'format'],
    [{ format: 'json' }, 'nodeIds'],
    [{ format: 'json', nodeIds: [] }, 'nodeIds'],
    [{ format: 'json', nodeIds: ['bad id!'] }, 'nodeIds.0'],
    [{ format: 'json', nodeIds: 'seagate' }, 'nodeIds'],
    [{ format: 'json', nodeIds: ['seagate'], hops: EXPORT_LIMITS.hopsMax + 1 }, 'hops'],
    [{ format: 'json', nodeIds: ['seagate'], hops: -1 }, 'hops'],
    [{ format: 'json', nodeIds: ['seagate'], hops: 1.5 }, 'hops'],
    [{ format: 'json', nodeIds: ['seagate'], query: 'MATCH (n) RETURN n' }, 'query'],
    [{ format: 'json', query: '   ' }, 'query'],
    [{ format: 'json', query: 'MATCH (n) RETURN n', hops: 1 }, 'hops'],
    [{ format: 'json', nodeIds: ['seagate'], params: {} }, 'params'],
  ])('400 for %j naming %s', async (body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = JSON.parse(response.text) as {
      error: { code: string; details: { fields: Array<{ field: string }> } };
    };
    expect(error.error.code).toBe('bad_request');
    expect(error.error.details.fields.map((f) => f.field)).toContain(field);
  });

  it('400 for an unknown field, naming it', async () => {
    const response = await post({ format: 'json', nodeIds: ['seagate'], extra: 1 });
    expect(response.status).toBe(400);
    expect(response.text).toContain('extra');
  });

  it('404 naming the first unknown id', async () => {
    const response = await post({ format: 'json', nodeIds: ['seagate', 'nobody-at-all'] });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toMatchObject({ error: { details: { field: 'nodeIds', id: 'nobody-at-all' } } });
  });
});
