/** Slidev slide bodies: what is Vue is left off with a warning, what is code stays as typed. */
import { describe, expect, it } from 'vitest';
import { rewriteSlidevBody } from '../../src/dialect/slidev-body.ts';
import { translateSlidev } from '../../src/dialect/slidev-deck.ts';

function rewrite(lines: string[]) {
  const warnings: string[] = [];
  const out = rewriteSlidevBody(
    lines.map((text, index) => ({ text, source: index + 1 })),
    (line, column, message) => warnings.push(`${line}:${column} ${message}`),
  );
  return { text: out.map((line) => line.text), warnings };
}

describe('rewriteSlidevBody', () => {
  it('keeps components, click attributes and {{ }} written in inline code, as Slidev shows them', () => {
    const line = 'Use `<Tweet id="1"/>` or ``<div v-click>{{ x }}</div>`` and <Counter/> here';
    const { text, warnings } = rewrite([line]);
    expect(text).toEqual(['Use `<Tweet id="1"/>` or ``<div v-click>{{ x }}</div>`` and  here']);
    // The one component outside code is reported at its own column.
    expect(warnings).toEqual([`1:${line.indexOf('<Counter') + 1} Vue component <Counter> is left off the slide`]);
  });

  it('still rewrites what sits between two code spans', () => {
    const { text } = rewrite(['`a` <span v-click>b</span> `c`']);
    expect(text).toEqual(['`a` <span class="fragment">b</span> `c`']);
  });
});

describe('Slidev slot sugar', () => {
  it('reads slot lines as Slidev does, spaces inside the colons included', () => {
    // slidev's slot-sugar transform: /^::\s*([\w.\-:]+)\s*::(\s*)?$/
    const head = '---\ntheme: default\n---\n\n# One\n\n---\nlayout: two-cols\n---\n\n';
    const deck = `${head}:: left ::\nWest side\n:: right ::\nEast side\n`;
    const { markdown } = translateSlidev(deck, '/talk/slides.md');
    expect(markdown).not.toMatch(/::\s*(left|right)\s*::/);
    const columns = markdown.slice(markdown.indexOf(':::::columns'));
    expect(columns.indexOf('West side')).toBeLessThan(columns.indexOf('::::column', columns.indexOf('West side')));
    expect(columns).toContain('East side');
  });
});
