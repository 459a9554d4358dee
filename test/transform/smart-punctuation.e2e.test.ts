import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { toString } from 'mdast-util-to-string';
import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { buildDecks } from '../../src/pipeline/build.ts';
import { contentToHast, type ContentOptions } from '../../src/transform/slide.ts';
import { runCli, tempProject, vfileOf } from '../helpers.ts';

/** Lines with quotes, dashes and ellipses in text, inline code, links and emphasis. */
const CASES = [
  '"Hello," she said.',
  "It's the 'best' one -- really --- and then...",
  "He said \"it's 'nested' here\" and left.",
  'Years 1990--2000 and page 5--7.',
  'The \'90s were "great".',
  'Code `"not" -- this...` stays, and [a "link"](https://example.org/a--b...c) too.',
  '**"Bold"** and *\'emph\'* with "a [link](x.md) inside".',
  "Don't -- won't --- can't...",
  'A dash - single, and --- em at end ---',
  "Rock 'n' roll.",
];

const options = (smartypants: boolean): ContentOptions => ({
  renderCode: () => ({ type: 'element', tagName: 'pre', properties: {}, children: [] }),
  assets: new Map(),
  smartypants: smartypants ? 'full' : 'off',
});

/** One paragraph per case, as proofdeck renders it. */
function proofdeckHtml(markdown: string, smartypants = true): string[] {
  const tree = parseMarkdown(vfileOf(markdown));
  return toHtml(contentToHast(tree.children, options(smartypants)))
    .split('\n')
    .filter((line) => line.startsWith('<p>'));
}

/** The same through pandoc's reader and HTML writer (`smart` is on in pandoc's markdown). */
function pandocHtml(markdown: string): string[] {
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html', '--wrap=none'], {
    input: markdown,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line.startsWith('<p>'));
}

describe('smart punctuation', () => {
  it('gives every case the characters pandoc gives it', () => {
    const markdown = CASES.join('\n\n');
    const ours = proofdeckHtml(markdown);
    expect(ours).toHaveLength(CASES.length);
    expect(ours).toEqual(pandocHtml(markdown));
  });

  it('leaves text as written when off, and the tree as written after rendering', () => {
    const markdown = CASES.join('\n\n');
    expect(proofdeckHtml(markdown, false).join('\n')).not.toMatch(/[“”‘’–—…]/);
    const tree = parseMarkdown(vfileOf('## Don\'t -- stop\n\n"quoted"...\n'));
    const before = toString(tree);
    contentToHast(tree.children, options(true));
    expect(toString(tree)).toBe(before);
  });

  it('applies to a built deck unless the frontmatter says smartypants: false', async () => {
    const body = '## "A" -- B\n\n```c\nputs("x -- y...");\n```\n';
    const root = tempProject({
      on: `---\ntitle: T\n---\n\n${body}`,
      off: `---\ntitle: T\nsmartypants: false\n---\n\n${body}`,
    });
    await buildDecks({ root, pdf: false });
    const on = readFileSync(path.join(root, 'dist', 'on', 'index.html'), 'utf8');
    const off = readFileSync(path.join(root, 'dist', 'off', 'index.html'), 'utf8');
    expect(on).toContain('<h2>“A” – B</h2>');
    expect(off).toContain('<h2>"A" -- B</h2>');
    for (const html of [on, off]) expect(html).not.toMatch(/puts\(.*[“”–…]/);
  });

  /**
   * Each dialect gets what its own tool does to the same line: pandoc (Quarto) is smart; Marp (marp-core) and
   * reveal.js / reveal-md (reveal's markdown plugin runs marked, whose smartypants is gone since marked 5) keep the
   * text as typed; Slidev's markdown-it has `typographer` on with straight `quotes`: dashes and ellipses only.
   */
  it("follows each dialect's own tool", async () => {
    const line = 'Don\'t say "never" -- it\'s 1990--2000, or --- wait...';
    const paragraph = (html: string) => /<p>(.*?)<\/p>/s.exec(html)?.[1]?.trim();
    const unescape = (html: string | undefined) =>
      html
        ?.replace(/&quot;/g, '"')
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&amp;/g, '&');
    const tools: Record<string, string | undefined> = {
      pandoc: pandocHtml(line)[0]?.replace(/^<p>|<\/p>$/g, ''),
      marp: paragraph(new Marp({ html: true }).render(line).html),
      slidev: paragraph(new MarkdownIt({ html: true, typographer: true, quotes: '""\'\'' }).render(line)),
      reveal: paragraph(await marked.parse(line)),
    };
    const decks: Record<string, string> = {
      pandoc: `---\ntitle: T\nformat: revealjs\n---\n\n## S\n\n${line}\n`,
      marp: `---\nmarp: true\n---\n\n# S\n\n${line}\n`,
      slidev: `---\ndialect: slidev\n---\n\n# S\n\n${line}\n`,
      reveal: `---\ndialect: reveal-md\n---\n\n# S\n\n${line}\n`,
    };
    const root = tempProject(decks);
    await buildDecks({ root, pdf: false });
    for (const [name, expected] of Object.entries(tools)) {
      const html = readFileSync(path.join(root, 'dist', name, 'index.html'), 'utf8');
      const ours = /<p>([^<]*never[^<]*)<\/p>/.exec(html)?.[1];
      expect({ name, text: unescape(ours) }).toEqual({ name, text: unescape(expected) });
    }
  });

  it("prints nothing of its own on the CLI's output (retext-smartypants logs a debug line on `–-`)", () => {
    const root = tempProject({ dash: '---\ntitle: T\n---\n\n## A\n\nYears 1990\u2013-2000.\n' });
    const build = runCli(root, ['build', '--no-pdf']);
    expect(build.status).toBe(0);
    expect(build.stdout).not.toContain('drop');
    expect(build.stdout).not.toContain('PunctuationNode');
  });
});
