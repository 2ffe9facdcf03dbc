import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Node options that let a child process run a TypeScript file of this package (through tsx). */
export const TSX_EXEC_ARGV = ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href];
