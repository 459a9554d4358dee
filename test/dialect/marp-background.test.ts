/** Marp's background sizes (`![bg contain]`, `fit`, `auto`, `40%`) reach the slide as marp-core sizes them. */
import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { translateMarp } from '../../src/dialect/marp-deck.ts';

const DECK = ['contain', 'fit', 'auto', '40%', 'cover', '']
  .map((size) => `![bg ${size}](shot.png)\n\n# Slide`)
  .join('\n\n---\n\n');

describe('Marp background sizes', () => {
  it('gives each background the CSS background-size marp-core gives it', () => {
    const { html } = new Marp().render(`---\nmarp: true\n---\n\n${DECK}`);
    // marp-core's advanced backgrounds: one <figure style="background-image:…;background-size:…"> per image.
    const theirs = [...html.matchAll(/<figure style="([^"]*)"/g)].map(
      (m) => /background-size:([^;]+)/.exec(m[1] ?? '')?.[1] ?? 'cover',
    );
    expect(theirs).toEqual(['contain', 'contain', 'auto', '40%', 'cover', 'cover']);
    const { markdown, warnings } = translateMarp(`---\nmarp: true\n---\n\n${DECK}`, '/talk/deck.md');
    const ours = [...markdown.matchAll(/^::slide\{([^}]*)\}$/gm)].map(
      (m) => /data-background-size="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? 'cover',
    );
    expect(ours).toEqual(theirs);
    expect(warnings).toEqual([]);
  });
});
