import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: they run gcc, clang, rustc, chromium or the CLI in a child process. Everything else is the
 * unit lane (no compiler, no browser: seconds). A file named *.e2e.test.ts is end-to-end wherever it lives.
 */
const E2E = [
  'test/**/*.e2e.test.ts',
  'test/links/links.test.ts',
  'test/snippet/check/rustdoc-parity.test.ts',
  'test/snippet/check/seed-bugs.test.ts',
  'test/snippet/check/unmet.test.ts',
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
  // package (issue 17): the CLI in child processes, real compilers, npm pack and install, remark-cli.
  'test/cli/rerun.test.ts',
  'test/cli/shard.test.ts',
  'test/config/project.test.ts',
  'test/exec/cache-portable.test.ts',
  'test/package/ci-files.test.ts',
  'test/package/e2e.test.ts',
  'test/snippet/check/remark-cli.test.ts',
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
