import path from 'node:path';
import { invocationDirectory, loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';

/** Opens the database the environment names (NEO4J_URI, else the embedded one), runs `work`, closes it. */
export async function withConfiguredDatabase<T>(work: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

/** Runs a command's main, exiting with its code, or with 1 and one readable line when it throws. */
export function runCli(main: () => Promise<number>, describeError: (error: Error) => string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(describeError(error instanceof Error ? error : new Error(String(error))));
      process.exit(1);
    },
  );
}

/** A path the user typed on the command line, resolved where they typed it. */
export function userPath(typed: string): string {
  return path.resolve(invocationDirectory(), typed);
}
