import { Readable } from 'node:stream';
import type { ExportFormat, JsonValue } from '@explorer/model';
import type { ConsoleRunner } from '../console/runner.ts';
import type { QueryRunner } from '../db/runner.ts';
import { exportFileName } from './file-name.ts';
import { FORMAT_WRITERS } from './formats/index.ts';
import { readQuerySubgraph } from './query-subgraph.ts';
import { readSubgraph } from './read-subgraph.ts';
import type { Subgraph } from './subgraph.ts';

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** The file, chunk by chunk: written as it is read, so memory holds only the subgraph. */
  chunks: Iterable<string | Uint8Array>;
}

/** What to export: ids expanded by hops, or the result of a console query. */
export type ExportSource = { nodeIds: string[]; hops: number } | { query: string; params: Record<string, JsonValue> };

/** How an export reads the database: plain reads, and the console for queries. */
export interface ExportReaders {
  runner: QueryRunner;
  console: ConsoleRunner;
}

/** Reads the subgraph (errors surface here, before any byte is sent) and prepares its file. */
export async function exportSubgraph(
  readers: ExportReaders,
  request: { format: ExportFormat } & ExportSource,
): Promise<ExportFile> {
  const graph: Subgraph =
    'query' in request
      ? await readQuerySubgraph(readers.console, readers.runner, request)
      : await readSubgraph(readers.runner, request);
  const writer = FORMAT_WRITERS[request.format];
  return {
    fileName: exportFileName(graph, writer.extension),
    contentType: writer.contentType,
    chunks: writer.write(graph),
  };
}

/** Bytes gathered before they go to the socket: writers yield one element a chunk, and a write each was slow. */
const STREAM_CHUNK_BYTES = 64 * 1024;

/** The chunks as a byte stream (strings as UTF-8), pulled only as fast as the reader reads. */
export function toStream(chunks: Iterable<string | Uint8Array>): Readable {
  return Readable.from(
    (function* () {
      let pending: Buffer[] = [];
      let size = 0;
      for (const chunk of chunks) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
        pending.push(bytes);
        size += bytes.length;
        if (size >= STREAM_CHUNK_BYTES) {
          yield Buffer.concat(pending, size);
          pending = [];
          size = 0;
        }
      }
      if (size > 0) yield Buffer.concat(pending, size);
    })(),
    { objectMode: false },
  );
}
