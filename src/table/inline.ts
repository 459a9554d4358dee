/** Data-file values are inline markdown (`` `CONFIG_RUST`, x86_64 ``): parsed the way a table cell is. */
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Content } from './values.ts';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Characters that never start markdown syntax inside one trimmed line (no emphasis, code, links,
 * autolinks, entities, escapes or HTML): most data values ("6.1", "Rust for Linux", "x86_64" does
 * not qualify) are plain text, and skipping micromark for them saves most of a cold table check.
 */
const PLAIN_TEXT = /^[\p{L}\p{N} .,;()'"+=%/?-]*$/u;

/** Parses one value as phrasing content, without positions (they would point into the data file). */
export function parseInline(value: string): PhrasingContent[] {
  // Line breaks cannot live in a table cell; a block-looking value ("- x", "# x") stays literal text.
  const text = value.replace(/\s*\n\s*/g, ' ').trim();
  if (PLAIN_TEXT.test(text)) return text === '' ? [] : [{ type: 'text', value: text }];
  const root = processor.parse(text);
  const only = root.children.length === 1 ? root.children[0] : undefined;
  if (only?.type !== 'paragraph') return text === '' ? [] : [{ type: 'text', value: text }];
  visit(only, (node) => {
    delete node.position;
  });
  return only.children;
}

/** What a value means for comparisons: its plain text, and whether it holds a link. */
export function inlineContent(value: string): Content {
  const children = parseInline(value);
  let hasLink = false;
  for (const child of children) {
    visit(child, (node) => {
      if (node.type === 'link' || node.type === 'linkReference') hasLink = true;
    });
  }
  return { text: children.map((child) => toString(child)).join('').trim().replace(/\s+/g, ' '), hasLink };
}
