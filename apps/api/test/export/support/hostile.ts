import type { Dataset } from '@explorer/model';
import type { Subgraph } from '../../../src/export/subgraph.ts';

/** Names that break naive writers: quotes, markup, ampersands, newlines, emoji, Chinese, formulas. */
export const HOSTILE_NAMES = [
  `O'Brien "Quoted" & Sons <script>alert(1)</script>`,
  'Line one\nline two\r\nline three\ttabbed',
  '海康威视 Hikvision 🚓📹 — “smart” quotes',
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(A1:A9)',
  '-2+3',
  '@cmd',
  "'already quoted",
  `back\\slash \\' \\u0027 ]]> --> */ // ; | , "" ''`,
] as const;

/** Characters XML 1.0 forbids: dropped from XML files, kept everywhere else. */
export const XML_ILLEGAL = 'bell\u0007 and escape\u001b';

export function hostileSubgraph(): Subgraph {
  const source = {
    id: 'test-hostile-source',
    kind: 'Source' as const,
    properties: {
      id: 'test-hostile-source',
      name: `Report <b>"one"</b> & 报告`,
      url: 'https://example.org/a?b=1&c=<2>',
      synthetic: true,
      aliases: [],
    },
  };
  const nodes = HOSTILE_NAMES.map((name, i) => ({
    id: `test-hostile-${i}`,
    kind: 'Company' as const,
    properties: {
      id: `test-hostile-${i}`,
      name,
      aliases: [name, '别名;with|delimiters'],
      description: XML_ILLEGAL,
      memberCount: 3,
      registryIds: [],
      quantity: 2.5,
      synthetic: true,
      sourceIds: ['test-hostile-source'],
    },
  }));
  const edges = nodes.slice(1).map((node, i) => ({
    id: `test-hostile-rel-${i}`,
    type: 'COOPERATES_WITH' as const,
    source: nodes[0]?.id ?? '',
    target: node.id,
    properties: {
      id: `test-hostile-rel-${i}`,
      sourceIds: ['test-hostile-source'],
      note: HOSTILE_NAMES[i + 1] ?? '',
      from: '2019-10',
      to: '2020',
      synthetic: true,
    },
  }));
  return {
    scope: { nodeIds: [nodes[0]?.id ?? ''], hops: 1, exportedAt: new Date('2026-01-02T03:04:05.678Z') },
    nodes,
    edges,
    sources: [source],
    missingSourceIds: [],
  };
}

/** The same names as a dataset for the loader (ids `test-hostile-`, all synthetic). */
export function hostileDataset(): Dataset {
  const ids = HOSTILE_NAMES.map((_, i) => `test-hostile-${i}`);
  return {
    meta: { name: 'test-hostile', title: 'Hostile names', description: 'Test-only names.', synthetic: true },
    entities: [
      {
        id: 'test-hostile-source',
        kind: 'Source',
        name: `Report <b>"one"</b> & 报告`,
        aliases: [],
        group: false,
        synthetic: true,
        sourceIds: [],
      },
      ...HOSTILE_NAMES.map((name, i) => ({
        id: ids[i] ?? '',
        kind: 'Company' as const,
        name,
        aliases: [name],
        group: false,
        synthetic: true,
        sourceIds: ['test-hostile-source'],
        roles: [],
        registryIds: [],
      })),
    ],
    relationships: ids.slice(1).map((id, i) => ({
      id: `test-hostile-rel-${i}`,
      type: 'COOPERATES_WITH' as const,
      source: ids[0] ?? '',
      target: id,
      sourceIds: ['test-hostile-source'],
      confidence: 'high' as const,
      note: HOSTILE_NAMES[i + 1],
      synthetic: true,
    })),
  };
}
