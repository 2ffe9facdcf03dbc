import type { ExportFormat } from '@explorer/model';
import { csvFormat } from './csv.ts';
import { cyjsFormat } from './cyjs.ts';
import { cypherFormat } from './cypher.ts';
import type { ExportFormatWriter } from './format.ts';
import { ftmFormat } from './ftm.ts';
import { gexfFormat } from './gexf.ts';
import { graphmlFormat } from './graphml.ts';
import { htmlFormat } from './html.ts';
import { jsonFormat } from './json.ts';
import { sourcesCsvFormat, sourcesMarkdownFormat } from './sources.ts';

/** Every export format by its name in the request. */
export const FORMAT_WRITERS: Record<ExportFormat, ExportFormatWriter> = {
  json: jsonFormat,
  cyjs: cyjsFormat,
  graphml: graphmlFormat,
  gexf: gexfFormat,
  csv: csvFormat,
  cypher: cypherFormat,
  ftm: ftmFormat,
  'sources-md': sourcesMarkdownFormat,
  'sources-csv': sourcesCsvFormat,
  html: htmlFormat,
};

export type { ExportFormatWriter };
