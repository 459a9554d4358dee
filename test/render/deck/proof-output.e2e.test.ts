import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { withBrowser } from '../../../src/browser/browser.ts';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { tempProject, contrast } from '../../helpers.ts';

const UAF = 'ERROR: AddressSanitizer: heap-use-after-free on address 0x…';
const MOVED = 'error[E0382]: borrow of moved value: `v`';

const talk = `---
title: On stage
---

## Use after free

\`\`\`c id=uaf asan=heap-use-after-free show=output
#include <stdlib.h>
int main(void) {
  int *p = malloc(sizeof *p);
  free(p);
  return *p;
}
\`\`\`

## Moved

\`\`\`rust,compile_fail,E0382,show=output
let v = vec![1];
let w = v;
println!("{v:?}");
\`\`\`

## Runs

\`\`\`c run stdout="one\\ntwo\\nthree\\nfour\\n" show=output cc=gcc
#include <stdio.h>
int main(void) { puts("one"); puts("two"); puts("three"); puts("four"); return 0; }
\`\`\`
`;

const badged = (mode: string, theme: string) => `---
title: Badges ${mode}
theme: ${theme}
badges: ${mode}
---

## Panics

\`\`\`rust,should_panic show=output
let v: Vec<i32> = Vec::new();
v[3];
\`\`\`
`;

interface Shown {
  output: { text: string; size: number; colour: string; background: string }[];
  badge: { text: string; size: number; colour: string; background: string } | undefined;
}

/** What a 1280×720 screen shows of each slide: the output blocks and the badge, with computed style. */
async function onScreen(html: string, slides: string[]): Promise<Shown[]> {
  return withBrowser(async (browser) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    const shown: Shown[] = [];
    for (const slide of slides) {
      await page.goto(`${pathToFileURL(html).href}#/${slide}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('.reveal section.present') !== null);
      shown.push(
        await page.evaluate(() => {
          const styled = (element: Element) => {
            const style = getComputedStyle(element);
            return {
              text: (element as HTMLElement).innerText,
              size: Number.parseFloat(style.fontSize),
              colour: style.color,
              background: style.backgroundColor,
            };
          };
          const badge = document.querySelector('.reveal section.present .badge');
          return {
            output: [...document.querySelectorAll('.reveal section.present pre.proof-output')].map(styled),
            badge: badge ? styled(badge) : undefined,
          };
        }),
      );
    }
    return shown;
  });
}

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

describe('the proof on stage', () => {
  const root = tempProject({ talk, compact: badged('compact', 'light'), off: badged('off', 'dark') });
  // The config's choice is every deck's default; a deck's frontmatter overrides it.
  writeFileSync(path.join(root, 'proofdeck.config.yaml'), 'badges: full\n');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dist = path.join(root, 'dist');
  const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
  const outputs = ['talk/index.html', 'talk/handout.html', 'site/talk/index.html', 'site/verification.html'];
  let first: string[] = [];

  it('shows the real first line of each proof under its block, legible at 1280×720', async () => {
    await buildDecks({ root, noCache: true });
    first = outputs.map(read);
    const [uaf, moved, runs] = await onScreen(path.join(dist, 'talk', 'index.html'), [
      'use-after-free',
      'moved',
      'runs',
    ]);
    expect(uaf?.output.map((block) => block.text)).toEqual([UAF]);
    expect(moved?.output.map((block) => block.text)).toEqual([MOVED]);
    // A run block shows the first lines of what the program printed.
    expect(runs?.output.map((block) => block.text)).toEqual(['one\ntwo\nthree']);
    for (const block of [uaf, moved, runs].flatMap((slide) => slide?.output ?? [])) {
      expect(block.size).toBeGreaterThanOrEqual(18);
      expect(contrast(block.colour, block.background)).toBeGreaterThanOrEqual(4.5);
    }
    // full (from the config): the verdict in words, then the summary.
    expect(uaf?.badge?.text).toMatch(/^✓ proved: ASan: heap-use-after-free · /);
    expect(uaf?.badge?.size).toBeGreaterThanOrEqual(16);
    expect(contrast(uaf?.badge?.colour ?? '', uaf?.badge?.background ?? '')).toBeGreaterThanOrEqual(4.5);
  });

  it('badges: compact is the glyph and summary, off leaves the output without a badge', async () => {
    const [compact] = await onScreen(path.join(dist, 'compact', 'index.html'), ['panics']);
    const [off] = await onScreen(path.join(dist, 'off', 'index.html'), ['panics']);
    const panic = 'panicked: index out of bounds: the len is 0 but the index is 3';
    expect(compact?.output.map((block) => block.text)).toEqual([panic]);
    expect(compact?.badge?.text).toMatch(/^✓ panics · rustc \d+\.\d+$/);
    // The light theme: the badge is as legible as on the dark one.
    expect(compact?.badge?.size).toBeGreaterThanOrEqual(16);
    expect(contrast(compact?.badge?.colour ?? '', compact?.badge?.background ?? '')).toBeGreaterThanOrEqual(4.5);
    expect(off?.output.map((block) => block.text)).toEqual([panic]);
    expect(off?.badge).toBeUndefined();
    // The verification page still lists the block whose badge is off, with its evidence.
    expect(read('site/verification.html')).toMatch(
      new RegExp(`rustc \\d+\\.\\d+, at run time:</p><pre class="proof-output"><code>${panic}</code>`),
    );
  });

  it('puts the same evidence in the slide PDF, the handout and the site', () => {
    for (const file of ['talk/talk.pdf', 'talk/talk-handout.pdf']) {
      const text = pdfText(path.join(dist, file));
      expect(text, file).toContain(UAF);
      expect(text, file).toContain(MOVED);
    }
    for (const file of ['talk/handout.html', 'site/talk/index.html']) {
      expect(read(file), file).toContain(`<code>${UAF}</code>`);
      expect(read(file), file).toContain('<code>error[E0382]: borrow of moved value: `v`</code>');
    }
    expect(read('site/verification.html')).toContain(`, at run time:</p><pre class="proof-output"><code>${UAF}</code>`);
  });

  it('writes the same bytes when the proofs are run again', async () => {
    await buildDecks({ root, noCache: true });
    expect(outputs.map(read)).toEqual(first);
  });
});
