import { GraphSchema, type Graph } from '@explorer/model';

/** Files bigger than this are refused before parsing: the canvas could not show them anyway. */
export const GRAPH_FILE_MAX_BYTES = 50_000_000;

/**
 * The graph in a file saved by this tool's `json` export (or any file holding the project's graph
 * JSON: `{ nodes, edges }`). Edges whose ends are not in the file are dropped by the canvas itself.
 * Throws an Error naming the file and the first problem found.
 */
export async function readGraphFile(file: Blob & { name: string }): Promise<Graph> {
  if (file.size > GRAPH_FILE_MAX_BYTES) {
    throw new Error(`${file.name} is too big to open on the canvas (${Math.round(file.size / 1e6)} MB).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not a JSON file. Open a file saved with Export → JSON.`);
  }
  const parsed = GraphSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    throw new Error(`${file.name} does not hold a graph this tool saved: ${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}
