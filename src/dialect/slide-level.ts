/** Pandoc's default slide level (MANUAL § Structuring the slide show). */
import type { Root } from 'mdast';

/**
 * The highest heading level followed immediately by content, not by another heading, somewhere in the
 * document; 2 when no heading is (pandoc then also uses level 1 sections). Quarto always uses 2 unless told.
 */
export function inferSlideLevel(tree: Root): number {
  let level: number | undefined;
  const nodes = tree.children.filter((node) => node.type !== 'yaml');
  nodes.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const next = nodes[index + 1];
    if (!next || next.type === 'heading' || next.type === 'thematicBreak') return;
    level = Math.min(level ?? 6, node.depth);
  });
  return level ?? 2;
}
