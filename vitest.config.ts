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
      'packages/bench',
      // The web app's component and state tests: jsdom, no database, no browser.
      {
        test: {
          name: 'web-unit',
          root: 'apps/web',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      { test: { name: 'repo', include: ['test/**/*.test.ts'] } },
    ],
  },
});
