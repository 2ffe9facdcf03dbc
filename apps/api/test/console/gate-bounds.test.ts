import { ConsoleErrorBodySchema } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { useConsoleApp } from './support.ts';

const { cypher } = useConsoleApp();

const refusal = async (query: string, params?: Record<string, unknown>) => {
  const { status, body } = await cypher(query, params);
  return { status, message: status === 200 ? '' : ConsoleErrorBodySchema.parse(body).error.message };
};

describe('the console never sends a call that allocates without bound', () => {
  it.each([
    ['apoc.text.lpad', 'RETURN size(apoc.text.lpad("", 1500000000, "x")) AS n'],
    ['apoc.coll.combinations', 'RETURN size(apoc.coll.combinations(range(1,40), 20)) AS n'],
    ['apoc.text.repeat', "RETURN apoc.text.repeat('x', 2000000000) AS s"],
    ['apoc.coll.fill', "RETURN apoc.coll.fill('x', 2000000000) AS l"],
    ['apoc.text.format', "RETURN apoc.text.format('%1500000000s', ['x']) AS s"],
  ])('refuses %s before it reaches Neo4j', async (name, query) => {
    const { status, message } = await refusal(query);
    expect(status).toBe(403);
    expect(message).toContain(`${name} is not on the console's list`);
  });

  it('refuses range() lists it cannot bound, and lets small or streamed ones through', async () => {
    const big = await refusal('RETURN size([i IN range(1, 300000000) | i]) AS n');
    expect(big.status).toBe(403);
    expect(big.message).toMatch(/range\(\) builds its whole list/);
    expect((await refusal('RETURN [i IN range(1, $n) | i] AS l', { n: 5 })).status).toBe(403);
    expect((await refusal('RETURN size([i IN range(1, 1000) | i]) AS n')).status).toBe(200);
    expect((await refusal('UNWIND range(1, $n) AS i RETURN count(i) AS n', { n: 5 })).status).toBe(200);
  });
});

describe('=~ patterns that backtrack catastrophically', () => {
  it.each([['(.*a){20}'], ['(a+)+'], ['(a|aa)*'], ['(?i)(\\w+\\s?)*$']])(
    'refuses %s as a literal and as a parameter',
    async (pattern) => {
      const literal = await refusal(
        `RETURN 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '${pattern.replaceAll('\\', '\\\\')}' AS m`,
      );
      expect(literal.status).toBe(403);
      expect(literal.message).toMatch(/regular expression .* backtracks catastrophically/);
      const parameter = await refusal("RETURN 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ $p AS m", { p: pattern });
      expect(parameter.status).toBe(403);
      expect(parameter.message).toMatch(/backtracks catastrophically/);
    },
  );

  it('refuses a computed pattern, saying how to write it', async () => {
    const { status, message } = await refusal("MATCH (c:Company) WHERE c.name =~ '(a' + '+)+' RETURN c.id LIMIT 1");
    expect(status).toBe(403);
    expect(message).toMatch(/must be a string literal or a parameter/);
  });

  it('runs ordinary patterns, with Java inline flags', async () => {
    const { status, body } = await cypher("MATCH (c:Company) WHERE c.name =~ '(?i).*hikvision.*' RETURN c.id AS id");
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('hikvision');
    expect((await refusal('RETURN $name =~ $p AS m', { name: 'Seagate', p: 'Sea.*' })).status).toBe(200);
  });
});
