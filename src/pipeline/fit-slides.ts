/**
 * The fit stage's cache, slide by slide. Each slide is its own layout in the measuring page (`contain: layout size
 * style`), so a slide's measurement depends only on its own markup and on the page around it (head, stylesheets,
 * runtime, assets, the measuring code): after an edit only the slides whose markup changed are laid out again, and
 * the rest are read back. A slide's key leaves out what moves when other slides change and does not change its layout:
 * its source line, and the deck-wide numbering of its fit marks (made relative to the slide).
 */
import type { Element, ElementContent } from 'hast';
import { sha256 } from '../cache/store.ts';
import type { MeasureOutput, RawFinding } from '../render/deck/measure-page.ts';

/** One measured slide: a top-level section, or a section of a stack, in document order (the measuring order). */
export interface Leaf {
  element: Element;
  /** Index of the deck item it belongs to; -1 for the title slide. */
  item: number;
  /** Its first `data-pd-pos` and `data-pd-fit` index, and how many of each it holds. */
  pos: number;
  posCount: number;
  fit: number;
  fitCount: number;
  /** Its `data-line` as the measuring page reads it (0 without one). */
  line: number;
  key: string;
}

/** What a slide's measurement holds, with indices relative to the slide (finding lines are the slide's own). */
export type SlideMeasurement = MeasureOutput;

const hasClass = (element: Element, name: string): boolean =>
  Array.isArray(element.properties.className) && element.properties.className.includes(name);

function childSections(element: Element): Element[] {
  return element.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'section');
}

/** A slide's key text and mark counts, from one walk. */
interface Serialised {
  parts: string[];
  pos: number;
  fit: number;
  /** A `<section>` inside the slide (raw HTML): the page would measure it as a slide of its own. */
  nested: boolean;
}

/**
 * Writes the slide's markup (tags, properties, text) into `into.parts` without its line and with its marks numbered
 * from 0 (`pos`, `fit`: the slide's first deck-wide numbers): the same slide anywhere in the deck gives the same text.
 * Not HTML, which costs escaping: only an unambiguous text of what the page is made from.
 */
function serialise(node: ElementContent, pos: number, fit: number, into: Serialised, root = false): void {
  if (node.type !== 'element') {
    // Raw HTML is a string to hast: a `<section>` in it is one all the same.
    if (node.type === 'raw' && /<section\b/i.test(node.value)) into.nested = true;
    into.parts.push(node.type, JSON.stringify(node.value));
    return;
  }
  if (!root && node.tagName === 'section') into.nested = true;
  const { dataPdPos, dataPdFit, dataLine } = node.properties;
  let properties = node.properties;
  if (dataPdPos !== undefined || dataPdFit !== undefined || (root && dataLine !== undefined)) {
    properties = { ...properties };
    if (root) delete properties.dataLine;
    if (dataPdPos !== undefined) properties.dataPdPos = Number(dataPdPos) - pos;
    if (dataPdFit !== undefined) properties.dataPdFit = Number(dataPdFit) - fit;
    if (dataPdPos !== undefined) into.pos++;
    if (dataPdFit !== undefined) into.fit++;
  }
  into.parts.push('<', node.tagName, JSON.stringify(properties));
  if (node.content) into.parts.push('template', JSON.stringify(node.content));
  for (const child of node.children) serialise(child, pos, fit, into);
  into.parts.push('>');
}

/**
 * The slides the measuring page lays out, with their keys under `frame` (the key of the page without slides), or
 * `undefined` when a slide holds a `<section>` of its own (raw HTML): the page would measure it as a slide of its own.
 * `sections` are the marked top-level sections, the title slide first when `title` is set.
 */
export function slideLeaves(sections: readonly Element[], title: boolean, frame: string): Leaf[] | undefined {
  const leaves: Leaf[] = [];
  let pos = 0;
  let fit = 0;
  const add = (element: Element, item: number, place: string): boolean => {
    const into: Serialised = { parts: [frame, place], pos: 0, fit: 0, nested: false };
    serialise(element, pos, fit, into, true);
    if (into.nested) return false;
    const key = sha256(into.parts.join('\n'));
    const line = Number(element.properties.dataLine ?? 0);
    leaves.push({ element, item, pos, posCount: into.pos, fit, fitCount: into.fit, line, key });
    pos += into.pos;
    fit += into.fit;
    return true;
  };
  for (const [index, section] of sections.entries()) {
    const item = title ? index - 1 : index;
    if (!hasClass(section, 'stack')) {
      if (!add(section, item, 'slide')) return undefined;
      continue;
    }
    const children = childSections(section);
    // A stack's sections are laid out together, so each one's place in it is part of its key.
    for (const [at, child] of children.entries())
      if (!add(child, item, `stack ${at}/${children.length}`)) return undefined;
  }
  const lines = leaves.map((leaf) => leaf.line);
  return new Set(lines).size === lines.length ? leaves : undefined;
}

/** Cuts a measurement of some of the slides into one per slide; `undefined` when a result cannot be placed. */
export function splitMeasured(output: MeasureOutput, leaves: readonly Leaf[]): Map<Leaf, SlideMeasurement> | undefined {
  const split = new Map<Leaf, SlideMeasurement>(leaves.map((leaf) => [leaf, { sizes: [], findings: [] }]));
  const inRange = (at: number, start: number, count: number) => at >= start && at < start + count;
  for (const [block, px] of output.sizes) {
    const leaf = leaves.find((candidate) => inRange(block, candidate.fit, candidate.fitCount));
    if (!leaf) return undefined;
    split.get(leaf)?.sizes.push([block - leaf.fit, px]);
  }
  for (const finding of output.findings) {
    const leaf =
      finding.pos >= 0
        ? leaves.find((candidate) => inRange(finding.pos, candidate.pos, candidate.posCount))
        : leaves.find((candidate) => candidate.line === finding.slide);
    if (!leaf) return undefined;
    const pos = finding.pos >= 0 ? finding.pos - leaf.pos : -1;
    split.get(leaf)?.findings.push({ ...finding, pos, slide: 0 } as RawFinding);
  }
  return split;
}

/** The whole deck's measurement from every slide's, in document order (as one page would have measured it). */
export function joinMeasured(leaves: readonly Leaf[], measured: ReadonlyMap<string, SlideMeasurement>): MeasureOutput {
  const output: MeasureOutput = { sizes: [], findings: [] };
  for (const leaf of leaves) {
    const slide = measured.get(leaf.key);
    if (!slide) throw new Error(`slide at line ${leaf.line} was not measured`);
    for (const [block, px] of slide.sizes) output.sizes.push([block + leaf.fit, px]);
    for (const finding of slide.findings)
      output.findings.push({ ...finding, pos: finding.pos >= 0 ? finding.pos + leaf.pos : -1, slide: leaf.line });
  }
  return output;
}
