import { Readable } from 'node:stream';
import type { ExportFormat } from '@explorer/model';
import type { QueryRunner } from '../db/runner.ts';
import { exportFileName } from './file-name.ts';
import { FORMAT_WRITERS } from './formats/index.ts';
import { readSubgraph } from './read-subgraph.ts';

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** The file, chunk by chunk: written as it is read, so memory holds only the subgraph. */
  chunks: Iterable<string | Uint8Array>;
}

/** Reads the subgraph (errors surface here, before any byte is sent) and prepares its file. */
export async function exportSubgraph(
  runner: QueryRunner,
  request: { format: ExportFormat; nodeIds: string[]; hops: number },
): Promise<ExportFile> {
  const graph = await readSubgraph(runner, request);
  const writer = FORMAT_WRITERS[request.format];
  return {
    fileName: exportFileName(graph, writer.extension),
    contentType: writer.contentType,
    chunks: writer.write(graph),
  };
}

/** The chunks as a byte stream (strings as UTF-8), pulled only as fast as the reader reads. */
export function toStream(chunks: Iterable<string | Uint8Array>): Readable {
  const encoder = new TextEncoder();
  return Readable.from(
    (function* () {
      for (const chunk of chunks)
        yield typeof chunk === 'string' ? Buffer.from(encoder.encode(chunk)) : Buffer.from(chunk);
    })(),
    { objectMode: false },
  );
}
