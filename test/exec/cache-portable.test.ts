/**
 * The snippet cache travels between machines (CI shards, a runner's restored cache, a container): its keys
 * hold content and toolchain identity only, never a path of the project or of the compiler.
 */
import { renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFor } from '../../src/exec/execute.ts';
import { DEFAULT_LIMITS } from '../../src/exec/job-dir.ts';
import type { Toolchain } from '../../src/exec/toolchains.ts';
import { runCli, tempProject } from '../helpers.ts';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { extractSnippets } from '../../src/snippet/extract.ts';

const DECK = `---
title: Portable
---

## C

\`\`\`c
int main(void) { return 0; }
\`\`\`

## Rust

\`\`\`rust
fn main() { let v = vec![1, 2]; assert_eq!(v.len(), 2); }
\`\`\`
`;

interface Report {
  snippets: { id: string; runs: { tool: string; cached: boolean }[] }[];
}

function check(root: string): Report {
  const result = runCli(root, ['check', '--reporter', 'json']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

describe('portable snippet cache', () => {
  it('hits every run after the project, cache included, moved to another folder', () => {
    const first = tempProject({ portable: DECK });
    const cold = check(first);
    const runs = cold.snippets.flatMap((snippet) => snippet.runs);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((run) => !run.cached)).toBe(true);
    const moved = path.join(tmpdir(), `${path.basename(first)}-moved`);
    renameSync(first, moved);
    const warm = check(moved);
    expect(warm.snippets.flatMap((snippet) => snippet.runs).map((run) => [run.tool, run.cached])).toEqual(
      runs.map((run) => [run.tool, true]),
    );
  });

  it('keys a run on the compiler identity, not where the compiler is installed', () => {
    const file = new VFile({ path: '/talk/deck.md', value: '```rust\nfn main() {}\n```\n' });
    const [snippet] = extractSnippets(unified().use(remarkParse).parse(file) as Root, file);
    if (!snippet) throw new Error('no snippet');
    const here: Toolchain = {
      name: 'rustc',
      path: '/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/bin/rustc',
      sysroot: '/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu',
      version: '1.95.0',
      versionLine: 'rustc 1.95.0 (59807616e 2026-04-14)',
    };
    const runner: Toolchain = {
      ...here,
      path: '/home/runner/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/bin/rustc',
      sysroot: '/home/runner/.rustup/toolchains/stable-x86_64-unknown-linux-gnu',
    };
    expect(keyFor(snippet, runner, DEFAULT_LIMITS)).toBe(keyFor(snippet, here, DEFAULT_LIMITS));
    const newer = { ...here, versionLine: 'rustc 1.96.0 (0a1b2c3d4 2026-05-28)' };
    expect(keyFor(snippet, newer, DEFAULT_LIMITS)).not.toBe(keyFor(snippet, here, DEFAULT_LIMITS));
  });
});
