/** "Did you mean" hints: the nearest known name to a mistyped one, by edit distance. */

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `wanted` (ties: alphabetical), when it is close enough to be a likely typo. */
export function closest(
  wanted: string,
  candidates: Iterable<string>,
  limit = Math.max(2, Math.floor(wanted.length / 3)),
): string | undefined {
  let best: { id: string; cost: number } | undefined;
  for (const id of [...candidates].sort()) {
    const cost = editDistance(wanted, id);
    if (cost <= limit && (!best || cost < best.cost)) best = { id, cost };
  }
  return best?.id;
}
