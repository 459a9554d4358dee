/** Slide structure as a browser sees it: the same measure for proofdeck's decks and the real tools' output. */
import type { Page } from 'puppeteer-core';

/** One horizontal position: its vertical slides, each with its notes and fragments. */
export type Structure = { notes: number; fragments: number }[][];

/**
 * Measures `.reveal .slides` in the page: top-level sections (a stack when it holds sections), `aside.notes`
 * per slide, and `.fragment` elements outside the notes. proofdeck's generated title slide (`#title`) is left
 * out: the tools' outputs are compared without one (pandoc runs without `-s`).
 */
export async function measure(page: Page): Promise<Structure> {
  return page.evaluate(() => {
    const top = [...document.querySelectorAll('.reveal .slides > section')].filter(
      (section) => !(section.id === 'title' && section.classList.contains('title-slide')),
    );
    return top.map((horizontal) => {
      const vertical = [...horizontal.querySelectorAll(':scope > section')];
      return (vertical.length > 0 ? vertical : [horizontal]).map((slide) => ({
        notes: slide.querySelectorAll('aside.notes').length,
        fragments: [...slide.querySelectorAll('.fragment')].filter((node) => !node.closest('aside.notes')).length,
      }));
    });
  });
}

/** `3 × [1, 2]`-style summary, for messages. */
export function shape(structure: Structure): string {
  return structure.map((stack) => (stack.length === 1 ? '1' : `${stack.length}v`)).join(' ');
}
