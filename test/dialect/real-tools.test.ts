/**
 * Compares proofdeck's slide tree for every Marp and Slidev fixture with what the real tools make of the
 * same file: `@marp-team/marp-core` renders it (slides, notes from `comments`, classes) and
 * `@slidev/parser` loads it (slides, `hide`/`disabled`, notes, imports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { load, resolveConfig } from '@slidev/parser/fs';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/pipeline/load.ts';
import { allSlides } from '../../src/parse/slides.ts';
import type { DeckMeta, Slide } from '../../src/model/deck.ts';
import { FIXTURES } from '../helpers.ts';
import { visit } from 'unist-util-visit';
import type {} from 'mdast-util-directive';

const DIR = path.join(FIXTURES, 'dialects');
const decks = (dialect: string) =>
  readdirSync(path.join(DIR, dialect))
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, file: path.join(DIR, dialect, name) }));

/** Steps of a slide: each `:::fragment` block and each item of a list in `:::incremental`. */
function fragments(slide: Slide): number {
  let count = 0;
  for (const node of slide.content)
    visit(node, 'containerDirective', (directive) => {
      if (directive.name === 'fragment') count += 1;
      if (directive.name === 'incremental')
        for (const child of directive.children) if (child.type === 'list') count += child.children.length;
    });
  return count;
}

interface Tree {
  horizontal: number;
  vertical: number;
  notes: boolean[];
}

function proofdeckTree(file: string): { tree: Tree; slides: Slide[]; meta: DeckMeta | undefined } {
  const loaded = loadDeck({ name: 'fixture', path: file }, { knownThemes: new Set(['dark', 'light']) });
  expect(loaded.file.messages.filter((m) => m.fatal).map(String)).toEqual([]);
  const items = loaded.deck?.items ?? [];
  const slides = allSlides(items);
  return {
    slides,
    meta: loaded.deck?.meta,
    tree: {
      horizontal: items.length,
      vertical: items.filter((item) => item.kind === 'stack').length,
      notes: slides.map((slide) => slide.notes.length > 0),
    },
  };
}

describe.each(decks('marp'))('Marp fixture $name', ({ file }) => {
  it('has the slides, notes and classes marp-core gives it', () => {
    const marp = new Marp({ html: true });
    const { html, comments } = marp.render(readFileSync(file, 'utf8'), { htmlAsArray: true });
    const { tree, slides, meta } = proofdeckTree(file);
    // proofdeck numbers pages deck-wide: where marp-core numbers every slide or none, so does proofdeck.
    const paginated = html.map((section) => /<section[^>]*data-paginate="true"/.test(section));
    if (paginated.every((p) => p === paginated[0])) expect(meta?.slideNumbers ?? true).toBe(paginated[0]);
    const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(html[0] ?? '');
    expect(meta?.aspectRatio ?? '16:9').toBe(viewBox?.[1] === '960' ? '4:3' : '16:9');
    expect(tree).toEqual({
      horizontal: html.length,
      vertical: 0,
      notes: comments.map((list) => list.length > 0),
    });
    // marpit puts a slide's classes on its <section>; proofdeck adds `center` for `lead`.
    const marpClasses = html.map(
      (section) => /<section[^>]*\sclass="([^"]*)"/.exec(section)?.[1]?.split(' ').filter(Boolean) ?? [],
    );
    expect(slides.map((slide) => slide.attributes.classes.filter((name) => name !== 'center'))).toEqual(marpClasses);
    // marpit marks each item of a fragmented list (`*`, `1)`) with data-marpit-fragment.
    const marpSteps = html.map((section) => (section.match(/data-marpit-fragment=/g) ?? []).length);
    expect(slides.map(fragments)).toEqual(marpSteps);
  });
});

describe.each(decks('slidev'))('Slidev fixture $name', ({ file }) => {
  it('has the visible slides and notes @slidev/parser gives it', async () => {
    const data = await load({ roots: [path.dirname(file)], userRoot: path.dirname(file) }, file);
    const visible = data.slides.filter((slide) => !slide.frontmatter.hide && !slide.frontmatter.disabled);
    const { tree, slides, meta } = proofdeckTree(file);
    expect(tree).toEqual({
      horizontal: visible.length,
      vertical: 0,
      notes: visible.map((slide) => (slide.note ?? '').trim() !== ''),
    });
    // Layouts from the frontmatter Slidev resolved (imports' overrides included; the first slide is a cover):
    // the centred ones give proofdeck's `.center`, `two-cols` and `image-*` give columns.
    const layouts = visible.map((slide, index) => slide.frontmatter.layout ?? (index === 0 ? 'cover' : 'default'));
    const centred = ['cover', 'center', 'section', 'end', 'intro', 'fact', 'statement', 'quote'];
    expect(slides.map((slide) => slide.attributes.classes.includes('center'))).toEqual(
      layouts.map((layout) => centred.includes(layout)),
    );
    const columned = (slide: Slide) =>
      slide.content.some((n) => n.type === 'containerDirective' && n.name === 'columns');
    expect(slides.map(columned)).toEqual(layouts.map((layout) => /^(two-cols|image-(left|right))/.test(layout)));
    // Slidev's own config resolution gives the aspect ratio.
    const ratio = resolveConfig(data.headmatter, undefined, file, false).aspectRatio;
    expect(meta?.aspectRatio ?? '16:9').toBe(Math.abs(ratio - 4 / 3) < 0.01 ? '4:3' : '16:9');
  });
});
