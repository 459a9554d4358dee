import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/pipeline/load.ts';
import { allSlides } from '../../../src/parse/slides.ts';
import { REPO, projectWithFixture, runCli, tempProject } from '../../helpers.ts';

const FLAGSHIP = path.join(REPO, 'decks', 'rust-in-kernel');

function pages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

/** Titles of the top-level and nested outline (bookmark) entries, in order. */
async function outline(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file));
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      if (title) titles.push(title.decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

describe('PDF exports of the flagship deck', () => {
  let root: string;
  let slidesPdf: string;
  let handoutPdf: string;
  let slideCount: number;
  let notesSample: string;

  beforeAll(() => {
    root = projectWithFixture(FLAGSHIP);
    const build = runCli(root, ['build']);
    expect(build.status, build.stderr).toBe(0);
    slidesPdf = path.join(root, 'dist', 'rust-in-kernel', 'rust-in-kernel.pdf');
    handoutPdf = path.join(root, 'dist', 'rust-in-kernel', 'rust-in-kernel-handout.pdf');
    const { deck } = loadDeck(
      { name: 'rust-in-kernel', path: path.join(FLAGSHIP, 'deck.md') },
      { knownThemes: new Set(['dark', 'light']) },
    );
    slideCount = allSlides(deck?.items ?? []).length + 1;
    notesSample = 'Welcome. This talk has one question at its heart';
  });

  it('has one slide PDF page per slide, at 16:9, with the slide titles as text and as outline entries', async () => {
    expect(pages(slidesPdf)).toBe(slideCount);
    const info = execFileSync('pdfinfo', [slidesPdf], { encoding: 'utf8' });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
    expect(Number(w) / Number(h)).toBeCloseTo(16 / 9, 1);
    expect(info).toMatch(/Title:\s+Rust in Kernel Development/);
    expect(info).toMatch(/Author:\s+Hooriyeh Maaleki/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const text = execFileSync('pdftotext', [slidesPdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Use-after-free');
    // show=output: the sanitizer's own line under the two C bugs (wrapped in its column).
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('ERROR: AddressSanitizer: heap-use-after-free on address 0x…');
    expect(flat).toContain('ERROR: AddressSanitizer: attempting double-free on 0x… in thread T0:');
    const titles = await outline(slidesPdf);
    expect(titles).toContain('Rust in Kernel Development');
    expect(titles.some((title) => title.includes('Use-after-free'))).toBe(true);
  });

  it('makes a handout with a title page, every slide, its notes and page numbers', async () => {
    const count = pages(handoutPdf);
    expect(count).toBeGreaterThanOrEqual(slideCount + 1);
    const text = execFileSync('pdftotext', [handoutPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(notesSample);
    expect(text).toContain(`1 / ${count}`);
    expect(text).toContain(`Slide ${slideCount}`);
    expect(execFileSync('pdfinfo', [handoutPdf], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    expect((await outline(handoutPdf)).length).toBeGreaterThan(10);
  });

  it('embeds every font', () => {
    for (const file of [slidesPdf, handoutPdf]) {
      const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes');
    }
  });

  it('keeps code and diagrams vector: no bitmap in either PDF (the deck has no pictures)', () => {
    // A CSS filter (mermaid's timeline had one) makes chromium paint that part as a bitmap.
    for (const file of [slidesPdf, handoutPdf]) {
      const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows, file).toEqual([]);
    }
  });

  it('renders a page that is not blank', () => {
    // A PGM of page 10: a blank page has one grey level, a slide with text and code has many.
    const raw = execFileSync('pdftoppm', ['-f', '10', '-l', '10', '-r', '40', '-gray', slidesPdf]);
    const pixels = raw.subarray(raw.length - 500 * 250);
    expect(new Set(pixels).size).toBeGreaterThan(16);
  });

  it('gives byte-identical PDFs on a rebuild', () => {
    const before = [readFileSync(slidesPdf), readFileSync(handoutPdf)];
    expect(runCli(root, ['build']).status).toBe(0);
    expect(readFileSync(slidesPdf).equals(before[0] ?? Buffer.alloc(0))).toBe(true);
    expect(readFileSync(handoutPdf).equals(before[1] ?? Buffer.alloc(0))).toBe(true);
  });
});

describe('PDF options and overflow', () => {
  const markdown = (body: string) => `---\ntitle: Small\nauthor: Tester\n---\n\n${body}`;

  it('lays out 2-up and 3-up handouts, and one page per fragment step with --pdf-fragments=steps', () => {
    const root = tempProject({
      small: markdown('## One\n\n:::incremental\n- a\n- b\n- c\n:::\n\n## Two\n\nx\n\n## Three\n\ny\n\n## Four\n\nz\n'),
    });
    const out = path.join(root, 'dist', 'small');
    expect(runCli(root, ['build', '--handout', '2up']).status).toBe(0);
    expect(pages(path.join(out, 'small-handout.pdf'))).toBe(1 + Math.ceil(5 / 2));
    expect(pages(path.join(out, 'small.pdf'))).toBe(5);
    expect(runCli(root, ['build', '--handout', '3up', '--paper', 'Letter', '--pdf-fragments', 'steps']).status).toBe(0);
    expect(pages(path.join(out, 'small-handout.pdf'))).toBe(1 + Math.ceil(5 / 3));
    expect(execFileSync('pdfinfo', [path.join(out, 'small-handout.pdf')], { encoding: 'utf8' })).toMatch(/\(letter\)/i);
    expect(pages(path.join(out, 'small.pdf'))).toBe(5 + 3);
  });

  it('warns about what does not fit, where it is and why, instead of spilling onto more pages', () => {
    const long = Array.from({ length: 30 }, (_, i) => `- point number ${i + 1}`).join('\n');
    const wide = `\`\`\`text\n${'a_very_long_identifier_'.repeat(8)}\n\`\`\``;
    const root = tempProject({
      long: markdown(`## Fits\n\nShort.\n\n## Too long\n\n${long}\n\n## Too wide\n\n${wide}\n`),
    });
    const result = runCli(root, ['build']);
    expect(result.status).toBe(0);
    // The first list item that crosses the bottom edge, and the fence of the block whose line is cut off.
    expect(result.stderr).toMatch(
      /deck\.md:23:1: warning: slide content runs \d+ px below the slide from this list item on/,
    );
    expect(result.stderr).toContain(
      'decks/long/deck.md:45:1: warning: line 1 of the code block is 184 characters; at the 18 px floor only',
    );
    expect(result.stderr).not.toContain('deck.md:6:1: warning');
    expect(pages(path.join(root, 'dist', 'long', 'long.pdf'))).toBe(4);
  });
});
