/** Which dialect a markdown source is written in: named with `--from`, or said by its frontmatter. */
import { parse as parseYaml } from 'yaml';

export const DIALECTS = ['proofdeck', 'marp', 'slidev'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** Headmatter keys only Slidev uses (`title`, `theme`, `transition` are proofdeck keys too). */
const SLIDEV_KEYS = new Set([
  'layout',
  'highlighter',
  'lineNumbers',
  'info',
  'drawings',
  'canvasWidth',
  'aspectRatio',
  'colorSchema',
  'mdc',
  'fonts',
  'download',
  'exportFilename',
  'routerMode',
  'monaco',
  'themeConfig',
  'hideInToc',
  'presenter',
  'selectable',
  'record',
  'addons',
  'seoMeta',
  'favicon',
  'defaults',
  'src',
  'background',
  'class',
  'clicks',
  'htmlAttrs',
  'contextMenu',
  'wakeLock',
  'browserExporter',
  'twoslash',
  'remoteAssets',
  'codeCopy',
]);

/** The YAML of a leading `---` block, or undefined. */
export function leadingFrontmatter(source: string): Record<string, unknown> | undefined {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(source);
  if (!match) return undefined;
  try {
    const data: unknown = parseYaml(match[1] ?? '');
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `marp: true` is Marp; a Slidev-only headmatter key is Slidev; anything else is native proofdeck. */
export function detectDialect(source: string): Dialect {
  const data = leadingFrontmatter(source);
  if (!data) return 'proofdeck';
  if (data.marp === true) return 'marp';
  if (Object.keys(data).some((key) => SLIDEV_KEYS.has(key))) return 'slidev';
  return 'proofdeck';
}
