import { defineConfig } from 'vitest/config';

// One `vitest run` runs every workspace's tests; each workspace defines its own project.
export default defineConfig({
  test: {
    projects: [
      'packages/model',
      'packages/neo4j-local',
      'seeds',
      'apps/api',
      'apps/web',
      { test: { name: 'repo', include: ['test/**/*.test.ts'] } },
    ],
  },
});
