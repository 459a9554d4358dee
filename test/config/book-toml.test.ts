import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { findBookToml, readBookToml } from '../../src/config/book-toml.ts';
import { loadDeck } from '../../src/pipeline/load.ts';
import { tempDir } from '../helpers.ts';

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

const messages = (file: { messages: readonly VFileMessage[] } | undefined): string[] =>
  (file?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId}`);

describe('readBookToml', () => {
  it('reads [book] src and title and [rust] edition', () => {
    const root = tempDir('book');
    write(root, { 'book.toml': '[book]\ntitle = "Guide"\nsrc = "chapters"\n\n[rust]\nedition = "2018"\n' });
    const book = readBookToml(root);
    expect(book).toMatchObject({ dir: root, src: path.join(root, 'chapters'), title: 'Guide', edition: '2018' });
    expect(book?.file.messages).toEqual([]);
  });

  it('defaults src to src/ and leaves the edition unset', () => {
    const root = tempDir('book');
    write(root, { 'book.toml': '[book]\ntitle = "x"\n' });
    const book = readBookToml(root);
    expect(book?.src).toBe(path.join(root, 'src'));
    expect(book?.edition).toBeUndefined();
  });

  it('reports bad TOML and an unknown edition at their position', () => {
    const root = tempDir('book');
    write(root, { 'a/book.toml': '[book]\ntitle = [\n', 'b/book.toml': '[book]\n\n[rust]\n  edition = "2019"\n' });
    expect(messages(readBookToml(path.join(root, 'a'))?.file)).toEqual(['3:1 config/syntax']);
    const bad = readBookToml(path.join(root, 'b'));
    expect(messages(bad?.file)).toEqual(['4:3 config/invalid']);
    expect(bad?.edition).toBeUndefined();
  });

  it('is found in a folder above the file, but not above the project root', () => {
    const root = tempDir('book');
    write(root, { 'book.toml': '[rust]\nedition = "2021"\n', 'project/src/deep/x.md': '' });
    expect(findBookToml(path.join(root, 'project/src/deep'), root)?.dir).toBe(root);
    expect(findBookToml(path.join(root, 'project/src/deep'), path.join(root, 'project'))).toBeUndefined();
  });
});

describe('edition of Rust blocks', () => {
  const block = (attributes = '') => `# T\n\n\`\`\`rust${attributes}\nfn main() {}\n\`\`\`\n`;
  const editionOf = (root: string, file: string, snippetDefaults = {}) => {
    const loaded = loadDeck(
      { name: 'x', path: path.join(root, file) },
      { knownThemes: new Set(['dark']), root, snippetDefaults },
    );
    return loaded.snippets.map((snippet) => snippet.edition);
  };

  it('is 2021 without any setting, and the config default without a book', () => {
    const root = tempDir('book');
    write(root, { 'x.md': block() });
    expect(editionOf(root, 'x.md')).toEqual(['2021']);
    expect(editionOf(root, 'x.md', { edition: '2024' })).toEqual(['2024']);
  });

  it("is the book's [rust] edition, or mdBook's 2015 when book.toml has none, over the config", () => {
    const root = tempDir('book');
    write(root, {
      'a/book.toml': '[rust]\nedition = "2018"\n',
      'a/src/ch1.md': block(),
      'b/book.toml': '[book]\ntitle = "B"\n',
      'b/src/ch1.md': block(),
    });
    expect(editionOf(root, 'a/src/ch1.md', { edition: '2024' })).toEqual(['2018']);
    expect(editionOf(root, 'b/src/ch1.md', { edition: '2024' })).toEqual(['2015']);
  });

  it('is the frontmatter edition over the book, and the block attribute over everything', () => {
    const root = tempDir('book');
    write(root, {
      'book.toml': '[rust]\nedition = "2018"\n',
      'x.md': `---\nedition: 2024\n---\n${block()}\n${block(',edition2015')}`,
    });
    expect(editionOf(root, 'x.md')).toEqual(['2024', '2015']);
  });

  it('refuses an unknown frontmatter edition at its line', () => {
    const root = tempDir('book');
    write(root, { 'x.md': `---\nedition: 2019\n---\n${block()}` });
    const loaded = loadDeck({ name: 'x', path: path.join(root, 'x.md') }, { knownThemes: new Set(['dark']), root });
    expect(messages(loaded.file).filter((line) => line.startsWith('2:'))).toHaveLength(1);
  });

  it('passes the book.toml problems on with the deck', () => {
    const root = tempDir('book');
    write(root, { 'book.toml': '[rust]\nedition = 18\n', 'x.md': block() });
    const loaded = loadDeck({ name: 'x', path: path.join(root, 'x.md') }, { knownThemes: new Set(['dark']), root });
    expect(messages(loaded.bookToml)).toEqual(['2:1 config/invalid']);
    expect(loaded.snippets[0]?.edition).toBe('2015');
  });
});
