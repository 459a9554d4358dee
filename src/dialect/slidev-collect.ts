/** The visible slides of a Slidev deck, with `src:` imports inlined (ranges, overrides, cycles). */
import path from 'node:path';
import { rewriteSlidevBody } from './slidev-body.ts';
import { type Frontmatter, keyLine, lastCommentAsNotes, makeSlide, readYaml, reportSlideKeys } from './slidev-slide.ts';
import { splitSlidev } from './slidev-split.ts';
import type { MappedLine, NativeSlide, Warn } from './translation.ts';

export interface Collected {
  slide: NativeSlide;
  frontmatter: Frontmatter;
}

/** Where one file is read from: the entry's folder (for `/x.md`), the importing line, the chain so far. */
export interface Reading {
  root: string;
  read: (file: string) => string;
  warn: Warn;
  importedAt: number | undefined;
  /** The importing slide's frontmatter, laid over every imported slide (as Slidev's loader does). */
  override: Frontmatter;
  chain: readonly string[];
  /** `src: x.md#2-3`: the 1-based slides to take. */
  range: Set<number> | undefined;
}

/** Slidev's range syntax: `2`, `2-4`, `1,3-5`. */
function parseRange(text: string): Set<number> {
  const result = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to] = part.split('-').map((n) => Number.parseInt(n.trim(), 10));
    if (from === undefined || Number.isNaN(from)) continue;
    for (let n = from; n <= (to !== undefined && !Number.isNaN(to) ? to : from); n++) result.add(n);
  }
  return result;
}

/** A ```yaml block opening a slide is its frontmatter too (Slidev's second spelling). */
function yamlBlockFrontmatter(lines: MappedLine[]): { text: string; rest: MappedLine[] } | undefined {
  const first = lines.findIndex((l) => l.text.trim() !== '');
  if (first < 0 || !/^\s*```ya?ml\s*$/.test(lines[first]?.text ?? '')) return undefined;
  const close = lines.findIndex((l, i) => i > first && /^\s*```\s*$/.test(l.text));
  if (close < 0) return undefined;
  return {
    text: lines
      .slice(first + 1, close)
      .map((l) => l.text)
      .join('\n'),
    rest: lines.slice(close + 1),
  };
}

/** The visible slides of one file, imports (`src:`) inlined. */
export function collectSlides(source: string, file: string, reading: Reading): Collected[] {
  const { warn, importedAt } = reading;
  const lines = source.split(/\r?\n/);
  // Lines of an imported file are reported at the `src:` line that imports it.
  const at = (line: number) => importedAt ?? line;
  const result: Collected[] = [];
  splitSlidev(lines).forEach((raw, index) => {
    if (reading.range && !reading.range.has(index + 1)) return;
    const fmText = raw.frontmatter?.text ?? '';
    const fmLine = raw.frontmatter?.line ?? raw.start + 1;
    let content: MappedLine[] = lines
      .slice(raw.contentStart, raw.end)
      .map((text, i) => ({ text, source: at(raw.contentStart + i + 1) }));
    let own = readYaml(fmText);
    const block = raw.frontmatter ? undefined : yamlBlockFrontmatter(content);
    if (block) {
      own = readYaml(block.text);
      content = block.rest;
    }
    const frontmatter = { ...own, ...reading.override };
    if (typeof frontmatter.src === 'string') {
      const [rawPath = '', range] = frontmatter.src.split('#');
      const target = rawPath.startsWith('/')
        ? path.join(reading.root, rawPath.slice(1))
        : path.resolve(path.dirname(file), rawPath);
      const line = at(keyLine(fmText, fmLine, 'src'));
      if (reading.chain.includes(target)) {
        warn(
          line,
          1,
          `Slidev import "${frontmatter.src}" imports itself`,
          'Remove the circular import.',
          'dialect/unsupported',
        );
        return;
      }
      let text: string;
      try {
        text = reading.read(target);
      } catch {
        warn(line, 1, `Slidev import "${frontmatter.src}" not found`, 'The slide is left out.', 'dialect/unsupported');
        return;
      }
      const { src: _src, ...override } = frontmatter;
      result.push(
        ...collectSlides(text, target, {
          ...reading,
          importedAt: line,
          override,
          chain: [...reading.chain, file],
          range: range ? parseRange(range) : undefined,
        }),
      );
      return;
    }
    const { body, notes } = lastCommentAsNotes(content);
    const isFirst = index === 0 && importedAt === undefined;
    const slide = makeSlide(rewriteSlidevBody(body, warn), frontmatter, notes, at(raw.start + 1), isFirst, warn);
    // A hidden slide is still checked, like `::slide{hidden}`, and left out of every output.
    if (frontmatter.hide === true || frontmatter.disabled === true) slide.attributes.hidden = true;
    result.push({ slide, frontmatter });
    if (raw.frontmatter) reportSlideKeys(own, fmText, fmLine, at, warn, isFirst);
  });
  return result;
}
