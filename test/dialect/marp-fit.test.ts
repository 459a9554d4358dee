/** Marp's fitting heading (`# <!-- fit --> Title`) keeps its meaning: reveal.js's r-fit-text fits it to the slide. */
import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { translateMarp } from '../../src/dialect/marp-deck.ts';

const DECK = '---\nmarp: true\n---\n\n# <!-- fit --> Ownership in one line\n\n---\n\n## Plain heading\n';

describe('Marp fitting headings', () => {
  it('fits the headings marp-core fits, and no other', () => {
    const { html } = new Marp().render(DECK);
    // marp-core marks a fitting heading `data-auto-scaling` (its script scales it to the slide).
    const fitted = [...html.matchAll(/<(h\d)\b[^>]*\bdata-auto-scaling\b/g)].map((m) => m[1]);
    expect(fitted).toEqual(['h1']);
    const { markdown, warnings } = translateMarp(DECK, '/talk/deck.md');
    expect(markdown).toMatch(/^#\s+Ownership in one line \{\.r-fit-text\}$/m);
    expect(markdown).not.toContain('## Plain heading {');
    expect(warnings).toEqual([]);
  });
});
