import { describe, expect, it } from 'vitest';
import { CONSOLE_CALLABLE_ALLOWLIST, DATABASE_CALLABLE_ALLOWLIST, isConsoleCallableAllowed } from '../src/console.ts';

describe('the console allowlist', () => {
  it('names each function and procedure, no namespace', () => {
    expect(CONSOLE_CALLABLE_ALLOWLIST.filter((name) => name.includes('*'))).toEqual([]);
  });

  it('leaves out what builds large values from small arguments', () => {
    for (const name of [
      'apoc.text.lpad',
      'apoc.text.rpad',
      'apoc.text.repeat',
      'apoc.text.format',
      'apoc.text.random',
      'apoc.text.join',
      'apoc.text.replace',
      'apoc.text.regreplace',
      'apoc.coll.combinations',
      'apoc.coll.fill',
      'apoc.coll.randomItems',
      'apoc.map.fromNodes',
      'APOC.TEXT.LPAD',
    ]) {
      expect(isConsoleCallableAllowed(name), name).toBe(false);
    }
    expect(isConsoleCallableAllowed('apoc.text.clean')).toBe(true);
    expect(isConsoleCallableAllowed('Date.Truncate')).toBe(true);
  });

  it("gives the database the console's APOC names and those the app and tests call", () => {
    const database = new Set(DATABASE_CALLABLE_ALLOWLIST);
    for (const name of CONSOLE_CALLABLE_ALLOWLIST.filter((n) => n.startsWith('apoc.')))
      expect(database).toContain(name);
    for (const name of ['apoc.coll.sort', 'apoc.convert.toJson', 'apoc.map.sortedProperties'])
      expect(database).toContain(name);
    expect([...database].every((name) => name.startsWith('apoc.'))).toBe(true);
  });
});
