/** The campaign's inputs: generated decks and mutated real decks, each reproducible from (seed, index). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { generatedDeck } from './grammar.ts';
import { mutatedDeck, readCorpus } from './mutate.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The flagship deck: mutated, and the yardstick of a slow input. */
export const FLAGSHIP = path.join(REPO, 'decks', 'rust-in-kernel', 'deck.md');

/** Data files of the flagship deck, copied beside every input so its mutations reach the renderers. */
export const FLAGSHIP_FILES = ['kernel-versions.yaml', 'milestones.yaml'].map((name) =>
  path.join(REPO, 'decks', 'rust-in-kernel', name),
);

/** One fuzz input: the deck file's text and name. */
export interface FuzzInput {
  markdown: string;
  fileName: string;
}

/** Three generated decks for every two mutated ones (flagship and fixture decks). */
export function fuzzInputs(): fc.Arbitrary<FuzzInput> {
  const corpus = readCorpus([path.join(REPO, 'decks'), path.join(REPO, 'test', 'fixtures')]);
  return fc.oneof({ weight: 3, arbitrary: generatedDeck }, { weight: 2, arbitrary: mutatedDeck(corpus) });
}

/** Input number `index` of the campaign with `seed`: the same pair always gives the same deck. */
export function inputAt(inputs: fc.Arbitrary<FuzzInput>, seed: number, index: number): FuzzInput {
  const [input] = fc.sample(inputs, { seed: (seed + index * 7919) | 0, numRuns: 1 });
  if (!input) throw new Error('fast-check produced no sample');
  return input;
}
