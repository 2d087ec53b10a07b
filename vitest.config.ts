import solid from 'vite-plugin-solid'
import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Three projects: the server suites (node), the client's component tests (jsdom + Solid's JSX transform),
 * and the browser suite (real Chromium against the built app), which runs alone after the others because
 * the machine has two cores and the browser tests are timing-sensitive. Projects do not extend the root
 * config: Vite would concatenate their `include` lists with the root's.
 */
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 }

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    ...timeouts,
    // Two cores: suites run in parallel forks, but not more than the machine has.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'server',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/client/**', 'tests/browser/**'],
          ...timeouts,
        },
      },
      {
        plugins: [solid()],
        test: { name: 'client', include: ['tests/client/**/*.test.{ts,tsx}'], environment: 'jsdom', ...timeouts },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/support/build-client.ts'],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Poll the page often: the default back-off (up to 1 s between tries) adds seconds per test.
          expect: { poll: { interval: 100, timeout: 15_000 } },
        },
      },
    ],
  },
})
