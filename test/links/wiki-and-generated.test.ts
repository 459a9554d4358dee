/** Issue 13, finding 9: links as a wiki and an mdBook chapter write them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/links/check.ts';
import { loadDeck } from '../../src/pipeline/load.ts';
import { tempDir } from '../helpers.ts';

function check(files: Record<string, string>, names: readonly string[]): string[] {
  const root = tempDir('wiki');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const loaded = names.map((name) =>
    loadDeck({ name, path: path.join(root, name) }, { knownThemes: new Set(['dark']), root, cwd: root }),
  );
  checkLinks(loaded.flatMap(({ file, tree, deck }) => (deck ? [{ file, tree, deck }] : [])));
  return loaded.flatMap(({ file }) =>
    file.messages.map((m) => `${path.relative(root, file.path)}:${m.line}:${m.column} ${m.ruleId}`),
  );
}

describe('wiki-style links', () => {
  it('resolve [Other page](OtherPage) to OtherPage.md beside the file, checked together or not', () => {
    const files = {
      'Home.md': '# Home\n\nSee [Other page](OtherPage), [its part](OtherPage#details) and [sub](guide/Setup).\n',
      'OtherPage.md': '# Other\n\n## Details\n',
      'guide/Setup.md': '# Setup\n',
    };
    expect(check(files, ['Home.md', 'OtherPage.md', 'guide/Setup.md'])).toEqual([]);
    expect(check(files, ['Home.md'])).toEqual([]);
  });

  it('still reports a wiki-style link to a page that does not exist, and a wrong anchor in one that does', () => {
    const files = { 'Home.md': '# Home\n\n[x](Missing) [y](Other#nope)\n', 'Other.md': '# Other\n' };
    expect(check(files, ['Home.md', 'Other.md'])).toEqual(['Home.md:3:1 links/broken', 'Home.md:3:14 links/broken']);
  });
});

describe('links into generated API docs', () => {
  it('are links/generated-docs warnings, not errors, whether outside the project or missing in it', () => {
    const files = { 'src/ch1.md': '# One\n\n[std](../../std/index.html) [api](../target/doc/x/index.html)\n' };
    expect(check(files, ['src/ch1.md'])).toEqual([
      'src/ch1.md:3:1 links/generated-docs',
      'src/ch1.md:3:29 links/generated-docs',
    ]);
  });

  it('leave alone an HTML file that exists and mdBook`s chapter.html for a chapter.md beside it', () => {
    const files = { 'a.md': '# A\n\n[b](b.html) [page](page.html)\n', 'b.md': '# B\n', 'page.html': '<p>x</p>\n' };
    expect(check(files, ['a.md'])).toEqual([]);
  });
});
