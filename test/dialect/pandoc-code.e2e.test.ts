/**
 * Pandoc code block attributes and raw blocks, read as pandoc reads them: Quarto decks write
 * ```` ```{.python code-line-numbers="4-5|7"} ```` and ```` ```{=html} ```` on most code slides. The expectations come
 * from `pandoc -t revealjs` on the same deck (language = first class, `data-code-line-numbers`, raw HTML passed
 * through, raw LaTeX left out); the build is proofdeck's CLI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/pipeline/load.ts';
import { runCli, tempDir } from '../helpers.ts';

const DECK = `---
title: Fenced code the pandoc way
format: revealjs
---

## Counting down

\`\`\`{.c code-line-numbers="2|3" #countdown .numberLines}
int main(void) {
  int left = 3;
  return left - 3;
}
\`\`\`

## Written by hand

\`\`\`{=html}
<p class="typed-by-hand">straight to the page</p>
\`\`\`

\`\`\`{=latex}
\\clearpage
\`\`\`

## A cell

\`\`\`{python}
#| echo: true
print(6 * 7)
\`\`\`
`;

function pandoc(file: string): string {
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'revealjs', '--slide-level=2', file], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  return result.stdout;
}

function codeNodes(file: string): Code[] {
  const { deck, file: vfile } = loadDeck({ name: 'fences', path: file }, { knownThemes: new Set(['dark', 'light']) });
  expect(vfile.messages.filter((m) => m.fatal).map(String)).toEqual([]);
  const found: Code[] = [];
  for (const item of deck?.items ?? [])
    for (const slide of item.kind === 'stack' ? item.slides : [item.slide])
      for (const node of slide.content) visit(node, 'code', (code: Code) => void found.push(code));
  return found;
}

describe('pandoc link attributes', () => {
  it('puts the block after a link on the link, as pandoc does, never as text', () => {
    const dir = tempDir('pandoc-link');
    const file = path.join(dir, 'links.qmd');
    const link = '[The manual](https://example.org/m){target="_blank" .external}';
    const deck = `---\ntitle: Links\nformat: revealjs\n---\n\n## Further\n\n${link}\n`;
    writeFileSync(file, deck);
    const anchor = (html: string) => /<a [^>]*href="https:\/\/example.org\/m"[^>]*>/.exec(html)?.[0] ?? '';
    const attributes = (tag: string) => [...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`).sort();
    const pandocTag = anchor(pandoc(file));
    expect(attributes(pandocTag)).toEqual(['class=external', 'href=https://example.org/m', 'target=_blank']);
    const result = runCli(dir, ['build', 'links.qmd', '--no-pdf']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const built = readFileSync(path.join(dir, 'dist', 'links', 'index.html'), 'utf8');
    expect(attributes(anchor(built))).toEqual(attributes(pandocTag));
    expect(built).not.toContain('{target=');
  });
});

describe('pandoc code block attributes and raw blocks', () => {
  const dir = tempDir('pandoc-code');
  const file = path.join(dir, 'fences.qmd');
  writeFileSync(file, DECK);

  it('reads the language and the line steps pandoc reads, and no error', () => {
    const html = pandoc(file);
    const lang = /<code class="sourceCode (\w+)"/.exec(html)?.[1];
    const steps = /data-code-line-numbers="([^"]*)"/.exec(html)?.[1];
    expect([lang, steps]).toEqual(['c', '2|3']);
    const [block, cell] = codeNodes(file);
    expect(block?.data?.fenceMeta?.lang).toBe(lang);
    expect(block?.data?.fenceMeta?.highlight).toEqual([[2], [3]]);
    expect(block?.data?.fenceMeta?.errors).toEqual([]);
    // The cell is python code without Quarto's `#|` option lines, which Quarto never shows.
    expect([cell?.data?.fenceMeta?.lang, cell?.value]).toEqual(['python', 'print(6 * 7)']);
  });

  it('builds: the C block is proved, raw HTML is on the slide as pandoc puts it, raw LaTeX is left out', () => {
    const html = pandoc(file);
    expect(html).toContain('<p class="typed-by-hand">straight to the page</p>');
    expect(html).not.toContain('clearpage');
    const result = runCli(dir, ['build', 'fences.qmd', '--no-pdf']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const out = result.stdout + result.stderr;
    expect(out).toContain('fences.qmd:8:1: warning: code block attributes #countdown .numberLines have no effect');
    expect(out).toContain('fences.qmd:21:1: warning: raw `{=latex}` block');
    const deck = readFileSync(path.join(dir, 'dist', 'fences', 'index.html'), 'utf8');
    expect(deck).toContain('<p class="typed-by-hand">straight to the page</p>');
    expect(deck).not.toContain('clearpage');
    expect(deck).not.toContain('{=html}');
    const check = runCli(dir, ['check', 'fences.qmd']);
    expect(check.stdout + check.stderr).toMatch(/✓ \S+ +compiles/);
  });
});
