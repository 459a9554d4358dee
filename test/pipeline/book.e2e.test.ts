/**
 * Issue 13, findings 9 and 10: an mdBook folder is checked as one book in one process (one set of
 * compiler probes, one batch of snippets), and its links are read the way a book and a wiki write them.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.ts';

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

const chapter = (title: string, body: string) => `# ${title}\n\nSome prose.\n\n${body}\n`;
const BOOK = {
  'book.toml': '[book]\ntitle = "Three chapters"\n\n[rust]\nedition = "2021"\n',
  'src/SUMMARY.md':
    '# Summary\n\n[Preface](preface.md)\n\n- [Ownership](part/ownership.md)\n' +
    '    - [Panics](part/panics.md)\n- [Later]()\n',
  'src/preface.md': chapter('Preface', '```rust\nfn main() { println!("hello"); }\n```'),
  'src/part/ownership.md': chapter(
    'Ownership',
    'See [Panics](panics) and [`Vec`](../../std/vec/struct.Vec.html).\n\n' +
      '```rust,compile_fail\nlet s = String::new();\nlet t = s;\nprintln!("{s}");\n```',
  ),
  'src/part/panics.md': chapter('Panics', '```rust,should_panic\npanic!("boom");\n```'),
};

/** A `rustc` in front of the real one that logs every call: discovery's probes are the calls that come through it. */
function loggingRustc(dir: string): { bin: string; log: string } {
  const real = spawnSync('sh', ['-c', 'command -v rustc'], { encoding: 'utf8' }).stdout.trim();
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'rustc.log');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'rustc'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(path.join(bin, 'rustc'), 0o755);
  writeFileSync(log, '');
  return { bin, log };
}

interface JsonReport {
  errors: number;
  warnings: number;
  diagnostics: { file: string; ruleId: string; line: number; column: number }[];
  snippets: { id: string; status: string }[];
}

describe('proofdeck check <mdBook folder>', () => {
  it('checks every SUMMARY.md chapter in one process: compilers probed once for all of them', () => {
    const dir = tempDir('book');
    const book = path.join(dir, 'book');
    write(book, BOOK);
    const { bin, log } = loggingRustc(dir);
    const result = runCli(dir, ['check', 'book', '--no-cache', '--reporter', 'json'], {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.snippets.map(({ id, status }) => `${id} ${status}`)).toEqual([
      'preface-rust-1 proved',
      'part-ownership-rust-1 proved',
      'part-panics-rust-1 proved',
    ]);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.filter((call) => call === '-vV')).toHaveLength(1);
    expect(calls.filter((call) => call === '--print sysroot')).toHaveLength(1);
    expect(result.status).toBe(0);
  });

  it('resolves wiki-style links to Page.md and warns (not errs) on links into generated API docs', () => {
    const dir = tempDir('book');
    write(dir, BOOK);
    const result = runCli(dir, ['check', '.', '--reporter', 'json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'src/part/ownership.md:5:26 links/generated-docs',
    ]);
    expect([report.errors, report.warnings, result.status]).toEqual([0, 1, 0]);
  });

  it('reports a SUMMARY.md entry whose file is missing at its line, and checks the other chapters', () => {
    const dir = tempDir('book');
    write(dir, { ...BOOK, 'src/SUMMARY.md': `${BOOK['src/SUMMARY.md']}- [Gone](gone.md)\n` });
    const result = runCli(dir, ['check', '.']);
    expect(result.stderr).toContain('src/SUMMARY.md:8:3: error: broken link: chapter gone.md does not exist');
    expect(result.stderr).toContain('✓ part-panics-rust-1');
    expect(result.status).toBe(1);
  });

  it('expands {{#include}} and {{#rustdoc_include}} in chapters before proving, errors at the link', () => {
    const dir = tempDir('book');
    write(dir, {
      ...BOOK,
      'src/SUMMARY.md': '- [Listings](listings.md)\n',
      'listings/main.rs':
        'fn main() {\n    // ANCHOR: body\n    let v = vec![1, 2];\n    assert_eq!(v.len(), 2);\n' +
        '    // ANCHOR_END: body\n}\n',
      'listings/moved.rs': 'fn main() {\n    let s = String::new();\n    let t = s;\n    println!("{s}{t}");\n}\n',
      'src/listings.md':
        '# Listings\n\n```rust\n{{#rustdoc_include ../listings/main.rs:body}}\n```\n\n' +
        '```rust,compile_fail\n{{#include ../listings/moved.rs}}\n```\n\n' +
        '```rust\n{{#include ../listings/moved.rs:3:4}}\n```\n\n```rust\n  {{#include ../listings/gone.rs}}\n```\n',
    });
    const result = runCli(dir, ['check', '.', '--reporter', 'json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.snippets.map(({ id, status }) => `${id} ${status}`)).toEqual([
      'listings-rust-1 proved',
      'listings-rust-2 proved',
      'listings-rust-3 failed',
    ]);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      expect.stringMatching(/^src\/listings\.md:12:\d+ snippet\//),
      'src/listings.md:16:3 snippet/missing-include',
    ]);
    expect(result.status).toBe(1);
  });

  it('checks several files and a folder of markdown given together, in one process', () => {
    const dir = tempDir('files');
    write(dir, {
      'a.md': chapter('A', '```rust\nfn main() {}\n```'),
      'b.md': chapter('B', 'Back to [A](a).\n\n```rust\nassert_eq!(1 + 1, 2);\n```'),
      'more/c.md': chapter('C', '```rust,no_run\nloop {}\n```'),
      'more/d/e.md': chapter('E', '```rust,ignore\nnot rust\n```'),
    });
    const { bin, log } = loggingRustc(dir);
    const result = runCli(dir, ['check', 'a.md', 'b.md', 'more', '--no-cache', '--reporter', 'json'], {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.snippets.map(({ id, status }) => `${id} ${status}`)).toEqual([
      'a-rust-1 proved',
      'b-rust-1 proved',
      'c-rust-1 proved',
      'e-rust-1 ignored',
    ]);
    expect(
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter((call) => call === '-vV'),
    ).toHaveLength(1);
    expect([report.errors, result.status]).toEqual([0, 0]);
  });
});
