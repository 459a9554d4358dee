/** Test helper: markdown in, extracted snippets + verified results + vfile messages out (real compilers). */
import { join } from 'node:path';
import { VFile } from 'vfile';
import { tempDir } from '../helpers.ts';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { extractSnippets } from '../../src/snippet/extract.ts';
import { reportSnippetResults } from '../../src/snippet/check/report-results.ts';
import { verifySnippets, type VerifyOptions } from '../../src/snippet/check/verify.ts';

export { tempDir };

/** A fresh cache folder per test, so runs are cold but repeatable. */
export function tempCacheDir(): string {
  return tempDir('test-cache');
}

/** Extracts, verifies and reports the snippets of `markdown` (a file under test/fixtures/snippets by default). */
export async function prove(markdown: string, options: VerifyOptions & { path?: string } = {}) {
  const root = new URL('../fixtures/snippets/', import.meta.url).pathname.replace(/\/$/, '');
  const path = options.path ?? join(root, 'proof.md');
  const file = new VFile({ path, value: markdown });
  const tree = parseMarkdown(file);
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
