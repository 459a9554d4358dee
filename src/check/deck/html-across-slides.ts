/**
 * Rule `deck/html-across-slides`: raw HTML opened in one slide and closed in another. Each slide is its own
 * `<section>`: the browser closes the open element at the section's end and the stray closing tag later ends
 * the wrong element, so slides fall out of `.slides` and the deck loses them without a word.
 */
import type { Html, RootContent } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import type { DeckItem, Slide } from '../../model/deck.ts';
import { allSlides } from '../../parse/slides.ts';
import { addError } from '../../report/messages.ts';

/** Elements without a closing tag (HTML's void elements). */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements whose end tag HTML lets an author omit: never reported. */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
]);

interface Tag {
  name: string;
  closing: boolean;
  node: Html;
  slide: Slide;
}

/** The tags of raw HTML, comments and `<script>`/`<style>` text left out. */
function tagsOf(node: Html, slide: Slide): Tag[] {
  const text = node.value.replace(/<!--[\s\S]*?-->/g, '');
  const tags: Tag[] = [];
  for (const match of text.matchAll(/<(\/?)([A-Za-z][\w-]*)\b(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g)) {
    const name = (match[2] ?? '').toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || match[3] === '/') continue;
    tags.push({ name, closing: match[1] === '/', node, slide });
  }
  return tags;
}

function htmlOf(nodes: readonly RootContent[]): Html[] {
  const found: Html[] = [];
  for (const node of nodes) visit(node, 'html', (html: Html) => void found.push(html));
  return found;
}

function where(tag: Tag): string {
  return `line ${tag.node.position?.start.line ?? '?'}`;
}

/** Reports every element whose opening and closing tags are in different slides. */
export function checkHtmlAcrossSlides(items: readonly DeckItem[], file: VFile): void {
  const open: Tag[] = [];
  for (const slide of allSlides(items)) {
    const local: Tag[] = [];
    for (const tag of htmlOf(slide.content).flatMap((node) => tagsOf(node, slide))) {
      if (!tag.closing) {
        local.push(tag);
        continue;
      }
      const index = local.map((t) => t.name).lastIndexOf(tag.name);
      if (index !== -1) {
        local.splice(index);
        continue;
      }
      const opener = [...open].reverse().find((t) => t.name === tag.name);
      if (opener) open.splice(open.indexOf(opener), 1);
      addError(
        file,
        opener
          ? `\`<${tag.name}>\` is closed on another slide (${where(tag)}): the slide break between them ends it`
          : `\`</${tag.name}>\` closes no element opened on this slide`,
        (opener ?? tag).node.position?.start,
        'deck/html-across-slides',
        'Each slide is a <section> of its own: open and close raw HTML on the same slide.',
      );
    }
    open.push(...local);
  }
  for (const tag of open) {
    addError(
      file,
      `\`<${tag.name}>\` is not closed on its slide; the slide break ends it and the deck loses its structure`,
      tag.node.position?.start,
      'deck/html-across-slides',
      `Close it with </${tag.name}> before the next slide starts.`,
    );
  }
}
