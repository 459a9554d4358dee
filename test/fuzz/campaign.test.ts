/**
 * A small fixed-seed slice of the fuzz campaign (test/fuzz/campaign.ts runs 10,000 inputs with a time
 * budget each): generated and mutated decks through parse, check and render-to-HTML, none may throw.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { FLAGSHIP_FILES, fuzzInputs, inputAt } from './inputs.ts';
import { fuzzTarget } from './pipeline.ts';

const SEED = 20261206;
const RUNS = 200;

describe('fuzz campaign (in-suite slice)', () => {
  const target = fuzzTarget(tempDir('fuzz'), FLAGSHIP_FILES);
  afterAll(() => target.dispose());

  it(`${RUNS} inputs of seed ${SEED}: no input throws`, { timeout: 300_000 }, async () => {
    const inputs = fuzzInputs();
    const crashes: string[] = [];
    let rendered = 0;
    for (let index = 0; index < RUNS; index++) {
      const input = inputAt(inputs, SEED, index);
      try {
        if ((await target.run(input.markdown, input.fileName)).htmlBytes > 0) rendered++;
      } catch (error) {
        // Rerun one with: node test/fuzz/campaign.ts --seed SEED --index N
        crashes.push(`index ${index}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    expect(crashes).toEqual([]);
    // The renderers are reached, not only the parser and the rules.
    expect(rendered).toBeGreaterThan(RUNS / 10);
  });
});
