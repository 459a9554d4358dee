import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Marp } from '@marp-team/marp-core';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/pipeline/build.ts';
import { tempProject } from '../helpers.ts';

/** Images alone in a paragraph (figures), inline, without alt, stretched, with attributes, a title, markup. */
const BODY = [
  '## Images',
  '',
  '![A *big* picture with `code` and "quotes"](a.png){width=60%}',
  '',
  '![Plain caption](a.png "The title")',
  '',
  '![](a.png)',
  '',
  'Text with ![inline](a.png) in it.',
  '',
  '![Nested [brackets] here](a.png)',
  '',
  '![Code with `]` in it](a.png)',
  '',
  '![A *reference* image][pic]',
  '',
  '[pic]: a.png',
  '',
  '## Stretched',
  '',
  '![Fills the slide](a.png){.r-stretch}',
  '',
].join('\n');

/** A 1×1 PNG, so the images exist. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The text of a hast node. */
function toString(node: Element | Root['children'][number]): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(toString).join('') : '';
}

/** Each figure as `caption text | img alt | img title`, and the alts of images outside a figure. */
function figures(html: string): { figures: string[]; plain: string[] } {
  const tree: Root = fromHtml(html);
  const found: string[] = [];
  const inFigure = new Set<Element>();
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'figure') return;
    const img = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'img');
    const caption = node.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
    );
    if (!img || !caption) return;
    inFigure.add(img);
    const markup = caption.children.flatMap((child) => (child.type === 'element' ? [child.tagName] : []));
    found.push(
      [toString(caption).replace(/\s+/g, ' '), img.properties.alt, img.properties.title ?? '', markup.join(',')].join(
        ' | ',
      ),
    );
  });
  const plain: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'img' && !inFigure.has(node)) plain.push(String(node.properties.alt ?? ''));
  });
  return { figures: found, plain };
}

async function built(markdown: string): Promise<string> {
  const root = tempProject({ talk: markdown });
  writeFileSync(path.join(root, 'decks', 'talk', 'a.png'), PNG);
  const result = await buildDecks({ root, pdf: false });
  expect(
    result.files.flatMap((file) =>
      file.messages.filter((m) => m.fatal).map((m) => `${m.line} ${m.ruleId}: ${m.reason}`),
    ),
  ).toEqual([]);
  return readFileSync(path.join(root, 'dist', 'talk', 'index.html'), 'utf8');
}

function pandoc(markdown: string): string {
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'revealjs', '--wrap=none'], {
    input: markdown,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  return result.stdout;
}

describe('implicit figures', () => {
  it('makes the figures pandoc makes, captioned from the alt text’s inline markup', async () => {
    const ours = figures(await built(`---\ntitle: T\n---\n\n${BODY}`));
    const theirs = figures(pandoc(BODY));
    expect(ours.figures).toHaveLength(5);
    expect(ours.figures[0]).toBe(
      'A big picture with code and “quotes” | A big picture with code and “quotes” |  | em,code',
    );
    expect(ours).toEqual(theirs);
  });

  it('does the same in a pandoc/Quarto deck', async () => {
    const ours = figures(await built(`---\ntitle: T\nformat: revealjs\n---\n\n${BODY}`));
    expect(ours).toEqual(figures(pandoc(BODY)));
  });

  it('leaves Marp images plain, as marp-core does', async () => {
    const marp = '---\nmarp: true\n---\n\n# A\n\n![A caption](a.png)\n\n![bg right](a.png)\n';
    const theirs = figures(new Marp().render(marp).html);
    expect(theirs.figures).toEqual([]);
    expect(figures(await built(marp)).figures).toEqual([]);
  });

  it('leaves reveal-md and Slidev images plain', async () => {
    const revealMd = '---\ntitle: T\nseparator: "^---$"\n---\n\n# A\n\n![A caption](a.png)\n';
    const slidev = '---\ntheme: default\nlayout: cover\n---\n\n# A\n\n![A caption](a.png)\n';
    for (const deck of [revealMd, slidev])
      expect(figures(await built(deck))).toEqual({ figures: [], plain: ['A caption'] });
  });
});
