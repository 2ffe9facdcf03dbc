import { citations } from '../citations.ts';
import { csvRow, textCell } from '../csv-cell.ts';
import { describeScope, isSynthetic, nameOf, type Subgraph, type SubgraphNode } from '../subgraph.ts';
import type { ExportFormatWriter } from './format.ts';

const field = (source: SubgraphNode | null, key: string) => {
  const value = source?.properties[key];
  return typeof value === 'string' ? value : '';
};

/** Markdown that renders as text: every character Markdown or HTML could act on is backslash-escaped. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, '\\$&').replace(/\r\n|\r|\n/g, ' ');
}

/** The sources appendix in Markdown: one section per source, its details and the facts it supports. */
export const sourcesMarkdownFormat: ExportFormatWriter = {
  extension: 'md',
  contentType: 'text/markdown; charset=utf-8',
  *write(graph: Subgraph) {
    yield '# Sources\n\n';
    yield `Sources cited by the exported facts (${markdownText(describeScope(graph.scope))}; exported ${graph.scope.exportedAt.toISOString()}).\n\n`;
    if (isSynthetic(graph)) yield '**This export contains synthetic (fictional) demonstration data.**\n\n';
    for (const c of citations(graph)) {
      const s = c.source;
      yield `## ${markdownText(s ? nameOf(s) : c.id)}\n\n`;
      yield `- Id: ${markdownText(c.id)}${s ? '' : ' (not in the database)'}\n`;
      for (const [label, key] of [
        ['Publisher', 'publisher'],
        ['Date', 'date'],
        ['URL', 'url'],
        ['Quoted passage', 'quote'],
        ['Reliability', 'reliabilityNote'],
      ] as const) {
        const value = field(s, key);
        if (value) yield `- ${label}: ${markdownText(value)}\n`;
      }
      if (s?.properties['synthetic'] === true) yield '- Synthetic: yes (fictional)\n';
      yield '\nSupports:\n\n';
      for (const fact of c.facts) yield `- ${markdownText(fact.sentence)} (${fact.kind} ${markdownText(fact.id)})\n`;
      yield '\n';
    }
  },
};

/** The sources appendix as CSV: one row per (source, fact), text neutralised against formulas. */
export const sourcesCsvFormat: ExportFormatWriter = {
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8; header=present',
  *write(graph: Subgraph) {
    yield csvRow(
      ['source_id', 'title', 'publisher', 'date', 'url', 'synthetic', 'fact_kind', 'fact_id', 'fact'].map(textCell),
    );
    for (const c of citations(graph)) {
      const s = c.source;
      const head = [c.id, s ? nameOf(s) : '', field(s, 'publisher'), field(s, 'date'), field(s, 'url')];
      const synthetic = s?.properties['synthetic'] === true ? 'true' : 'false';
      for (const fact of c.facts) {
        yield csvRow([...head, synthetic, fact.kind, fact.id, fact.sentence].map(textCell));
      }
    }
  },
};
