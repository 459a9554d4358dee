import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { allSlides, splitSlides } from '../../src/parse/slides.ts';
import { FIXTURES, vfileOf } from '../helpers.ts';

const structure = readFileSync(path.join(FIXTURES, 'decks', 'structure.md'), 'utf8');

describe('splitSlides', () => {
  const items = splitSlides(parseMarkdown(vfileOf(structure)));

  it('makes sections into stacks and keeps earlier slides horizontal', () => {
    expect(
      items.map((item) => (item.kind === 'slide' ? item.slide.title : item.slides.map((s) => s.title ?? '(untitled)'))),
    ).toEqual(['Before any section', ['Section A', 'A.1', 'A.2', '(untitled)'], ['Section B', 'B.1']]);
  });

  it('records the source line and a stable id of each slide', () => {
    expect(allSlides(items).map((slide) => [slide.id, slide.line])).toEqual([
      ['before-any-section', 5],
      ['section-a', 9],
      ['a1', 17],
      ['a2', 26],
      ['slide-37', 37],
      ['section-b', 41],
      ['b1', 43],
    ]);
  });

  it('collects :::notes and reveal-md Note: paragraphs as notes', () => {
    const [, a, a1] = allSlides(items);
    expect(a?.notes.map((node) => toString(node))).toEqual(['Notes of A.']);
    expect(a1?.notes.map((node) => toString(node))).toEqual(['reveal-md notes\ncontinue here.']);
    expect(a1?.content.map((node) => node.type)).toEqual(['heading', 'list']);
  });

  it('reads ::slide attributes', () => {
    expect(allSlides(items)[2]?.attributes).toEqual({ classes: ['center'], background: '#102030', transition: 'zoom' });
  });

  it('keeps fragments and columns as directives for the renderer', () => {
    const a2 = allSlides(items)[3];
    expect(a2?.content.map((node) => (node.type === 'containerDirective' ? node.name : node.type))).toEqual([
      'heading',
      'incremental',
      'fragment',
    ]);
  });

  it('honours slideLevel 1: every # heading is a slide, no stacks', () => {
    const flat = splitSlides(parseMarkdown(vfileOf('# One\n\n# Two\n\n## Inside two\n')), { slideLevel: 1 });
    expect(flat.map((item) => item.kind)).toEqual(['slide', 'slide']);
  });

  it('leaves prose like "Rust:Safety" alone instead of treating it as a directive', () => {
    const [item] = splitSlides(parseMarkdown(vfileOf('## T\n\nRust:Safety at 10:30\n')));
    expect(item?.kind === 'slide' && toString({ type: 'root', children: item.slide.content })).toContain(
      'Rust:Safety at 10:30',
    );
  });
});

describe('slide breaks', () => {
  it('treats `---` followed by a heading as one break, not an empty slide', () => {
    const items = splitSlides(parseMarkdown(vfileOf('## One\n\ntext\n\n---\n\n## Two\n\ntext\n')));
    expect(allSlides(items).map((slide) => slide.title)).toEqual(['One', 'Two']);
  });
});
