/**
 * `--shard i/n`: which share of the work one CI matrix job does. Work items (decks, snippets) are dealt
 * round-robin in a fixed order (decks sorted by name, snippets in source order), so every job computes
 * the same split from the same sources with no coordination, and shares differ by at most one item.
 */
import { UsageError } from './errors.ts';

/** One job's share: `index` counts from 1, like GitHub's `strategy.job-index + 1` and Playwright's --shard. */
export interface Shard {
  index: number;
  total: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); anything else is a usage error naming the expected form. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total)
    throw new UsageError(`--shard ${text}: expected i/n with 1 <= i <= n, e.g. --shard 2/4`);
  return { index, total };
}

/** Whether the item at `position` (0-based, in the fixed order) belongs to `shard`; every item does without one. */
export function inShard(position: number, shard: Shard | undefined): boolean {
  return shard === undefined || position % shard.total === shard.index - 1;
}

/** `i/n`, as reports name the shard. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.total}`;
}
