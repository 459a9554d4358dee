/** Minimal inputs for each crash, hang or misbehaviour class the fuzz campaign (test/fuzz/campaign.ts) found. */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.ts';
import { fuzzTarget } from './pipeline.ts';

const deck = (body: string) => `---\ntitle: Talk\n---\n\n## Slide\n\n${body}\n`;

describe('fuzz regressions', () => {
  const target = fuzzTarget(tempDir('fuzz-regressions'));
  afterAll(() => target.dispose());

  it('math with characters KaTeX has no metrics for prints nothing to the console (seed 20261206)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const outcome = await target.run(deck('Inline $㓨 \\text{\uDB80}$ and\n\n$$\n\u00e9\u3428\n$$'));
      expect(outcome.htmlBytes).toBeGreaterThan(0);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    ['verticalSeparator: "["', 2],
    ['separator: "a(" ', 2],
    ['notesSeparator: "[z-a]"', 2],
  ])('reveal.js separator %s that is no regular expression: a warning at its line, no crash', async (line, at) => {
    const outcome = await target.run(`---\n${line}\nfrom: reveal\n---\n\n# A\n\n---\n\n# B\n`);
    expect(outcome.rules).toContain('dialect/unsupported');
    expect(outcome.lines).toContain(at);
    expect(outcome.htmlBytes).toBeGreaterThan(0);
  });
});
