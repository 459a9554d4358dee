/** A slide's background image is kept on the site: shown above the slide's text, from the site's own assets. */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempProject } from '../../helpers.ts';

describe('background images on the site', () => {
  it('shows the image of a background-image slide in its section', () => {
    const root = tempProject({
      photos: `---\ntitle: Photos\n---\n\n## Over a picture\n\n::slide{background-image="./img/bg.png"}\n\nText.\n`,
    });
    mkdirSync(path.join(root, 'decks', 'photos', 'img'));
    copyFileSync(
      path.join(FIXTURES, 'dialects', 'pandoc', 'bg.png'),
      path.join(root, 'decks', 'photos', 'img', 'bg.png'),
    );
    const build = runCli(root, ['build', '--no-pdf']);
    expect(build.status, build.stderr).toBe(0);
    const site = path.join(root, 'dist', 'site', 'photos');
    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    const src = /<figure class="slide-background"><img src="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^assets\/bg\.[0-9a-f]+\.png$/);
    expect(existsSync(path.join(site, src as string))).toBe(true);
  });
});
