/**
 * A unified (remark) plugin that proves a markdown file's C, C++ and Rust snippets with the real
 * compilers, as in a deck, and reports each finding as a positioned vfile message (errors are fatal, so
 * remark-cli exits 1). For other unified pipelines: remark-cli, Astro, Docusaurus, MDX.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { extractSnippets } from '../extract.ts';
import { reportSnippetResults } from './report-results.ts';
import { verifySnippets } from './verify.ts';

/** Options for {@link remarkProofdeck}. */
export interface RemarkProofdeckOptions {
  /** Project root: `include=` paths must stay inside it; the cache lives under it. @default the file's cwd */
  root?: string;
  /** Skip the snippet cache. @default false */
  noCache?: boolean;
  /** Concurrent compiler processes. @default os.availableParallelism() */
  concurrency?: number;
}

/** Proves every snippet of the file it is run on; a file without snippets costs nothing. */
export function remarkProofdeck(options: RemarkProofdeckOptions = {}): (tree: Root, file: VFile) => Promise<void> {
  return async (tree, file) => {
    const root = path.resolve(options.root ?? file.cwd);
    const snippets = extractSnippets(tree, file, { root });
    if (snippets.length === 0) return;
    const results = await verifySnippets(snippets, {
      root,
      noCache: options.noCache ?? false,
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    });
    reportSnippetResults(results, snippets, new Map([[file.path, file]]));
  };
}
