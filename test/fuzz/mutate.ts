/**
 * Mutations of real decks (the flagship and the fixture decks): byte flips, splices of two decks,
 * truncation, repeated ranges and inserted tokens. Mutations keep most of a working deck, so they reach
 * the renderers far more often than generated decks do.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** Tokens worth inserting: the delimiters every parser and dialect reacts to. */
const TOKENS = [
  '%',
  '%zz',
  '](',
  '![',
  '```',
  ':::',
  '::',
  '---\n',
  '\n--\n',
  'Note:',
  '$',
  '$$',
  '{',
  '}',
  '<!--',
  '-->',
  '<div>',
  '|',
  '\\',
  '\u0000',
  '\r',
  '*',
  '>',
  '#',
  '&',
  '"',
  "'",
  '\t',
  '{1-3}',
  ':proof[',
];

/** Every markdown file under `folders` up to 200 KB, read once (the corpus). */
export function readCorpus(folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (/\.(md|qmd)$/.test(name) && stat.size < 200_000) found.push(readFileSync(full, 'utf8'));
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}

type Mutation = (bytes: Buffer, other: Buffer) => Buffer;

const at = (random: number, length: number) => Math.floor(random * Math.max(length, 1));

const MUTATIONS: readonly ((r: readonly number[]) => Mutation)[] = [
  // Flip some bits of a few bytes (breaks UTF-8 too).
  (r) => (bytes) => {
    const copy = Buffer.from(bytes);
    for (let i = 0; i < 1 + at(r[0] ?? 0, 8); i++) {
      const index = at(r[(i + 1) % r.length] ?? 0, copy.length);
      if (index < copy.length) copy[index] = (copy[index] ?? 0) ^ (1 << at(r[(i + 2) % r.length] ?? 0, 8));
    }
    return copy;
  },
  // Truncate anywhere.
  (r) => (bytes) => bytes.subarray(0, at(r[0] ?? 0, bytes.length)),
  // Splice: the head of one deck, the tail of another.
  (r) => (bytes, other) =>
    Buffer.concat([bytes.subarray(0, at(r[0] ?? 0, bytes.length)), other.subarray(at(r[1] ?? 0, other.length))]),
  // Repeat a range many times (nesting, long lines, many slides).
  (r) => (bytes) => {
    const start = at(r[0] ?? 0, bytes.length);
    const piece = bytes.subarray(start, start + 1 + at(r[1] ?? 0, 64));
    const times = 1 + at(r[2] ?? 0, 200);
    return Buffer.concat([
      bytes.subarray(0, start),
      ...Array.from({ length: times }, () => piece),
      bytes.subarray(start),
    ]);
  },
  // Insert delimiter tokens.
  (r) => (bytes) => {
    let text = bytes.toString('latin1');
    for (let i = 0; i < 1 + at(r[0] ?? 0, 6); i++) {
      const token = Buffer.from(TOKENS[at(r[(i + 1) % r.length] ?? 0, TOKENS.length)] ?? '%').toString('latin1');
      const index = at(r[(i + 2) % r.length] ?? 0, text.length);
      text = text.slice(0, index) + token + text.slice(index);
    }
    return Buffer.from(text, 'latin1');
  },
  // Delete a range.
  (r) => (bytes) => {
    const start = at(r[0] ?? 0, bytes.length);
    return Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + 1 + at(r[1] ?? 0, 400))]);
  },
];

/** A mutated corpus deck: one to three mutations in a row, as the markdown text the deck file holds. */
export function mutatedDeck(corpus: readonly string[]): fc.Arbitrary<{ markdown: string; fileName: string }> {
  const randoms = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
    minLength: 4,
    maxLength: 4,
  });
  const step = fc.tuple(fc.nat(MUTATIONS.length - 1), randoms);
  return fc
    .tuple(fc.nat(corpus.length - 1), fc.nat(corpus.length - 1), fc.array(step, { minLength: 1, maxLength: 3 }))
    .map(([first, second, steps]) => {
      let bytes: Buffer = Buffer.from(corpus[first] ?? '');
      const other = Buffer.from(corpus[second] ?? '');
      for (const [kind, r] of steps) bytes = (MUTATIONS[kind] ?? MUTATIONS[0])?.(r)(bytes, other) ?? bytes;
      return { markdown: bytes.toString('utf8'), fileName: 'deck.md' };
    });
}
