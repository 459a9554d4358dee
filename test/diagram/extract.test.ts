import path from 'node:path';
import type { Code } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { extractDiagrams } from '../../src/diagram/extract.ts';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { tempDir } from '../helpers.ts';

const deck = ['# A', '', '```mermaid', 'graph TD; a-->b', '```', '', '```mermaid', 'graph TD; a-->b', '```', ''].join(
  '\n',
);

describe('extractDiagrams', () => {
  it('attaches each diagram to its node, twins included, in document order', () => {
    const dir = tempDir('extract');
    const file = new VFile({ path: path.join(dir, 'deck.md'), value: deck });
    const tree = parseMarkdown(file);
    const diagrams = extractDiagrams(tree, file, {
      deckDir: dir,
      diagramsDir: dir,
      loadRecords: () => ({ error: 'none' }),
    });
    const fences = tree.children.filter((node): node is Code => node.type === 'code');
    expect(diagrams.map((diagram) => diagram.id)).toEqual([diagrams[0]?.id, `${diagrams[0]?.id}-2`]);
    expect(fences.map((node) => node.data?.diagram)).toEqual(diagrams);
    expect(fences[1]?.data?.diagram).toBe(diagrams[1]);
  });
});
