/** The dialect framework's parts: detection, separators, attribute blocks, and exact positions after rewrites. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/pipeline/load.ts';
import { parseAttributes } from '../../src/dialect/attributes.ts';
import { detectDialect } from '../../src/dialect/detect.ts';
import { applyEdits } from '../../src/dialect/edits.ts';
import { pandocDivEdits } from '../../src/dialect/fences.ts';
import { splitBySeparators } from '../../src/dialect/split.ts';
import { tempDir } from '../helpers.ts';

function load(name: string, markdown: string) {
  const dir = tempDir('dialect');
  const file = path.join(dir, name);
  writeFileSync(file, markdown);
  const { file: vfile, deck } = loadDeck({ name: 'deck', path: file }, { knownThemes: new Set(['dark', 'light']) });
  return {
    deck,
    messages: vfile.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
  };
}

describe('detectDialect', () => {
  it('prefers --from, then from:/dialect:, then what the source says', () => {
    expect(detectDialect('a.md', { marp: true }, { from: 'pandoc' })).toBe('pandoc');
    expect(detectDialect('a.md', { from: 'reveal-md', marp: true })).toBe('reveal-md');
    expect(detectDialect('a.md', { dialect: 'quarto' })).toBe('pandoc');
    expect(detectDialect('a.md', { marp: true })).toBe('marp');
    expect(detectDialect('talk.qmd', {})).toBe('pandoc');
    expect(detectDialect('a.md', { format: 'revealjs' })).toBe('pandoc');
    expect(detectDialect('a.md', { format: { revealjs: { theme: 'dark' } } })).toBe('pandoc');
    expect(detectDialect('a.md', { verticalSeparator: '^----$' })).toBe('reveal-md');
    expect(detectDialect('a.md', { layout: 'cover', highlighter: 'shiki' })).toBe('slidev');
    expect(detectDialect('a.md', { title: 'x' })).toBe('proofdeck');
    expect(detectDialect('a.md', {}, { source: '## A\n<!-- .slide: data-background="#000" -->\n' })).toBe('reveal-md');
    expect(detectDialect('a.md', {}, { source: '## A\n\n----\n\n## B\n' })).toBe('reveal-md');
    expect(detectDialect('a.md', {}, { source: '## A\n\n---\n\n## B\n' })).toBe('proofdeck');
  });

  it('knows a Marp deck without `marp: true` by its directives, and a Slidev deck by its slide syntax', () => {
    // marp-cli renders decks that never say `marp: true`: the global and spot directives give them away.
    expect(detectDialect('a.md', { theme: 'gaia', paginate: true })).toBe('marp');
    expect(detectDialect('a.md', { _class: 'lead' })).toBe('marp');
    expect(detectDialect('a.md', {}, { source: '<!-- _class: lead -->\n# Hi\n' })).toBe('marp');
    expect(detectDialect('a.md', {}, { source: '# Hi\n\n![bg right](a.png)\n' })).toBe('marp');
    const slide = '---\ntheme: default\n---\n\n# One\n\n---\nlayout: center\n---\n\n# Two\n';
    expect(detectDialect('a.md', { theme: 'default' }, { source: slide })).toBe('slidev');
    expect(detectDialect('a.md', {}, { source: '# One\n\nLeft\n\n::right::\n\nRight\n' })).toBe('slidev');
    // A native deck's container fences are not slot lines.
    expect(detectDialect('a.md', {}, { source: '# One\n\n:::::columns\n::::column\nA\n::::\n:::::\n' })).toBe(
      'proofdeck',
    );
    expect(detectDialect('a.md', {}, { source: '# One\n\n<v-clicks>\n\n- a\n\n</v-clicks>\n' })).toBe('slidev');
    // The same text inside a code block is an example, not the deck's dialect.
    expect(detectDialect('a.md', {}, { source: '# One\n\n```md\n<!-- _class: lead -->\n::right::\n```\n' })).toBe(
      'proofdeck',
    );
    // A frontmatter block is not a slide frontmatter block.
    expect(detectDialect('a.md', { title: 'x' }, { source: '---\ntitle: x\n---\n\n# One\n' })).toBe('proofdeck');
  });

  it('ignores what reveal-md would mark inside code fences, and only there', () => {
    const fences = '```md\n<!-- .slide: x -->\n```\n\ntext\n\n~~~\n\n----\n\n~~~\n';
    expect(detectDialect('a.md', {}, { source: `## A\n\n${fences}` })).toBe('proofdeck');
    expect(detectDialect('a.md', {}, { source: `## A\n\n${fences}\n<!-- .slide: x -->\n` })).toBe('reveal-md');
    expect(detectDialect('a.md', {}, { source: `## A\n\n${fences}\n----\n\n## B\n` })).toBe('reveal-md');
  });
});

describe('pandoc title block', () => {
  it('reads `% Title`, `% Authors`, `% Date` at the top as the deck metadata, as pandoc does', () => {
    expect(detectDialect('a.md', {}, { source: '% Talk\n\n# One\n' })).toBe('pandoc');
    const { deck, messages } = load(
      'talk.md',
      '% Borrowing, explained\n% Ada Lovelace; Alan Turing\n% 2026-03-14\n\n# Part\n\n## Slide\n\nText.\n',
    );
    expect(messages).toEqual([]);
    expect([deck?.meta.title, deck?.meta.author, deck?.meta.date]).toEqual([
      'Borrowing, explained',
      'Ada Lovelace, Alan Turing',
      '2026-03-14',
    ]);
  });
});

describe('splitBySeparators', () => {
  it("cuts like reveal.js's slidify, but never inside fenced code", () => {
    const source = 'a\n---\nb\n```\n---\n```\n----\nc\n';
    const slides = splitBySeparators(source, 0, { separator: '\\n---\\n', verticalSeparator: '\\n----\\n' });
    expect(slides.map((s) => [source.slice(s.start, s.end), s.horizontal])).toEqual([
      ['a', true],
      ['b\n```\n---\n```', true],
      ['c\n', false],
    ]);
  });
});

describe('pandoc attribute blocks', () => {
  it('reads ids, classes and quoted or bare values; prose is not attributes', () => {
    expect(parseAttributes('#id .a .b key=value background="#222" w=\'1 2\'')).toEqual({
      id: 'id',
      classes: ['a', 'b'],
      pairs: { key: 'value', background: '#222', w: '1 2' },
    });
    expect(parseAttributes('not attributes')).toBeUndefined();
  });

  it('recounts colons so nested divs with equal fences nest as in pandoc', () => {
    const source = '::: columns\n::: {.column width="40%"}\nA\n:::\n:::\n';
    const { text } = applyEdits(source, pandocDivEdits(source, 0, { renest: true }));
    expect(text).toBe('::::columns\n:::column{width="40%"}\nA\n:::\n::::\n');
  });
});

describe('positions point into the original file', () => {
  it('in a reveal-md deck parsed slide by slide', () => {
    const { messages } = load(
      'talk.md',
      [
        '---',
        'verticalSeparator: "^\\r?\\n----\\r?\\n$"',
        '---',
        '',
        '## One',
        '',
        '---',
        '',
        '## Two',
        '',
        '----',
        '',
        '## Three',
        '',
        'Text and ![missing](nope.png) here.',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual(['15:10 deck/missing-asset']);
  });

  it('in a pandoc deck after its div fences were rewritten', () => {
    const { messages, deck } = load(
      'talk.qmd',
      [
        '---',
        'title: T',
        '---',
        '',
        '## Columns',
        '',
        '::: columns',
        '::: {.column width="50%"}',
        'Left ![gone](gone.png)',
        ':::',
        ':::',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual(['9:6 deck/missing-asset']);
    expect(deck?.items).toHaveLength(1);
  });
});
