import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: they run gcc, clang, rustc, chromium or the CLI in a child process. Everything else is the
 * unit lane (no compiler, no browser: seconds). A file named *.e2e.test.ts is end-to-end wherever it lives.
 */
const E2E = [
  'test/**/*.e2e.test.ts',
  'test/check/links/links.test.ts',
  'test/check/snippet/rustdoc-parity.test.ts',
  'test/check/snippet/seed-bugs.test.ts',
  'test/check/snippet/unmet.test.ts',
  'test/cli/cli.test.ts',
  'test/dev/dev.test.ts',
  'test/diagram/diagram.test.ts',
  'test/exec/cache.test.ts',
  'test/exec/rust-merge.test.ts',
  'test/exec/sandbox.test.ts',
  'test/exec/toolchains.test.ts',
  'test/render/deck/browser.test.ts',
  'test/render/deck/golden.test.ts',
  'test/render/pdf/pdf.test.ts',
  'test/render/site/browser.test.ts',
  'test/report/reporters.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
