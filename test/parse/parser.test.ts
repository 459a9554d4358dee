import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { tempDir } from '../helpers.ts';

const FLAGSHIP = path.join(import.meta.dirname, '..', '..', 'decks', 'rust-in-kernel', 'deck.md');

function fileOf(value: string, name = '/decks/talk/deck.md'): VFile {
  return new VFile({ path: name, value });
}

describe('parseMarkdown with a cache', () => {
  it('reads back exactly the tree micromark produces', () => {
    const cacheDir = tempDir('parse');
    const source = readFileSync(FLAGSHIP, 'utf8');
    const direct = parseMarkdown(fileOf(source));
    const first = parseMarkdown(fileOf(source), { cacheDir });
    const cached = parseMarkdown(fileOf(source), { cacheDir });
    expect(first).toStrictEqual(direct);
    expect(cached).toStrictEqual(direct);
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  it('keeps one entry per file, replaced when the file changes', () => {
    const cacheDir = tempDir('parse');
    parseMarkdown(fileOf('# One\n'), { cacheDir });
    const changed = parseMarkdown(fileOf('# Two\n'), { cacheDir });
    expect(changed.children[0]).toMatchObject({ type: 'heading', children: [{ value: 'Two' }] });
    parseMarkdown(fileOf('# Other\n', '/decks/other/deck.md'), { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('parses again when an entry is torn or belongs to other text', () => {
    const cacheDir = tempDir('parse');
    parseMarkdown(fileOf('# One\n'), { cacheDir });
    const [entry] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, entry!), '{"key":');
    expect(parseMarkdown(fileOf('# One\n'), { cacheDir }).children[0]).toMatchObject({ type: 'heading' });
    const [key] = readFileSync(path.join(cacheDir, entry!), 'utf8').split('\n');
    const forged = { type: 'root', children: [{ type: 'thematicBreak' }] };
    writeFileSync(path.join(cacheDir, entry!), `${key}\n${JSON.stringify('# One\n')}\n${JSON.stringify(forged)}\n`);
    // Same key, forged tree: the cache is trusted for its own key only, so this reads back the forgery...
    expect(parseMarkdown(fileOf('# One\n'), { cacheDir }).children[0]).toMatchObject({ type: 'thematicBreak' });
    // ...and different text never sees it.
    expect(parseMarkdown(fileOf('# Two\n'), { cacheDir }).children[0]).toMatchObject({ type: 'heading' });
    // A damaged tree line is parsed again, not thrown.
    writeFileSync(path.join(cacheDir, entry!), `${key}\n${JSON.stringify('# One\n')}\n{"type":\n`);
    expect(parseMarkdown(fileOf('# One\n'), { cacheDir }).children[0]).toMatchObject({ type: 'heading' });
  });

  it('gives the same tree from the cache when the file ends on a heading line', () => {
    // The chunk before the last heading is read with that heading line, so its text is the whole file: a cached
    // chunk must never be taken for the tree of the whole file (the closing heading vanished on the second build).
    const cacheDir = tempDir('parse');
    for (const source of ['Intro text.\n\n---\n\n# Thanks', 'Intro text.\n\n# Questions?\n']) {
      const direct = parseMarkdown(fileOf(source));
      expect(parseMarkdown(fileOf(source), { cacheDir })).toStrictEqual(direct);
      expect(parseMarkdown(fileOf(source), { cacheDir })).toStrictEqual(direct);
    }
  });

  it('gives an edited file the tree a parse without cache gives, from the chunks it kept', () => {
    const cacheDir = tempDir('parse');
    const source = readFileSync(FLAGSHIP, 'utf8');
    parseMarkdown(fileOf(source), { cacheDir });
    for (const edited of [
      source.replace('C is powerful, and error-prone', 'C is powerful, and :+1: $x$ edited'),
      `${source.replace('\n## ', '\n\nInserted.\n\n## ')}\n[x]: /defined\n`,
      source.replace(':::notes', ':::'),
    ]) {
      expect(parseMarkdown(fileOf(edited), { cacheDir })).toStrictEqual(parseMarkdown(fileOf(edited)));
      expect(readdirSync(cacheDir)).toHaveLength(1);
    }
  });

  it('writes nothing when told not to, and the next parse that writes stores the chunks kept in memory', () => {
    const cacheDir = tempDir('parse');
    const source = readFileSync(FLAGSHIP, 'utf8');
    parseMarkdown(fileOf(source), { cacheDir });
    const [entry] = readdirSync(cacheDir);
    const written = readFileSync(path.join(cacheDir, entry!), 'utf8');
    const edited = source.replace('C is powerful, and error-prone', 'C is powerful, and unwritten');
    const tree = parseMarkdown(fileOf(edited), { cacheDir, writeCache: false });
    expect(tree).toStrictEqual(parseMarkdown(fileOf(edited)));
    expect(readFileSync(path.join(cacheDir, entry!), 'utf8') === written).toBe(true);
    // Nothing is parsed again here (the edited chunk is in memory), yet the file must catch up.
    expect(parseMarkdown(fileOf(edited), { cacheDir })).toStrictEqual(tree);
    const caught = readFileSync(path.join(cacheDir, entry!), 'utf8');
    expect(caught.includes('and unwritten')).toBe(true);
    expect(caught.includes('and error-prone')).toBe(false);
  });

  it('keeps a last-line heading from the second parse on (its chunk holds the whole text, without it)', () => {
    const cacheDir = tempDir('parse');
    const source = '---\ntitle: T\n---\n\n# Still builds\n';
    const expected = parseMarkdown(fileOf(source));
    expect(parseMarkdown(fileOf(source), { cacheDir })).toStrictEqual(expected);
    expect(parseMarkdown(fileOf(source), { cacheDir })).toStrictEqual(expected);
  });
});
