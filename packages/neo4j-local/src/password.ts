import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a client needs to log in to the embedded database over Bolt. */
export interface BoltAuth {
  user: string;
  password: string;
}

/** The file in the data folder that holds the neo4j user's password, readable by its owner only. */
export const PASSWORD_FILE_NAME = 'bolt-password';

/**
 * The data folder's Bolt password: made at random at its first start and kept in
 * `<dataDir>/bolt-password` (mode 600), so the API, the CLIs and the tests that open the same
 * folder log in with it and nobody else can. The launcher sets it on the neo4j user before Bolt opens.
 */
export async function ensurePasswordFile(dataDir: string): Promise<BoltAuth & { file: string }> {
  const file = path.join(dataDir, PASSWORD_FILE_NAME);
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A copy or an archive may have widened the mode; the password is the only thing that keeps others out.
  await chmod(file, 0o600);
  const auth = await readPasswordFile(dataDir);
  if (auth.password.length < 8) throw new Error(`${file} holds no usable password; delete it to make a new one`);
  return { ...auth, file };
}

/** The password of a data folder that has been started before (for tools that open it later). */
export async function readPasswordFile(dataDir: string): Promise<BoltAuth> {
  const password = (await readFile(path.join(dataDir, PASSWORD_FILE_NAME), 'utf8')).trim();
  return { user: 'neo4j', password };
}
