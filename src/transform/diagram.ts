/** A rendered diagram as a `<figure>`: inline SVG (named by its caption and alt text) and a caption. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { addAccessibleName } from '../diagram/svg.ts';
import type { Diagram } from '../model/diagram.ts';

/** One drawing of a diagram, for the page's colour scheme when it comes in two. */
interface Drawing {
  svg: string;
  appearance?: 'light' | 'dark';
}

/**
 * Builds the figure; the SVG goes in as raw markup because it is mermaid's output, not the author's. With two
 * drawings (the site), each is marked with its appearance and the page's colour scheme shows one.
 */
export function diagramFigure(diagram: Diagram, svg: string, alternate?: Required<Drawing>): Element {
  const name = (drawing: Drawing) =>
    h('div.diagram-svg', { dataAppearance: drawing.appearance }, [
      {
        type: 'raw',
        value: addAccessibleName(
          drawing.svg,
          drawing.appearance ? `${diagram.id}-${drawing.appearance}` : diagram.id,
          diagram.caption ?? diagram.alt,
          diagram.caption ? diagram.alt : undefined,
        ),
      },
    ]);
  const drawings: Drawing[] = alternate
    ? [{ svg, appearance: alternate.appearance === 'light' ? 'dark' : 'light' }, alternate]
    : [{ svg }];
  // Drawn with the slides' type size: on a page the drawing may not shrink below half its width (text ≥ 13 px).
  const width = alternate ? /viewBox="[-\d.]+ [-\d.]+ ([\d.]+)/.exec(svg)?.[1] : undefined;
  const style = width ? `--diagram-width: ${Math.round(Number(width))}px` : undefined;
  return h(alternate ? 'figure.diagram.has-alternate' : 'figure.diagram', { dataDiagram: diagram.origin, style }, [
    ...drawings.map(name),
    diagram.caption ? h('figcaption', diagram.caption) : undefined,
  ]);
}
