import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { chunkStarts, parseChunked } from '../../src/parse/incremental.ts';
import { parseText } from '../../src/parse/parser.ts';

const FLAGSHIP = readFileSync(path.join(import.meta.dirname, '..', '..', 'decks', 'rust-in-kernel', 'deck.md'), 'utf8');

function full(text: string): Root {
  const tree = parseText(text);
  if (!tree) throw new Error('over the limits');
  return tree;
}

/** A parse function that counts its calls and the texts it was given. */
function counting(): { parse: (text: string) => Root; texts: string[] } {
  const texts: string[] = [];
  return {
    texts,
    parse: (text) => {
      texts.push(text);
      return full(text);
    },
  };
}

describe('parseChunked', () => {
  it('gives the flagship the tree a whole parse gives, positions included', () => {
    const result = parseChunked(FLAGSHIP, full);
    expect(result?.tree).toStrictEqual(full(FLAGSHIP));
    expect(result?.chunks.size).toBeGreaterThan(30);
  });

  it('parses only the chunk an edit touched', () => {
    const first = parseChunked(FLAGSHIP, full);
    const edited = FLAGSHIP.replace('C is powerful, and error-prone', 'C is powerful, and edited');
    const { parse, texts } = counting();
    const second = parseChunked(edited, parse, first?.chunks);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('C is powerful, and edited');
    expect(second?.parsed).toBe(1);
    expect(second?.tree).toStrictEqual(full(edited));
  });

  it('moves unchanged chunks below an inserted line without parsing them', () => {
    const first = parseChunked(FLAGSHIP, full);
    const at = FLAGSHIP.indexOf('\n## ') + 1;
    const edited = `${FLAGSHIP.slice(0, at)}Two new lines\nof text.\n\n${FLAGSHIP.slice(at)}`;
    const { parse, texts } = counting();
    const second = parseChunked(edited, parse, first?.chunks);
    expect(texts).toHaveLength(1);
    expect(second?.tree).toStrictEqual(full(edited));
  });

  it('joins chunks when a heading line is inside a fence, a container or an HTML comment', () => {
    for (const opener of ['```\n', '~~~\n', ':::notes\n', '$$\n', '<!--\n', '<pre>\n']) {
      const source = `# A\n\n${opener}## inside\n\ntext\n\n## B\n\nmore\n`;
      const { parse, texts } = counting();
      expect(parseChunked(source, parse)?.tree).toStrictEqual(full(source));
      expect(texts.length).toBeGreaterThan(0);
    }
  });

  it('leaves a file with a reference or footnote definition to a whole parse', () => {
    expect(parseChunked('# A\n\n[x] and [^y]\n\n## B\n\n[x]: /url\n', full)).toBeUndefined();
    expect(parseChunked('# A\n\n[^y]\n\n## B\n\n[^y]: note\n', full)).toBeUndefined();
  });

  it('never cuts inside frontmatter', () => {
    expect(chunkStarts('---\ntitle: x\n## comment\n---\n\n# A\n')).toEqual([0, 29]);
    expect(chunkStarts('---\n## never closed\n# A\n')).toEqual([0]);
    const bom = '\uFEFF---\ntitle: x\n# comment\n---\n\n# A\n';
    expect(chunkStarts(bom)).toEqual([0, bom.indexOf('# A')]);
    expect(parseChunked(bom, full)?.tree).toStrictEqual(full(bom));
  });
});

/** Text an edit puts in: markdown's block openers and closers, and the things that are document-wide. */
const PIECES = [
  '---\n',
  '\n---\n',
  '```\n',
  '```rust\n',
  '~~~\n',
  ':::notes\n',
  ':::\n',
  '::::warning\n',
  '$$\n',
  '[x]: /y\n',
  '[^x]: note\n',
  '[x]',
  '[^x]',
  '## Heading\n',
  '# Title\n',
  '\n## H\n',
  '<!--\n',
  '-->\n',
  '<div>\n',
  '<pre>\n',
  '> ',
  '- ',
  '1. ',
  '    ',
  '\n',
  '`',
  '*',
  '|a|b|\n|-|-|\n',
  '===\n',
  ':+1:',
  '$x$',
];

type Edit = { at: number; remove: number; insert: string; lineStart: boolean };

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(40)),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.constant('')),
  lineStart: fc.boolean(),
});

function applyEdit(source: string, { at, remove, insert, lineStart }: Edit): string {
  let offset = Math.floor(at * source.length);
  if (lineStart) offset = source.lastIndexOf('\n', offset - 1) + 1;
  return source.slice(0, offset) + insert + source.slice(offset + remove);
}

/** Windows of the flagship two chunks long (the first one with the frontmatter): a whole parse stays cheap. */
function windows(): string[] {
  const starts = chunkStarts(FLAGSHIP);
  const result: string[] = [];
  for (let index = 0; index < starts.length; index += 1)
    result.push(FLAGSHIP.slice(starts[index], starts[index + 2] ?? FLAGSHIP.length));
  return result;
}

describe('parseChunked on random edits of the flagship', () => {
  const bases = windows().map((text) => ({ text, chunks: parseChunked(text, full)?.chunks }));

  it('gives the tree a whole parse gives (or leaves the file to one)', () => {
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const base = bases[which]!;
        const source = edits.reduce(applyEdit, base.text);
        // With the base's chunks, as after an edit: unchanged chunks are reused, the touched ones parsed.
        const result = parseChunked(source, full, base.chunks);
        const expected = full(source);
        if (result === undefined) {
          const definitions = JSON.stringify(expected).match(/"type":"(definition|footnoteDefinition)"/);
          expect(definitions).not.toBeNull();
        } else if (!isDeepStrictEqual(result.tree, expected)) {
          // toStrictEqual is slow on thousands of trees; it only runs to show the difference.
          expect(result.tree).toStrictEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
    // ~20 ms of CPU a run (~40 s here on a machine shared by 8 parallel builds; less when quiet).
  }, 600_000);
});
