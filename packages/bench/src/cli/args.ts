import { parseArgs } from 'node:util';

/** `--name value` flags → strings; exits with the usage on anything unknown. */
export function readFlags(
  usage: string,
  flags: Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>,
): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({ options: flags, allowPositionals: false, strict: true });
    if (values['help']) {
      console.log(usage);
      process.exit(0);
    }
    return values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

/** An integer flag, with `k`/`m` suffixes (100k, 1m) and `_` separators allowed. */
export function intFlag(name: string, value: string | boolean | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const text = String(value).toLowerCase().replace(/_/g, '');
  const match = /^(\d+)([km]?)$/.exec(text);
  if (!match) throw new Error(`--${name} must be a whole number (e.g. 100000, 100k, 1m), got "${String(value)}"`);
  const multiplier = match[2] === 'k' ? 1_000 : match[2] === 'm' ? 1_000_000 : 1;
  return Number(match[1]) * multiplier;
}
