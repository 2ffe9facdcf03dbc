import { CONSOLE_EXAMPLES, ConsoleResponseSchema } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { useConsoleApp } from './support.ts';

const { cypher } = useConsoleApp();

describe('the library of example queries', () => {
  it.each(CONSOLE_EXAMPLES.map((e) => [e.title, e] as const))('%s', async (_title, example) => {
    const { status, body } = await cypher(example.query, example.params);
    expect(status).toBe(200);
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.rows.length).toBeGreaterThan(0);
    const records = answer.rows.map((row) => Object.fromEntries(answer.columns.map((c, i) => [c, row[i]])));
    for (const promised of example.promises) {
      expect(records).toContainEqual(expect.objectContaining(promised));
    }
    if (example.id === 'paths-from-western-digital') {
      expect(answer.graph.nodes.map((n) => n.id)).toContain('hikvision');
    }
  });
});
