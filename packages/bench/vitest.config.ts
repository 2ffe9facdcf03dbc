import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bench',
    include: ['test/**/*.test.ts'],
    // Each file starts its own embedded Neo4j; one at a time on a two-core machine.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
