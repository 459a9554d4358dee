import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { FIXTURES, projectWithFixture, tempProject } from '../../helpers.ts';

describe('deck HTML', () => {
  it('matches the golden output for the basics fixture', async () => {
    const root = projectWithFixture(path.join(FIXTURES, 'golden', 'basics'));
    const result = await buildDecks({ root, pdf: false });
    expect(result.files.flatMap((file) => file.messages)).toEqual([]);
    const html = readFileSync(path.join(root, 'dist', 'basics', 'index.html'), 'utf8');
    await expect(html).toMatchFileSnapshot(path.join(FIXTURES, 'golden', 'basics.expected.html'));
  });

  it('names copied assets by content hash and rewrites their URLs', async () => {
    const root = projectWithFixture(path.join(FIXTURES, 'golden', 'basics'));
    await buildDecks({ root, pdf: false });
    const html = readFileSync(path.join(root, 'dist', 'basics', 'index.html'), 'utf8');
    const src = /<img src="(assets\/pixel\.[0-9a-f]{10}\.png)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    expect(readFileSync(path.join(root, 'dist', 'basics', src ?? ''))).toEqual(
      readFileSync(path.join(FIXTURES, 'golden', 'basics', 'pixel.png')),
    );
  });

  it('makes no reference to anything outside the deck folder', async () => {
    const root = projectWithFixture(path.join(FIXTURES, 'golden', 'basics'));
    await buildDecks({ root, pdf: false });
    const html = readFileSync(path.join(root, 'dist', 'basics', 'index.html'), 'utf8');
    const css = readFileSync(path.join(root, 'dist', 'basics', '_proofdeck', 'theme.css'), 'utf8');
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(css).not.toMatch(/@import|url\((?:https?:)?\/\//);
  });
});

describe('links between decks and pages', () => {
  it('points links to other decks and pages at their HTML, and resolves reference links on every slide', async () => {
    const root = tempProject({
      a:
        '---\ntitle: A\n---\n\n## One\n\nSee [two](#two), [B](../b/deck.md#first), [the guide](../guide.md#intro) ' +
        'and [the spec][rfl].\n\n## Two\n\nAgain [rfl].\n\n[rfl]: https://rust-for-linux.com\n',
      b: '---\ntitle: B\n---\n\n## First\n\ny\n',
    });
    writeFileSync(
      path.join(root, 'decks', 'guide.md'),
      '---\ntitle: Guide\nkind: page\n---\n\n# Intro\n\nSee [A](a/deck.md#two).\n',
    );
    const result = await buildDecks({ root, pdf: false });
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    const html = readFileSync(path.join(root, 'dist', 'a', 'index.html'), 'utf8');
    expect([...html.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1])).toEqual([
      '#/two',
      '../b/index.html#/first',
      '../site/guide/index.html#intro',
      'https://rust-for-linux.com',
      'https://rust-for-linux.com',
    ]);
    expect(existsSync(path.join(root, 'dist', 'a', 'assets'))).toBe(false);
    expect(existsSync(path.join(root, 'dist', 'guide'))).toBe(false);
    expect(existsSync(path.join(root, 'dist', 'site', 'guide', 'index.html'))).toBe(true);
  });
});
