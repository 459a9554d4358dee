import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.ts';

function book(toml: string): string {
  const root = tempDir('book-cli');
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'book.toml'), toml);
  const blocks = ['```rust', 'let async = 1;', '```', '', '```rust,compile_fail,E0382', 'let v = vec![1];'];
  blocks.push('let w = v;', 'println!("{v:?}");', '```', '');
  writeFileSync(path.join(root, 'src', 'ch.md'), `# Chapter\n\n${blocks.join('\n')}`);
  return root;
}

interface JsonSnippet {
  id: string;
  ok: boolean;
  evidence?: { text: string; tool: string; source: string };
}

describe('proofdeck check on an mdBook chapter', () => {
  it("uses mdBook's 2015 when book.toml names no edition, and reports each block's evidence in JSON", () => {
    const root = book('[book]\ntitle = "B"\n');
    const { status, stdout } = runCli(root, ['check', '--reporter', 'json', 'src/ch.md']);
    expect(status).toBe(0);
    const snippets = (JSON.parse(stdout) as { snippets: JsonSnippet[] }).snippets;
    expect(snippets.map((snippet) => snippet.ok)).toEqual([true, true]);
    expect(snippets[1]?.evidence).toMatchObject({ text: 'error[E0382]: borrow of moved value: `v`' });
  });

  it('uses [rust] edition, and reports a bad one at its line in book.toml', () => {
    const ok = runCli(book('[rust]\nedition = "2021"\n'), ['check', 'src/ch.md']);
    expect(ok.status).toBe(1);
    expect(ok.stderr).toContain('expected to compile');
    const bad = runCli(book('[rust]\nedition = "2019"\n'), ['check', 'src/ch.md']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('book.toml:2:1: error: "rust.edition": "2019" is not a Rust edition [config/invalid]');
  });
});
