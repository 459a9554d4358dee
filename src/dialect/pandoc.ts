/** pandoc `-t revealjs` and Quarto `format: revealjs`: headings make slides, fenced divs, attributes. */
import { implicitFigures } from './figures.ts';
import { pandocDivEdits } from './fences.ts';
import { pandocCodeBlocks } from './pandoc-code.ts';
import { titleBlockEdits } from './pandoc-title.ts';
import {
  incrementalLists,
  pandocInlineSyntax,
  pandocPauses,
  quartoProcessing,
  unwrapStretchedImages,
  reportSlideClasses,
} from './pandoc-syntax.ts';
import { mapKeys, names, revealOptions, type KeyMapping } from './keys.ts';
import type { Dialect, MappedFrontmatter } from './types.ts';
import { slideNumbersOf } from '../model/deck.ts';

const formatKey: KeyMapping = (value) => {
  if (value === 'revealjs' || value === undefined) return 'consumed';
  if (value && typeof value === 'object' && 'revealjs' in value)
    return { __reveal: (value as { revealjs: unknown }).revealjs };
  return 'proofdeck builds reveal.js decks only; other formats are not produced';
};

const TABLE: Record<string, KeyMapping> = {
  author: (value) => ({ author: names(value) }),
  date: (value) =>
    typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)
      ? `"${value}" is not a YYYY-MM-DD date proofdeck can show`
      : { date: value },
  format: formatKey,
  'slide-level': (value) => ({ slideLevel: value }),
  'slide-number': (value) => ({ slideNumbers: slideNumbersOf(value) }),
  incremental: (value) => ({ incremental: value === true }),
  css: (value) => ({ css: value }),
  filters: () => 'Quarto/pandoc filters are not run by proofdeck',
  jupyter: () => 'proofdeck does not execute notebook cells',
  execute: () => 'proofdeck does not execute notebook cells',
  engine: () => 'proofdeck does not execute notebook cells',
};

/** Maps pandoc/Quarto metadata; `format: revealjs:` options are read like top-level ones, as Quarto merges them. */
function mapPandocFrontmatter(data: Record<string, unknown>): MappedFrontmatter {
  const top = mapKeys(data, TABLE);
  const { __reveal, ...rest } = top.data;
  if (__reveal === undefined) return top;
  const nested = revealOptions(__reveal, 'format.revealjs.');
  return { data: { ...rest, ...nested.data }, ignored: [...top.ignored, ...nested.ignored] };
}

/** A revealjs option as Quarto reads it: under `format: revealjs:`, else at the top level. */
function quartoOption(data: Readonly<Record<string, unknown>>, key: string): unknown {
  const format = data.format;
  const nested =
    format && typeof format === 'object' && 'revealjs' in format
      ? (format as { revealjs: unknown }).revealjs
      : undefined;
  if (nested && typeof nested === 'object' && key in nested) return (nested as Record<string, unknown>)[key];
  return data[key];
}

export const pandoc: Dialect = {
  name: 'pandoc',
  inferSlideLevel: true,
  // `% Title` / `% Author` / `% Date` at the top becomes the frontmatter it stands for.
  rewrite: (source, _context) => [...titleBlockEdits(source), ...pandocDivEdits(source, 0, { renest: true })],
  mapFrontmatter: mapPandocFrontmatter,
  transformTree: (nodes, context) => {
    pandocInlineSyntax(nodes, context.source);
    pandocCodeBlocks(nodes, context);
    quartoProcessing(nodes, context);
    implicitFigures(nodes, context.source);
  },
  transformSlide: (slide, context) => {
    pandocPauses(slide);
    unwrapStretchedImages(slide);
    if (quartoOption(context.frontmatter, 'incremental') === true) incrementalLists(slide);
    reportSlideClasses(slide, context);
  },
};
