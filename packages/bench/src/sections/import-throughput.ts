import { connect, type Database } from '@explorer/api';
import neo4j from 'neo4j-driver';
import { importProcurementFile } from '../api-internals.ts';
import { procurementCsv } from '../generate/procurement-csv.ts';
import type { ReportSection } from '../report/types.ts';
import type { SectionContext, SectionProvider } from './index.ts';
import { measureWriteFloor, type WriteFloor } from './write-floor.ts';

/** The file: 100,000 rows (the smoke run passes fewer). */
export const DEFAULT_IMPORT_ROWS = 100_000;

export interface ImportFigures {
  measured: true;
  rows: number;
  /** Rows left out because they had an error (an ambiguous name in the generated graph). */
  rowsSkipped: number;
  bytes: number;
  /** Generating the CSV (not part of the import's time). */
  generateSeconds: number;
  /** importProcurementFile from bytes to commit: parse, validate, resolve names, write. */
  importSeconds: number;
  /** Where the time went: reading and validating the file, resolving names, writing (and committing). */
  phaseSeconds: { read: number; resolve: number; write: number };
  rowsPerSecond: number;
  entitiesCreated: number;
  relationshipsCreated: number;
  relationshipsMatched: number;
  distinct: { buyers: number; suppliers: number; manufacturers: number };
  /** Taking the import out again, so the cached bench database stays the generated graph. */
  undoSeconds: number;
  undone: boolean;
  /** The same plan written with bare CREATEs afterwards (then taken out too), or why it was not. */
  writeFloor: (WriteFloor & { measured: true }) | { measured: false; reason: string };
}

const total = (record: Partial<Record<string, number>> | undefined) =>
  Object.values(record ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);

/**
 * Takes out what the import added to the bench graph: every node and relationship that is not the
 * generated dataset's (they all carry `dataset`), and the citations it added to generated ones.
 * Then checks the graph holds exactly the generated counts again.
 */
async function undoImport(db: Database, dataset: string, entities: number, relationships: number): Promise<boolean> {
  const session = db.driver.session({ database: db.database });
  try {
    // Auto-commit transactions: CALL … IN TRANSACTIONS needs them, and keeps each batch small.
    await session.run(
      `MATCH ()-[r]->() WHERE r.dataset IS NULL OR r.dataset <> $dataset
       CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
      { dataset },
    );
    await session.run(
      `MATCH (n) WHERE n.dataset IS NULL OR n.dataset <> $dataset
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
      { dataset },
    );
    for (const pattern of ['(x:Entity)', '()-[x]->()']) {
      await session.run(
        `MATCH ${pattern} WHERE x.importedFrom IS NOT NULL
         CALL (x) {
           SET x.sourceIds = [s IN x.sourceIds WHERE s STARTS WITH 'gen-']
           REMOVE x.importedFrom
         } IN TRANSACTIONS OF 10000 ROWS`,
      );
    }
    const count = async (cypher: string) =>
      neo4j.integer.toNumber((await session.run(cypher)).records[0]?.get('n') ?? -1);
    return (
      (await count('MATCH (n) RETURN count(n) AS n')) === entities &&
      (await count('MATCH ()-[r]->() RETURN count(r) AS n')) === relationships &&
      (await count('MATCH (n) WHERE n.importedFrom IS NOT NULL RETURN count(n) AS n')) === 0
    );
  } finally {
    await session.close();
  }
}

function markdown(f: ImportFigures): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  return [
    `${n(f.rows)} generated procurement rows (${(f.bytes / 1e6).toFixed(1)} MB of CSV; ${n(f.distinct.buyers)} public-security ` +
      `buyers, ${n(f.distinct.suppliers)} suppliers and ${n(f.distinct.manufacturers)} manufacturers, each written several ` +
      'ways) imported into the bench database with `importProcurementFile`: read, resolve every name, then ' +
      'write in batches of an import run (all or nothing).',
    '',
    '| rows (left out) | import s (read / resolve / write) | rows/s | entities created | relationships created / matched | undo s |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${n(f.rows)} (${n(f.rowsSkipped)}) | ${f.importSeconds.toFixed(1)} (${f.phaseSeconds.read.toFixed(1)} / ${f.phaseSeconds.resolve.toFixed(1)} / ` +
      `${f.phaseSeconds.write.toFixed(1)}) | ${n(f.rowsPerSecond)} | ${n(f.entitiesCreated)} | ` +
      `${n(f.relationshipsCreated)} / ${n(f.relationshipsMatched)} | ${f.undoSeconds.toFixed(1)} |`,
    '',
    f.undone
      ? 'Afterwards the import was taken out again and the graph checked to hold exactly the generated dataset.'
      : 'Taking the import out again did not restore the generated counts: the cached database folder was ' +
        'marked for reloading on the next run.',
    '',
    f.writeFloor.measured
      ? `**Write floor:** the import's plan of the same file (${n(f.writeFloor.entities)} entities, ` +
        `${n(f.writeFloor.relationships)} relationships, the same properties) written with nothing but \`CREATE\`, ` +
        `in the import's batches, without \`MERGE\` or undo records: ` +
        `${(f.writeFloor.entitySeconds + f.writeFloor.relationshipSeconds).toFixed(1)} s ` +
        `(entities ${f.writeFloor.entitySeconds.toFixed(1)} / relationships ${f.writeFloor.relationshipSeconds.toFixed(1)}), ` +
        `against the import's write phase of ${f.phaseSeconds.write.toFixed(1)} s. Written after the import, on a ` +
        'JVM the import has warmed, and taken out again.'
      : `**Write floor:** not measured: ${f.writeFloor.reason}`,
  ].join('\n');
}

