import { spawnSync } from 'node:child_process';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { vfileOf } from '../helpers.ts';

/** Lines whose `$` pandoc reads as math or as text; proofdeck must read each the same way. */
const CASES = [
  'Einstein wrote $E = mc^2$ here.',
  'It costs $5 and $10 today.',
  'From $ 5 to 6$ is not math.',
  'Ends with a space $x $ here.',
  'Followed by a digit $x$1 is text.',
  'Two maths $a$ and $b$ in one line.',
  'Escaped \\$x\\$ stays text.',
  'Display inline $$\\sum_i i$$ works.',
  'Shell `echo $HOME` in code.',
  'A lone $ sign.',
];

/** The TeX of every math node, inline or display, in reading order. */
function proofdeckMath(markdown: string): string[] {
  const out: string[] = [];
  visit(parseMarkdown(vfileOf(markdown)), (node) => {
    if (node.type === 'inlineMath' || node.type === 'math') out.push(node.value.trim());
  });
  return out;
}

/** The same, as pandoc's own reader sees it (its JSON AST). */
function pandocMath(markdown: string): string[] {
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as { t?: string; c?: unknown };
      if (node.t === 'Math' && Array.isArray(node.c)) out.push(String(node.c[1]).trim());
      else Object.values(node).forEach(walk);
    }
  };
  walk(JSON.parse(result.stdout));
  return out;
}

describe('TeX math delimiters', () => {
  it.each(CASES)('reads %j as pandoc does', (line) => {
    expect(proofdeckMath(line)).toEqual(pandocMath(line));
  });
});
