/**
 * `proofdeck convert` round trip: the native markdown it writes for each Marp and Slidev fixture builds
 * to the same slide tree as the dialect file itself; and no dialect syntax reaches the built slides.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { convertDeck } from '../../src/pipeline/convert.ts';
import { loadDeck } from '../../src/pipeline/load.ts';
import type { DeckItem, DialectName } from '../../src/model/deck.ts';
import { FIXTURES } from '../helpers.ts';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { withBrowser, withPage } from '../../src/browser/browser.ts';

const DIR = path.join(FIXTURES, 'dialects');
const FIXTURE_FILES = ['marp', 'slidev'].flatMap((dialect) =>
  readdirSync(path.join(DIR, dialect))
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name: `${dialect}/${name}`, file: path.join(DIR, dialect, name) })),
);
const work = mkdtempSync(path.join(tmpdir(), 'proofdeck-convert-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const themes = { knownThemes: new Set(['dark', 'light']) };

/** The slide tree with what a reader sees: kind, text, notes text and attributes of every slide. */
function shape(items: readonly DeckItem[]) {
  return items.map((item) =>
    (item.kind === 'slide' ? [item.slide] : item.slides).map((slide) => ({
      kind: item.kind,
      // A rule inside a slide is written as raw `<hr>` (native `---` would split the slide): both draw <hr>.
      text: slide.content.map((node) => (node.type === 'thematicBreak' ? '<hr>' : toString(node))).join('\n'),
      notes: slide.notes.map((node) => toString(node)).join('\n'),
      // `below` is how the converted file spells a vertical slide: the item kind already says it.
      attributes: { ...slide.attributes, below: undefined },
    })),
  );
}

describe.each(FIXTURE_FILES)('convert $name', ({ file }) => {
  it('writes native markdown with the slide tree of the dialect deck', () => {
    const converted = convertDeck(file);
    expect(converted.markdown).not.toMatch(/^marp: true/m);
    const target = path.join(path.dirname(file), `.converted-${path.basename(file)}`);
    writeFileSync(target, converted.markdown ?? '');
    try {
      const native = loadDeck({ name: 'converted', path: target }, themes);
      const dialect = loadDeck({ name: 'dialect', path: file }, themes);
      expect(native.file.messages.filter((m) => m.fatal).map(String)).toEqual([]);
      expect(shape(native.deck?.items ?? [])).toEqual(shape(dialect.deck?.items ?? []));
      expect(native.deck?.items.length).toBeGreaterThan(0);
    } finally {
      rmSync(target);
    }
  });
});

/** Decks the dialect framework reads (reveal-md, pandoc/Quarto), converted from their slide tree. */
const FRAMEWORK_FILES = ['convert', 'dialects/pandoc', 'dialects/reveal-md', 'dialects/reveal'].flatMap((folder) =>
  readdirSync(path.join(FIXTURES, folder))
    .filter((name) => /\.(md|qmd)$/.test(name))
    .map((name) => ({
      name: `${folder}/${name}`,
      file: path.join(FIXTURES, folder, name),
      // The folder names the dialect, as compare.e2e.test.ts reads it.
      from: folder.startsWith('dialects/') ? (folder.slice('dialects/'.length) as DialectName) : undefined,
    })),
);

describe.each(FRAMEWORK_FILES)('convert $name', ({ file, from }) => {
  it('writes native markdown with the slide tree of the dialect deck', () => {
    const converted = convertDeck(file, { from });
    expect(converted.dialect).not.toBe('proofdeck');
    expect(converted.file.messages.filter((m) => m.fatal).map(String)).toEqual([]);
    const target = path.join(path.dirname(file), `.converted-${path.basename(file, path.extname(file))}.md`);
    writeFileSync(target, converted.markdown ?? '');
    try {
      const native = loadDeck({ name: 'converted', path: target }, themes);
      const dialect = loadDeck({ name: 'dialect', path: file }, { ...themes, from });
      expect(native.file.messages.filter((m) => m.fatal).map(String)).toEqual([]);
      expect(native.deck?.meta.dialect).toBe('proofdeck');
      expect(shape(native.deck?.items ?? [])).toEqual(shape(dialect.deck?.items ?? []));
    } finally {
      rmSync(target);
    }
  });
});

it('leaves no dialect syntax as text on the slides chromium renders', async () => {
  for (const dialect of ['marp', 'slidev']) {
    const files = FIXTURE_FILES.filter((f) => f.name.startsWith(`${dialect}/`)).map((f) => f.file);
    const args = ['bin/proofdeck.js', 'build', ...files, '--no-pdf', '--no-site', '--out', path.join(work, dialect)];
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  }
  await withBrowser(async (browser) => {
    for (const { name } of FIXTURE_FILES) {
      const html = path.join(work, path.dirname(name), path.basename(name, '.md'), 'index.html');
      const text = await withPage(browser, async (page) => {
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        // Every slide's rendered text, speaker notes (<aside class="notes">, never shown) and code left out.
        return page.evaluate(() =>
          [...document.querySelectorAll('.reveal .slides section')]
            .map((section) => {
              const copy = section.cloneNode(true) as HTMLElement;
              for (const hidden of copy.querySelectorAll('aside.notes, pre, section')) hidden.remove();
              return copy.textContent ?? '';
            })
            .join('\n'),
        );
      });
      expect(text.length, `${name} renders text`).toBeGreaterThan(0);
      for (const syntax of [
        '<!--',
        '-->',
        '_class:',
        'layout:',
        '::right::',
        '::left::',
        'v-click',
        '![bg',
        'marp:',
        '{{',
      ])
        expect(text, `${name} shows ${syntax}`).not.toContain(syntax);
    }
  });
}, 120_000);
