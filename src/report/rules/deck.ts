/** The `deck/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const deckRules = {
  'deck/empty-slide': {
    severity: 'warning',
    summary: 'A slide has no content.',
    help: 'Add content, or remove the heading; a section title slide needs no body.',
    docs: 'slides-and-sections',
  },
  'deck/heading-skip': {
    severity: 'warning',
    summary: 'A heading skips a level (## then ####).',
    help: 'Use the next level down (## then ###).',
    docs: 'slides-and-sections',
  },
  'deck/html-across-slides': {
    severity: 'error',
    summary: 'Raw HTML opened in one slide is closed in another, which breaks the slide structure.',
    help: 'Open and close the HTML element on the same slide.',
    docs: 'decks-from-other-tools-dialects',
  },
  'deck/limit': {
    severity: 'error',
    summary: 'The deck is too large or too deeply nested (file size, nesting depth, table rows).',
    help: 'Split the deck into smaller files, flatten the nesting or move large tables into data files.',
    docs: 'command-line',
  },
  'deck/line-spec': {
    severity: 'error',
    summary: "A code block's line-highlight spec ({1-2|4}) does not parse.",
    help: 'Write line numbers and ranges separated by , and steps by |, e.g. {1-2|4|all}.',
    docs: 'code',
  },
  'deck/malformed-url': {
    severity: 'error',
    summary: 'A link or image URL has a malformed %-escape.',
    help: 'Write % as %25, or fix the escape (two hex digits after %).',
    docs: 'images-and-other-files',
  },
  'deck/missing-asset': {
    severity: 'error',
    summary: 'An image or linked file does not exist.',
    help: 'Fix the path (relative to the markdown file) or add the file.',
    docs: 'images-and-other-files',
  },
  'deck/outside-project': {
    severity: 'error',
    summary: 'A file a deck names lies outside the project (also through a symlink).',
    help: 'Copy the file into the project folder and refer to it there.',
    docs: 'images-and-other-files',
  },
  'deck/setext-heading': {
    severity: 'error',
    summary: 'A line under text turned it into a setext heading instead of a slide break.',
    help: 'Put a blank line before the --- slide break.',
    docs: 'slides-and-sections',
  },
  'deck/slide-attribute': {
    severity: 'error',
    summary: 'A slide attribute is unknown or has an invalid value.',
    help: 'Use one of the attributes listed under Per-slide attributes, with a valid value.',
    docs: 'per-slide-attributes',
  },
  'deck/stray-fence': {
    severity: 'error',
    summary: 'A code fence is never closed.',
    help: 'Close the fence with the same number of backticks that opened it.',
    docs: 'code',
  },
  'deck/unclosed-container': {
    severity: 'error',
    summary: 'A ::: container is not closed, or closed twice.',
    help: 'End every ::: container with a line holding only :::.',
    docs: 'two-columns',
  },
  'deck/unknown-directive': {
    severity: 'error',
    summary: 'A :directive proofdeck does not know.',
    help: 'Use a directive proofdeck knows, or put a backslash before the colon for literal text.',
    docs: 'writing-a-deck',
  },
  'deck/overflow': {
    severity: 'warning',
    summary:
      'Slide content does not fit the slide: cut off on screen and in the PDF (measured in chromium by `build`).',
    help: 'A line too wide: wrap it. A slide too tall: split it with ---. Code shrinks to fit down to 18 px by itself.',
    docs: 'code-that-fits-the-slide',
  },
} as const satisfies Record<string, Rule>;
