import { unzipSync } from 'fflate';
import { FORMAT_WRITERS } from '../../../src/export/formats/index.ts';
import type { Subgraph } from '../../../src/export/subgraph.ts';
import type { ExportFormat } from '@explorer/model';

/** A format's whole output as bytes. */
export function renderBytes(format: ExportFormat, graph: Subgraph): Uint8Array {
  const encoder = new TextEncoder();
  const parts = [...FORMAT_WRITERS[format].write(graph)].map((c) => (typeof c === 'string' ? encoder.encode(c) : c));
  return Buffer.concat(parts);
}

export function renderText(format: ExportFormat, graph: Subgraph): string {
  return new TextDecoder().decode(renderBytes(format, graph));
}

/** The files of a zip, as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, new TextDecoder().decode(data)]),
  );
}
