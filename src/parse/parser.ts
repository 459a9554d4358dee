/** The markdown front end: remark with GFM, YAML frontmatter and directives. */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { restoreStrayTextDirectives } from './directives.ts';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();

/** Parses a markdown file into mdast. Never throws on content: micromark accepts every input. */
export function parseMarkdown(file: VFile): Root {
  const tree = processor.parse(file);
  restoreStrayTextDirectives(tree, String(file.value));
  return tree;
}