/** The write floor of the file, or why it could not be measured (the run goes on either way). */
async function floorOf(
  db: Database,
  csv: { fileName: string; bytes: Uint8Array },
): Promise<ImportFigures['writeFloor']> {
  try {
    return { measured: true, ...(await measureWriteFloor(db, csv.fileName, csv.bytes)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { measured: false, reason: message.slice(0, 500) };
  }
}

/** Imports a generated procurement CSV into the bench database and reports the import's throughput. */
async function measureImport(context: SectionContext): Promise<Omit<ReportSection, 'title'>> {
  const rows = context.importRows ?? DEFAULT_IMPORT_ROWS;
  const generateStarted = performance.now();
  const csv = procurementCsv(rows);
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  const db = connect(context.neo4jTarget);
  try {
    const started = performance.now();
    const phaseStarts: Partial<Record<'read' | 'resolve' | 'write', number>> = {};
    let result: Awaited<ReturnType<typeof importProcurementFile>>;
    try {
      result = await importProcurementFile(db, csv.fileName, csv.bytes, {
        dryRun: false,
        // The generated graph repeats a few names (two county bureaus called alike): rows naming one are
        // ambiguous and left out, as a user would leave them out, and counted.
        validRowsOnly: true,
        // The first event of a phase ends the one before.
        onProgress: ({ phase }) => {
          phaseStarts[phase] ??= performance.now();
        },
      });
    } catch (error) {
      // A failed import run takes out what it wrote. Report it rather than lose the whole run.
      const seconds = (performance.now() - started) / 1000;
      const message = error instanceof Error ? error.message : String(error);
      return {
        markdown: `The import of ${rows.toLocaleString('en-US')} generated rows failed after ${seconds.toFixed(1)} s: ${message.slice(0, 500)}`,
        data: { measured: false, rows, seconds, error: message.slice(0, 2000) },
      };
    }
    const finished = performance.now();
    const importSeconds = (finished - started) / 1000;
    const resolveAt = phaseStarts.resolve ?? started;
    const writeAt = phaseStarts.write ?? resolveAt;
    const undoStarted = performance.now();
    const undone = await undoImport(db, context.dataset, context.entities, context.relationships);
    const undoSeconds = (performance.now() - undoStarted) / 1000;
    const writeFloor = undone
      ? await floorOf(db, csv)
      : ({ measured: false, reason: 'the import was not taken out' } as const);
    // The floor's writes are taken out the same way: the cached database must stay the generated graph.
    const restored = undone && (await undoImport(db, context.dataset, context.entities, context.relationships));
    if (!restored) await context.invalidateDatabase();
    const figures: ImportFigures = {
      measured: true,
      rows,
      rowsSkipped: result.counts.rowsSkipped,
      bytes: csv.bytes.length,
      generateSeconds,
      importSeconds,
      phaseSeconds: {
        read: (resolveAt - started) / 1000,
        resolve: (writeAt - resolveAt) / 1000,
        write: (finished - writeAt) / 1000,
      },
      rowsPerSecond: rows / importSeconds,
      entitiesCreated: total(result.counts.entitiesCreated),
      relationshipsCreated: total(result.counts.relationshipsCreated),
      relationshipsMatched: total(result.counts.relationshipsMatched),
      distinct: { buyers: csv.buyers, suppliers: csv.suppliers, manufacturers: csv.manufacturers },
      undoSeconds,
      undone: restored,
      writeFloor,
    };
    return { markdown: markdown(figures), data: figures };
  } finally {
    await db.close();
  }
}

export const importThroughput: SectionProvider = { title: 'Import throughput', measure: measureImport };
