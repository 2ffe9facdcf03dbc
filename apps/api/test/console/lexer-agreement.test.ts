import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ConsoleError } from '../../src/console/errors.ts';
import { lexicalGate } from '../../src/console/lexical-gate.ts';
import { useConsoleApp } from './support.ts';

const { db } = useConsoleApp();

/** A seeded generator (mulberry32), so every run builds the same queries. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** Some characters of a text written as \uXXXX escapes. */
const escapeSome = (text: string, pick: () => number) => [...text].map((c) => (pick() < 0.3 ? escape(c) : c)).join('');

/**
 * Text that may or may not hide what follows from Neo4j: comments ended by every kind of line
 * break (or escaped ones), strings with escaped quotes, backquotes, block comments.
 */
const OPENERS = [
  '// c\n',
  '// c\r',
  '// c\u2028',
  '// c\u2029',
  '// c\u0085',
  '// c\f',
  '// c\\u000a',
  '// c\\u000d',
  '// c\\\\u000a',
  '/* c */',
  '/* c *\\u002f',
  '/* /* */',
  "'a\\u0027 + '",
  "'a\\\\u0027 + '",
  "'a\\' + '",
  '"a\\" + "',
  '`a``',
  '\u00a0',
  '\u001c',
  '\ufeff',
  '\u200b',
  '\\u0020',
  '',
  ' ',
];
const CLOSERS = ['\n', "'", '"', '`', ' */', '\\u000a', ''];

/** The refused things: a write clause and an APOC function off the console's list, in pieces. */
const WRITES = ['CREATE (n)', 'SET m.x = 1', 'DETACH DELETE m'];
const CALLS = ["apoc.text.lpad('', 3, 'x')", "apoc.text.`lpad`('', 3, 'x')", "apoc . text . lpad('', 3, 'x')"];

function generate(count: number): string[] {
  const pick = random(20261206);
  const one = <T>(list: readonly T[]) => list[Math.floor(pick() * list.length)] as T;
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const opener = one(OPENERS);
    const closer = one(CLOSERS);
    if (pick() < 0.5) {
      const write = pick() < 0.5 ? escapeSome(one(WRITES), pick) : one(WRITES);
      queries.push(`MATCH (m) WITH m ${opener}${write}${closer}\nRETURN 1 AS x`);
    } else {
      const call = pick() < 0.5 ? escapeSome(one(CALLS), pick) : one(CALLS);
      queries.push(
        `WITH 1 AS x ${opener}RETURN ${call} AS y${closer}\nRETURN 1 AS x`.replace(/\n(?=RETURN 1 AS x$)/, ' // '),
      );
    }
  }
  return queries;
}

/** What Neo4j makes of a query: a write, a call of lpad (planned, or refused as unknown), neither, or another error. */
async function neo4jReading(query: string): Promise<'write' | 'calls lpad' | 'harmless' | 'error'> {
  const session = db().driver.session({ database: db().database, defaultAccessMode: neo4j.session.READ });
  try {
    const { summary } = await session.run(`EXPLAIN ${query}`);
    if (summary.queryType !== 'r') return 'write';
    return JSON.stringify(summary.plan).toLowerCase().includes('apoc.text.lpad') ? 'calls lpad' : 'harmless';
  } catch (error) {
    // The database does not load lpad at all: naming it as unknown means Neo4j read the call.
    return /Unknown function 'apoc\.text\.lpad'/i.test(String(error)) ? 'calls lpad' : 'error';
  } finally {
    await session.close();
  }
}

const gateRefuses = (query: string) => {
  try {
    lexicalGate(query);
    return false;
  } catch (error) {
    if (error instanceof ConsoleError && error.status === 403) return true;
    throw error;
  }
};

describe("the lexical gate lexes as Neo4j's parser does", () => {
  it('refuses every generated query that Neo4j would plan as a write or as a call of apoc.text.lpad', async () => {
    const queries = generate(300);
    const seen = { write: 0, 'calls lpad': 0, harmless: 0, error: 0 };
    const slipped: string[] = [];
    for (const query of queries) {
      const reading = await neo4jReading(query);
      seen[reading]++;
      if ((reading === 'write' || reading === 'calls lpad') && !gateRefuses(query)) slipped.push(query);
    }
    expect(slipped).toEqual([]);
    // The generator reaches every outcome, so the comparison means something.
    expect(seen.write).toBeGreaterThan(20);
    expect(seen['calls lpad']).toBeGreaterThan(20);
    expect(seen.harmless + seen.error).toBeGreaterThan(20);
  });

  it('lets through what Neo4j reads as a comment or a string', () => {
    expect(gateRefuses('MATCH (m) WITH m // CREATE (n)\u2028 RETURN 1 AS x')).toBe(false);
    expect(gateRefuses("RETURN 'a\\\\u0027 CREATE' AS x")).toBe(false);
    expect(gateRefuses("RETURN 'a\\\\\\u0027 CREATE' AS x")).toBe(true);
    expect(gateRefuses("RETURN 'a\\' CREATE' AS x")).toBe(false);
  });
});
