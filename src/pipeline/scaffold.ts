/** `proofdeck new <name>`: a deck that builds and checks green, showing the main features. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.ts';

/** The scaffold's markdown. */
function scaffoldMarkdown(name: string): string {
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

The section's title slide: press the down arrow for its slides.

:::notes
Speaker notes: press S in the deck to open the speaker view. They are also in the handout PDF.
:::

## Points, one at a time

:::incremental
- Every C and Rust block is compiled when you build
- Every table can be checked
- Diagrams are drawn at build time
:::

:::notes
Notes for this slide.
:::

## A bug, proved

:::::columns
::::column
\`\`\`c id=c-uaf asan=heap-use-after-free
char *p = malloc(8);
free(p);
p[0] = 'x';
\`\`\`
::::
::::column
\`\`\`rust compile_fail,E0382 id=rs-uaf
let p = Box::new(8u8);
drop(p);
println!("{p}");
\`\`\`
::::
:::::

:::notes
The C block must be caught by AddressSanitizer with gcc and clang; the Rust block must be rejected
with error E0382. If either stops being true, the build fails.
:::

## A checked table

:::table{key="Bug" evidence="C: detected; Rust: compile-error" rows=1}
| Bug | C | Rust |
|---|---|---|
| Use-after-free | Undefined behaviour :proof[c-uaf] | Rejected :proof[rs-uaf] |
:::

:::notes
Each mark links to the snippet that proves the cell.
:::

## A diagram

\`\`\`mermaid caption="How a build flows" alt="Markdown is parsed, checked, then rendered to a deck, PDFs and a site."
flowchart LR
  A[Markdown] --> B[Checks]
  B --> C[Deck]
  B --> D[PDFs]
  B --> E[Site]
\`\`\`

:::notes
Mermaid diagrams are rendered to SVG when you build, so they look the same in the deck and the PDF.
:::
`;
}

/** Writes `decks/<name>/deck.md` under `root`; refuses to overwrite. Returns the file written. */
export function scaffoldDeck(root: string, name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(name))
    throw new UsageError(`deck name "${name}" must be letters, digits and dashes`);
  const dir = path.join(root, 'decks', name);
  const file = path.join(dir, 'deck.md');
  if (existsSync(file)) throw new UsageError(`${path.relative(root, file)} already exists`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, scaffoldMarkdown(name));
  return path.relative(root, file);
}

/**
 * Writes a `.gitignore` for a project that has none. `dist` has no trailing slash: it is a symlink to the current
 * output generation, and git's `dist/` matches directories only. Returns the file written, if any.
 */
export function scaffoldGitignore(root: string): string | undefined {
  const file = path.join(root, '.gitignore');
  if (existsSync(file)) return undefined;
  writeFileSync(file, 'node_modules/\ndist\n.dist-generations/\n');
  return '.gitignore';
}
