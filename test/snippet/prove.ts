/** Test helper: markdown in, extracted snippets + verified results + vfile messages out (real compilers). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll } from 'vitest';
import { extractSnippets } from '../../src/snippet/extract.ts';
import { reportSnippetResults } from '../../src/snippet/check/report-results.ts';
import { verifySnippets, type VerifyOptions } from '../../src/snippet/check/verify.ts';

const scratch: string[] = [];
// Registered while the importing test file is collected, so it runs after that file's tests.
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `proofdeck-${prefix}-`));
  scratch.push(dir);
  return dir;
}

/** A fresh cache folder per test, so runs are cold but repeatable. */
export function tempCacheDir(): string {
  return tempDir('test-cache');
}

/** Extracts, verifies and reports the snippets of `markdown` (a file under test/fixtures/snippets by default). */
export async function prove(markdown: string, options: VerifyOptions & { path?: string } = {}) {
  const root = new URL('../fixtures/snippets/', import.meta.url).pathname.replace(/\/$/, '');
  const path = options.path ?? join(root, 'proof.md');
  const file = new VFile({ path, value: markdown });
  const tree = unified().use(remarkParse).use(remarkGfm).parse(file) as Root;
  const snippets = extractSnippets(tree, file, { root });
  const results = await verifySnippets(snippets, { noCache: true, ...options, root });
  reportSnippetResults(results, snippets, new Map([[path, file]]));
  const messages = file.messages.map((m) => ({
    line: m.line,
    column: m.column,
    ruleId: m.ruleId,
    fatal: m.fatal,
    reason: m.reason,
  }));
  return { snippets, results, messages, file };
}
