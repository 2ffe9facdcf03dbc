import { writeImportPart, type PartOptions } from './import-csv.ts';

/**
 * Child process entry: writes one part of the import's CSV files (argv[2]: PartOptions as JSON) and
 * sends what it wrote to its parent. A bad record or any other failure ends it with code 1 and the
 * reason on stderr.
 */
const options = JSON.parse(process.argv[2] ?? '') as PartOptions;
try {
  const send = process.send?.bind(process);
  if (!send) throw new Error('import-csv-child.ts runs as a child of writeImportFiles, with an IPC channel');
  const part = await writeImportPart(options);
  await new Promise<void>((resolve, reject) =>
    send(part, (error: Error | null) => (error ? reject(error) : resolve())),
  );
  process.disconnect();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
  if (process.connected) process.disconnect();
}
