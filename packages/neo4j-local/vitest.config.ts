import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'neo4j-local',
    include: ['test/**/*.test.ts'],
    // Each test may start a JVM (10-30 s); the first Maven build in beforeAll can take minutes.
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
