import type { Subgraph } from '../subgraph.ts';

/** One export format: how the file is named and served, and a writer that yields it in chunks. */
export interface ExportFormatWriter {
  /** File name extension, without the dot. */
  extension: string;
  contentType: string;
  write(graph: Subgraph): Iterable<string | Uint8Array>;
}
