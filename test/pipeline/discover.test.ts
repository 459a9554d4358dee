import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.ts';
import { resolveTargets } from '../../src/pipeline/discover.ts';
import { tempDir } from '../helpers.ts';

function project(files: Record<string, string>): string {
  const root = tempDir('discover');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const names = (root: string, paths: string[]) =>
  resolveTargets(root, paths, root).sources.map((source) => `${source.name} ${path.relative(root, source.path)}`);

describe('resolveTargets', () => {
  it('reads a folder of markdown: every file by its path, a deck folder as one deck, a book as its chapters', () => {
    const root = project({
      'notes/a.md': '# A\n',
      'notes/part/b.markdown': '# B\n',
      'notes/talk/deck.md': '# Talk\n',
      'notes/talk/extra.md': '# not a source of its own\n',
      'notes/book/book.toml': '[book]\n',
      'notes/book/src/SUMMARY.md': '- [One](one.md)\n',
      'notes/book/src/one.md': '# One\n',
      'notes/book/src/unlisted.md': '# not in SUMMARY.md\n',
      'notes/.hidden/c.md': '# C\n',
      'notes/node_modules/d.md': '# D\n',
      'notes/image.png': '',
    });
    expect(names(root, ['notes'])).toEqual([
      'a notes/a.md',
      'one notes/book/src/one.md',
      'part-b notes/part/b.markdown',
      'talk notes/talk/deck.md',
    ]);
  });

  it('takes a book folder: the chapters SUMMARY.md lists, with the book root and edition', () => {
    const root = project({
      'book.toml': '[book]\nsrc = "text"\n[rust]\nedition = "2018"\n',
      'text/SUMMARY.md': '[Intro](README.md)\n\n- [Part](part/README.md)\n- [Draft]()\n',
      'text/README.md': '# Intro\n',
      'text/part/README.md': '# Part\n',
    });
    const targets = resolveTargets(root, ['.'], root);
    expect(targets.sources).toEqual([
      { name: 'README', path: path.join(root, 'text', 'README.md'), book: { root, edition: '2018' } },
      { name: 'part-README', path: path.join(root, 'text', 'part', 'README.md'), book: { root, edition: '2018' } },
    ]);
    expect(targets.files.map((file) => file.messages.length)).toEqual([0]);
  });

  it('refuses a folder with nothing to check, and a book without SUMMARY.md', () => {
    const root = project({ 'empty/image.png': '', 'book/book.toml': '' });
    expect(() => resolveTargets(root, ['empty'], root)).toThrow(UsageError);
    expect(() => resolveTargets(root, ['book'], root)).toThrow(/the book has no src\/SUMMARY\.md/);
  });
});
