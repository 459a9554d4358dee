import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/pipeline/build.ts';
import { tempProject } from '../helpers.ts';

/** Builds `decks/talk` with `files` beside deck.md (sub-folders made), no PDFs. */
async function build(css: string, files: Record<string, string>) {
  const root = tempProject({ talk: `---\ntitle: T\ncss: ${css}\n---\n\n## A\n\nx\n` });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, 'decks', 'talk', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const result = await buildDecks({ root, pdf: false });
  const messages = result.files.flatMap((file) =>
    file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`),
  );
  return { root, messages };
}

/** The deck's linked copy of its stylesheet, from dist/<deck>/ or the site's dist/site/<deck>/. */
function stylesheetCopy(root: string, dir: string): { css: string; folder: string } {
  const html = readFileSync(path.join(root, 'dist', 'talk', 'index.html'), 'utf8');
  const href = [...html.matchAll(/<link rel="stylesheet" href="(assets\/[^"]+\.css)">/g)].at(-1)?.[1] ?? '';
  const file = path.join(dir, href);
  return { css: readFileSync(file, 'utf8'), folder: path.dirname(file) };
}

const STYLE = [
  '/* url(commented-out.png) */',
  '@import "parts/colors.css";',
  "@font-face { font-family: Talk; src: url('../fonts/talk.woff2?v=2') format('woff2'); }",
  '.reveal { background: url(img/bg.png), url(data:image/png;base64,AAAA), url(https://example.org/x.png); }',
  '.reveal h2::after { content: "url(in-a-string.png)"; }',
].join('\n');

describe('files a css: stylesheet names with url()', () => {
  it('are copied beside its copy in deck and site, and the copy points at them', async () => {
    const { root, messages } = await build('styles/main.css', {
      'styles/main.css': STYLE,
      'styles/parts/colors.css': '.reveal h2 { border-image: url(../img/bg.png) 30; }\n',
      'styles/img/bg.png': 'png',
      'fonts/talk.woff2': 'woff2',
    });
    expect(messages).toEqual([]);
    for (const dir of [path.join(root, 'dist', 'talk'), path.join(root, 'dist', 'site', 'talk')]) {
      const { css, folder } = stylesheetCopy(root, dir);
      const named = [...css.matchAll(/url\("([^"]+)"\)|@import "([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
      expect(named).toEqual([
        expect.stringMatching(/^colors\.[0-9a-f]{10}\.css$/),
        expect.stringMatching(/^talk\.[0-9a-f]{10}\.woff2\?v=2$/),
        expect.stringMatching(/^bg\.[0-9a-f]{10}\.png$/),
      ]);
      // Every file the copy names exists relative to the copy, as the browser resolves it.
      for (const url of named) expect(existsSync(path.join(folder, url.split('?')[0] ?? '')), url).toBe(true);
      const imported = readFileSync(path.join(folder, named[0] ?? ''), 'utf8');
      expect(imported).toMatch(/border-image: url\("bg\.[0-9a-f]{10}\.png"\) 30;/);
      // Remote and data urls, and what comments and strings hold, are left as written.
      expect(css).toContain('url(data:image/png;base64,AAAA), url(https://example.org/x.png)');
      expect(css).toContain('/* url(commented-out.png) */');
      expect(css).toContain('content: "url(in-a-string.png)"');
    }
  });

  it('missing: deck/missing-asset at the css: line, naming the file and line, and nothing is written', async () => {
    const { root, messages } = await build('main.css', { 'main.css': 'a {}\n.b { background: url(img/none.png); }\n' });
    expect(messages).toEqual(['3:1 deck/missing-asset file not found: img/none.png (in main.css, line 2)']);
    expect(existsSync(path.join(root, 'dist', 'talk', 'index.html'))).toBe(false);
  });

  it('outside the project: deck/outside-project', async () => {
    const { messages } = await build('main.css', { 'main.css': '.b { background: url(../../../../etc/x.png); }\n' });
    expect(messages).toEqual([
      '3:1 deck/outside-project ../../../../etc/x.png (in main.css, line 1) lies outside the project',
    ]);
  });
});
