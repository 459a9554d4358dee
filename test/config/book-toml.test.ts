import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBookToml } from '../../src/config/book-toml.ts';
import { UsageError } from '../../src/model/errors.ts';

const dirs: string[] = [];
function book(toml?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'book-toml-'));
  dirs.push(dir);
  if (toml !== undefined) writeFileSync(path.join(dir, 'book.toml'), toml);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('readBookToml', () => {
  it('is undefined for a folder without book.toml', () => {
    expect(readBookToml(book())).toBeUndefined();
  });

  it('defaults src to src/ and reads nothing else from an empty [book]', () => {
    const dir = book('[book]\nauthors = ["A"]\n');
    expect(readBookToml(dir)).toEqual({ src: path.join(dir, 'src') });
  });

  it('reads [book] src and title and [rust] edition', () => {
    const dir = book('[book]\ntitle = "The Book"\nsrc = "chapters"\n\n[rust]\nedition = "2018"\n');
    expect(readBookToml(dir)).toEqual({ src: path.join(dir, 'chapters'), title: 'The Book', edition: '2018' });
  });

  it('names file, line and column of a TOML syntax error', () => {
    const dir = book('[book]\ntitle = "x"\nsrc = \n');
    expect(() => readBookToml(dir)).toThrow(UsageError);
    expect(() => readBookToml(dir)).toThrow(new RegExp(`${path.join(dir, 'book.toml')}:3:\\d+: invalid TOML`));
  });

  it('refuses an unknown edition and a src that is not a string', () => {
    expect(() => readBookToml(book('[rust]\nedition = "2020"\n'))).toThrow(/edition must be one of 2015/);
    expect(() => readBookToml(book('[book]\nsrc = 3\n'))).toThrow(/src must be a non-empty string/);
  });
});
