import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../../src/build/build.ts';
import { FIXTURES, projectWithFixture } from '../../helpers.ts';

describe('deck HTML', () => {
  it('matches the golden output for the basics fixture', async () => {
    const root = projectWithFixture(path.join(FIXTURES, 'golden', 'basics'));
    const result = await buildDecks({ root });
    expect(result.files.flatMap((file) => file.messages)).toEqual([]);
    const html = readFileSync(path.join(root, 'dist', 'basics', 'index.html'), 'utf8');
    await expect(html).toMatchFileSnapshot(path.join(FIXTURES, 'golden', 'basics.expected.html'));
  });

  it('names copied assets by content hash and rewrites their URLs', async () => {
    const root = projectWithFixture(path.join(FIXTURES, 'golden', 'basics'));
    await buildDecks({ root });
    const html = readFileSync(path.join(root, 'dist', 'basics', 'index.html'), 'utf8');
    const src = /<img src="(assets\/pixel\.[0-9a-f]{10}\.png)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    expect(readFileSync(path.join(root, 'dist', 'basics', src ?? ''))).toEqual(readFileSync(path.join(FIXTURES, 'golden', 'basics', 'pixel.png')));
  });

  it('makes no reference to anything outside the deck folder', async () => {
    const root = projectWithFixture(path.join(FIXTURES, 'golden', 'basics'));
    await buildDecks({ root });
    const html = readFileSync(path.join(root, 'dist', 'basics', 'index.html'), 'utf8');
    const css = readFileSync(path.join(root, 'dist', 'basics', '_proofdeck', 'theme.css'), 'utf8');
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(css).not.toMatch(/@import|url\((?:https?:)?\/\//);
  });
});
