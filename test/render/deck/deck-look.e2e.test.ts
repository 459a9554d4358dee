import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { tempProject } from '../../helpers.ts';

/** Builds one deck (no PDFs) and answers its index.html and the build's messages. */
async function build(markdown: string, files: Record<string, string> = {}, includeHidden = false) {
  const root = tempProject({ talk: markdown });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, 'decks', 'talk', name), content);
  const result = await buildDecks({ root, pdf: false, includeHidden });
  const messages = result.files.flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`));
  const index = path.join(root, 'dist', 'talk', 'index.html');
  return { root, messages, html: existsSync(index) ? readFileSync(index, 'utf8') : '' };
}

const revealConfig = (html: string): Record<string, unknown> =>
  JSON.parse(/Reveal\.initialize\(Object\.assign\((\{.*?\}), \{ plugins/.exec(html)?.[1] ?? '{}') as Record<
    string,
    unknown
  >;

describe('frontmatter css:', () => {
  it('copies the stylesheet into the assets and links it after the theme', async () => {
    const { root, messages, html } = await build('---\ntitle: T\ncss: style.css\n---\n\n## A\n\nx\n', {
      'style.css': 'h2 { color: rgb(1, 2, 3); }\n',
    });
    expect(messages).toEqual([]);
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    expect(links.at(-2)).toBe('_proofdeck/theme.css');
    expect(links.at(-1)).toMatch(/^assets\/style\.[0-9a-f]{10}\.css$/);
    expect(readFileSync(path.join(root, 'dist', 'talk', links.at(-1) ?? ''), 'utf8')).toContain('rgb(1, 2, 3)');
  });

  it('takes a list, in order', async () => {
    const { messages, html } = await build('---\ntitle: T\ncss:\n  - a.css\n  - b.css\n---\n\n## A\n\nx\n', {
      'a.css': 'a{}',
      'b.css': 'b{}',
    });
    expect(messages).toEqual([]);
    expect([...html.matchAll(/href="assets\/(\w)\.[0-9a-f]+\.css"/g)].map((m) => m[1])).toEqual(['a', 'b']);
  });

  it('reports a missing file at the css key and one outside the project, and writes nothing', async () => {
    const missing = await build('---\ntitle: T\nauthor: A\ncss: nope.css\n---\n\n## A\n\nx\n');
    expect(missing.messages).toEqual(['4:1 deck/missing-asset']);
    expect(missing.html).toBe('');
    const outside = await build('---\ntitle: T\ncss: ../../../etc/x.css\n---\n\n## A\n\nx\n');
    expect(outside.messages).toEqual(['3:1 deck/outside-project']);
  });
});

describe('reveal.js options and plugins', () => {
  it('passes totalTime and per-slide timing to reveal.js for the speaker view', async () => {
    const { messages, html } = await build('---\ntitle: T\ntotalTime: 1200\n---\n\n## A\n\n::slide{timing=90}\n\nx\n');
    expect(messages).toEqual([]);
    expect(revealConfig(html).totalTime).toBe(1200);
    expect(html).toMatch(/<section id="a" data-line="\d+" data-timing="90">/);
  });

  it('rejects a totalTime that is not a positive number of seconds', async () => {
    const { messages } = await build('---\ntitle: T\ntotalTime: -5\n---\n\n## A\n\nx\n');
    expect(messages).toEqual(['3:1 frontmatter/invalid-value']);
  });

  it('loads the zoom plugin unless zoom: false', async () => {
    const on = await build('---\ntitle: T\n---\n\n## A\n\nx\n');
    expect(on.html).toContain('<script src="_proofdeck/reveal/zoom.js"></script>');
    expect(on.html).toContain('plugins: [RevealNotes, RevealZoom]');
    const off = await build('---\ntitle: T\nzoom: false\n---\n\n## A\n\nx\n');
    expect(off.html).not.toContain('zoom.js');
    expect(off.html).toContain('plugins: [RevealNotes]');
  });
});

describe('hidden slides', () => {
  const titles = (html: string) => [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);

  it('leaves out ::slide{hidden}, data-visibility="hidden" and pandoc {visibility="hidden"} slides', async () => {
    const native = await build('---\ntitle: T\n---\n\n## A\n\nx\n\n## B\n\n::slide{hidden}\n\ny\n\n## C\n\nz\n');
    expect(native.messages).toEqual([]);
    expect(titles(native.html)).toEqual(['A', 'C']);
    const reveal = await build(
      '---\ntitle: T\nrevealOptions: {}\n---\n\n## A\n\n---\n\n## B\n<!-- .slide: data-visibility="hidden" -->\n\n' +
        '---\n\n## C\n',
    );
    expect(titles(reveal.html)).toEqual(['A', 'C']);
    const pandoc = await build(
      '---\ntitle: T\nformat: revealjs\n---\n\n## A\n\nx\n\n## B {visibility="hidden"}\n\ny\n',
    );
    expect(titles(pandoc.html)).toEqual(['A']);
  });

  it('keeps hidden slides with --include-hidden, shown (a rehearsal copy)', async () => {
    const markdown = '---\ntitle: T\n---\n\n## A\n\nx\n\n## B\n\n::slide{hidden}\n\ny\n';
    const { html } = await build(markdown, {}, true);
    expect(titles(html)).toEqual(['A', 'B']);
    // reveal.js drops data-visibility="hidden" slides when the deck starts: a kept slide must not carry it.
    expect(html).not.toContain('data-visibility');
  });

  it('still checks a hidden slide', async () => {
    const { messages } = await build('---\ntitle: T\n---\n\n## A\n\n::slide{hidden}\n\n![x](missing.png)\n');
    expect(messages).toEqual(['9:1 deck/missing-asset']);
  });
});

describe('code block captions', () => {
  it('shows title= and filename= above the block, like a file of a program', async () => {
    const { messages, html } = await build(
      '---\ntitle: T\n---\n\n## A\n\n```rust title="src/main.rs"\nfn main() {}\n```\n\n' +
        '```python filename=tool.py\nprint(1)\n```\n',
    );
    expect(messages).toEqual([]);
    expect([...html.matchAll(/<span class="code-file-name">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual([
      'src/main.rs',
      'tool.py',
    ]);
  });
});

describe('files named in raw HTML', () => {
  it('copies <img>, <video poster> and <source> files and points the HTML at the copies', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const root = tempProject({
      talk:
        '---\ntitle: T\n---\n\n## A\n\n<img src="pic.png" alt="p">\n\n' +
        '<video controls poster="pic.png"><source src="clip.webm#t=2"></video>\n',
    });
    writeFileSync(path.join(root, 'decks', 'talk', 'pic.png'), png);
    writeFileSync(path.join(root, 'decks', 'talk', 'clip.webm'), 'not really a video');
    const result = await buildDecks({ root, pdf: false });
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    const html = readFileSync(path.join(root, 'dist', 'talk', 'index.html'), 'utf8');
    const pic = /<img src="(assets\/pic\.[0-9a-f]{10}\.png)" alt="p">/.exec(html)?.[1];
    expect(pic).toBeDefined();
    expect(html).toContain(`poster="${pic}"`);
    expect(html).toMatch(/<source src="assets\/clip\.[0-9a-f]{10}\.webm#t=2">/);
    expect(readFileSync(path.join(root, 'dist', 'talk', pic ?? ''))).toEqual(png);
    const site = readFileSync(path.join(root, 'dist', 'site', 'talk', 'index.html'), 'utf8');
    expect(site).toContain(`<img src="${pic}" alt="p">`);
    expect(existsSync(path.join(root, 'dist', 'site', 'talk', pic ?? ''))).toBe(true);
  });
});
