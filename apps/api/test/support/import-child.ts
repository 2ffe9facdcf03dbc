// A process that imports one file into the database at a Bolt URI, for crash tests to kill -9:
//   node --import tsx import-child.ts <bolt uri> <data dir> <file> <rows per batch> [hang-after <batches> | fail-after <batches>]
// (the data dir's password file gives the password, which thus never appears on a command line)
// hang-after N stops dead after N write batches (N = "last": after the last one, before the commit)
// with its event loop blocked, so the test kills it exactly there; fail-after N fails the import there,
// so that it undoes what it wrote.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readPasswordFile } from '@explorer/neo4j-local';
import { connect } from '../../src/db/database.ts';
import { importFile } from '../../src/import/import-procurements.ts';

const [uri, dataDir, file, batchRows, mode, at] = process.argv.slice(2);
if (!uri || !dataDir || !file || !batchRows) {
  throw new Error('usage: import-child.ts <bolt uri> <data dir> <file> <rows per batch> [mode N]');
}

const db = connect({ uri, ...(await readPasswordFile(dataDir)) });
let batches = 0;
try {
  await importFile(db, path.basename(file), await readFile(file), {
    batchRows: Number(batchRows),
    onProgress: ({ phase, done, total }) => {
      if (phase !== 'write' || done === 0) return;
      batches++;
      const here = at === 'last' ? done === total : batches === Number(at);
      if (!here) return;
      if (mode === 'fail-after') throw new Error('failed on purpose');
      // Blocks this thread for good: no beat, no write, as a process the instant it is killed.
      if (mode === 'hang-after') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    },
  });
} finally {
  await db.close();
}
