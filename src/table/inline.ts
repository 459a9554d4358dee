/** Data-file values are inline markdown (`` `CONFIG_RUST`, x86_64 ``): parsed the way a table cell is. */
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from '../parse/visit.ts';
import { collapseWhitespace, type Content } from './values.ts';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Text that is never markdown syntax within one trimmed line: no emphasis (an underscore only inside
 * a word, as in x86_64), no links, autolinks, entities, escapes or HTML.
 */
const PLAIN_TEXT = /^(?:[\p{L}\p{N} .,;:()'"+=%/?\p{Pd}]|(?<=[\p{L}\p{N}])_+(?=[\p{L}\p{N}]))*$/u;
const AUTOLINK_LITERAL = /www\.|:\/\//i;
/** A list item marker: micromark then reads a block, which {@link parseInline} keeps as literal text. */
const LIST_MARKER = /^(?:[-+]|\d{1,9}[.)])(?:\s|$)/;
/**
 * A code span of single backticks (a longer backtick run is another delimiter) whose content needs no space stripping.
 */
const CODE_SPAN = /(?<!`)`([^`\s\p{Cc}](?:[^`\p{Cc}]*[^`\s\p{Cc}])?)`(?!`)/u;

/**
 * The phrasing content of values made of plain text and simple code spans ("6.1", "`CONFIG_RUST`,
 * x86_64"), which are most data values; undefined for anything else. micromark gives the same
 * result (property-tested) but costs most of a cold table check.
 */
function plainContent(text: string): PhrasingContent[] | undefined {
  if (AUTOLINK_LITERAL.test(text) || LIST_MARKER.test(text)) return undefined;
  const parts = text.split(CODE_SPAN);
  const content: PhrasingContent[] = [];
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 1) content.push({ type: 'inlineCode', value: part });
    else if (!PLAIN_TEXT.test(part)) return undefined;
    else if (part !== '') content.push({ type: 'text', value: part });
  }
  return content;
}

/** Parses one value as phrasing content, without positions (they would point into the data file). */
export function parseInline(value: string): PhrasingContent[] {
  // Line breaks cannot live in a table cell; a block-looking value ("- x", "# x") stays literal text.
  const text = value.replace(/\s*(?:\r\n?|\n)\s*/g, ' ').trim();
  const plain = plainContent(text);
  if (plain) return plain;
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
  return contentOf(parseInline(value));
}

/** {@link inlineContent} of an already parsed value. */
export function contentOf(children: readonly PhrasingContent[]): Content {
  let hasLink = false;
  for (const child of children) {
    visit(child, (node) => {
      if (node.type === 'link' || node.type === 'linkReference') hasLink = true;
    });
  }
  return { text: collapseWhitespace(children.map((child) => toString(child)).join('')), hasLink };
}
