import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { applySchema } from '../../src/db/schema.ts';
import { cypherString } from '../../src/export/cypher-literal.ts';
import { loadDataset } from '../../src/seed/load-dataset.ts';
import { useTestApp } from '../support/context.ts';
import { useOwnDatabase } from '../support/own-database.ts';
import { buildTestApp } from '../support/stack.ts';
import { parseCsv } from './support/csv-parse.ts';
import { HOSTILE_NAMES, hostileDataset } from './support/hostile.ts';
import { loadCsvExport, loadJsonExport, runCypherScript, wipe } from './support/load.ts';
import { unzipText } from './support/render.ts';
import { EXPORT_CASES } from './support/cases.ts';
import { postExport } from './support/request.ts';
import { snapshot } from './support/snapshot.ts';
import { findAll, parseXml } from './support/xml.ts';
import { unneutraliseCell } from '../../src/export/csv-cell.ts';

// Exports from the shared test database (report-2022 + demo), loaded into a second, empty embedded
// Neo4j that this file starts and stops: one JVM more, wiped to empty before every load.
const shared = useTestApp();
const target = useOwnDatabase('explorer-export-');

/** The ids an export of `nodeIds` expanded by `hops` must hold, found independently of the exporter. */
async function expectedIds(db: Database, nodeIds: string[], hops: number): Promise<string[]> {
  const { records } = await db.driver.executeQuery(
    `MATCH (s:Entity) WHERE s.id IN $nodeIds
     MATCH (s)-[*0..${hops}]-(n:Entity)
     WITH collect(DISTINCT n) AS ns
     CALL (ns) {
       UNWIND ns AS a MATCH (a)-[r]->(b) WHERE b IN ns RETURN collect(r.sourceIds) AS relCites
     }
     WITH ns, relCites, [n IN ns | n.sourceIds] AS nodeCites
     WITH [n IN ns | n.id] AS ids, reduce(all = [], c IN relCites + nodeCites | all + coalesce(c, [])) AS cited
     RETURN ids, cited`,
    { nodeIds },
  );
  const record = records[0];
  return [...new Set([...(record?.get('ids') as string[]), ...(record?.get('cited') as string[])])].sort();
}

describe.each(EXPORT_CASES)('round trip of $dataset ($hops hops)', ({ hops, nodeIds: start }) => {
  it.each(['json', 'cypher', 'csv'] as const)(
    '%s: same ids, labels, properties and relationships',
    async (format) => {
      const nodeIds = await start();
      const ids = await expectedIds(shared.db(), nodeIds, hops);
      const before = await snapshot(shared.db(), ids);
      expect(Object.keys(before.nodes).length).toBeGreaterThan(5);
      expect(Object.keys(before.rels).length).toBeGreaterThan(3);

      const response = await postExport(shared.app(), { format, nodeIds, hops });
      expect(response.status).toBe(200);
      await wipe(target());
      expect(await snapshot(target())).toEqual({ nodes: {}, rels: {} });
      if (format === 'json') await loadJsonExport(target(), response.text);
      else if (format === 'cypher') await runCypherScript(target(), response.text);
      else await loadCsvExport(target(), unzipText(response.bytes));

      expect(await snapshot(target())).toEqual(before);
    },
    300_000,
  );
});

describe('cypherString', () => {
  it.each([...HOSTILE_NAMES, '\u2028\u2029\u0000\u007f', '\\', "'", '"', '', 'a\\nb'])(
    'Neo4j reads %j back exactly',
    async (text) => {
      const { records } = await target().driver.executeQuery(`RETURN ${cypherString(text)} AS v`);
      expect(records[0]?.get('v')).toBe(text);
    },
  );
});

describe('hostile names through the database and the route', () => {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    await wipe(target());
    await applySchema(target());
    await loadDataset(target(), hostileDataset());
    app = await buildTestApp(target());
  });
  afterAll(async () => {
    await app?.close();
  });
  const exportText = async (format: string) => {
    if (!app) throw new Error('app not ready');
    const response = await postExport(app, { format, nodeIds: ['test-hostile-0'], hops: 1 });
    expect(response.status).toBe(200);
    return response;
  };

  it('json, cyjs and ftm keep every name', async () => {
    const json = JSON.parse((await exportText('json')).text) as { nodes: Array<{ name: string }> };
    expect(json.nodes.map((n) => n.name).sort()).toEqual([...HOSTILE_NAMES].sort());
    const cyjs = JSON.parse((await exportText('cyjs')).text) as {
      elements: { nodes: Array<{ data: { name: string } }> };
    };
    expect(cyjs.elements.nodes.map((n) => n.data.name)).toEqual(expect.arrayContaining([...HOSTILE_NAMES]));
    const ftm = (await exportText('ftm')).text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { properties: { name?: string[] } });
    expect(ftm.flatMap((e) => e.properties.name ?? [])).toEqual(expect.arrayContaining([...HOSTILE_NAMES]));
  });

  it('graphml and gexf keep every name', async () => {
    const graphml = parseXml((await exportText('graphml')).text);
    const texts = findAll(graphml, 'data').map((d) => d.text);
    expect(texts).toEqual(expect.arrayContaining([...HOSTILE_NAMES]));
    const gexf = parseXml((await exportText('gexf')).text);
    expect(findAll(gexf, 'node').map((n) => n.attributes['label'])).toEqual(expect.arrayContaining([...HOSTILE_NAMES]));
  });

  it('csv and sources-csv keep every name once the formula guard is undone', async () => {
    const files = unzipText((await exportText('csv')).bytes);
    const cells = parseCsv(files['nodes.csv'] ?? '').flatMap((row) => row.map((c) => unneutraliseCell(c.text)));
    expect(cells).toEqual(expect.arrayContaining([...HOSTILE_NAMES]));
    const rows = parseCsv((await exportText('sources-csv')).text);
    expect(rows.length).toBe(1 + HOSTILE_NAMES.length + HOSTILE_NAMES.length - 1);
  });

  it('cypher recreates the names exactly, and sources-md lists them', async () => {
    const script = (await exportText('cypher')).text;
    await wipe(target());
    await runCypherScript(target(), script);
    const { records } = await target().driver.executeQuery('MATCH (n:Company) RETURN n.name AS name');
    expect(records.map((r) => r.get('name') as string).sort()).toEqual([...HOSTILE_NAMES].sort());
    const md = (await exportText('sources-md')).text.replace(/\\(.)/g, '$1');
    for (const name of HOSTILE_NAMES) expect(md).toContain(name.replace(/\r\n|\r|\n/g, ' '));
  });
});
