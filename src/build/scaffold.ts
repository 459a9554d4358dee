/** `proofdeck new <name>`: a deck that builds and checks green, showing the main features. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './discover.ts';

/** The scaffold's markdown. */
export function scaffoldMarkdown(name: string): string {
  const title = name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  return `---
title: ${title}
subtitle: A proofdeck talk
author: Your Name
date: 2026-01-01
event: Your Conference
theme: dark
abstract: One or two sentences about the talk, shown on the docs site.
---

# First section

The section's title slide.

:::notes
Speaker notes: press S in the deck to open the speaker view.
:::

## A slide

:::incremental
- Points appear
- one at a time
:::

:::notes
Notes for this slide.
:::

## Two columns

::::columns
:::column
\`\`\`c {2}
int answer(void) {
    return 42;
}
\`\`\`
:::
:::column
\`\`\`rust
fn answer() -> i32 {
    42
}
\`\`\`
:::
::::

:::notes
Code is highlighted at build time.
:::
`;
}

/** Writes `decks/<name>/deck.md` under `root`; refuses to overwrite. Returns the file written. */
export function scaffoldDeck(root: string, name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(name)) throw new UsageError(`deck name "${name}" must be letters, digits and dashes`);
  const dir = path.join(root, 'decks', name);
  const file = path.join(dir, 'deck.md');
  if (existsSync(file)) throw new UsageError(`${path.relative(root, file)} already exists`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, scaffoldMarkdown(name));
  return path.relative(root, file);
}
