/** A rendered diagram as a `<figure>`: inline SVG (named by its caption and alt text) and a caption. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { addAccessibleName } from '../diagram/svg.ts';
import type { Diagram } from '../model/diagram.ts';

/** Builds the figure; the SVG goes in as raw markup because it is mermaid's output, not the author's. */
export function diagramFigure(diagram: Diagram, svg: string): Element {
  const named = addAccessibleName(
    svg,
    diagram.id,
    diagram.caption ?? diagram.alt,
    diagram.caption ? diagram.alt : undefined,
  );
  return h('figure.diagram', { dataDiagram: diagram.origin }, [
    h('div.diagram-svg', [{ type: 'raw', value: named }]),
    diagram.caption ? h('figcaption', diagram.caption) : undefined,
  ]);
}
