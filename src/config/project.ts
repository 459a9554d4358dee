/**
 * The talk repository's own settings: `proofdeck.config.yaml` (or `.yml`, `.json`) at its root. Every
 * key is optional; a problem is an error at its line and column in the config file, which stops the
 * build like a deck error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { VFile } from 'vfile';
import { addError } from '../report/messages.ts';
import { UsageError } from '../model/errors.ts';
import { z } from './zod.ts';
import { BADGE_MODES } from '../model/deck.ts';

const CONFIG_FILES = ['proofdeck.config.yaml', 'proofdeck.config.yml', 'proofdeck.config.json'] as const;

const projectConfigSchema = z.strictObject({
  site: z.optional(
    z.strictObject({
      /** Title of the docs site's pages. @default 'Talks' */
      title: z.optional(z.string().check(z.minLength(1))),
      /** Public URL or path of dist/site/ (as `--base`, which wins). */
      base: z.optional(z.string().check(z.regex(/^(\/|https?:\/\/)/, 'expected a path starting with / or a URL'))),
    }),
  ),
  /** Theme of decks whose frontmatter names none. @default 'dark' */
  theme: z.optional(z.string().check(z.minLength(1))),
  /** Badges of decks whose frontmatter sets none. @default 'compact' */
  badges: z.optional(z.enum(BADGE_MODES)),
  snippets: z.optional(
    z.strictObject({
      /** Compilers of C and C++ blocks without `cc=`. @default 'both' */
      cc: z.optional(z.enum(['gcc', 'clang', 'both'])),
      /** Edition of Rust blocks without `editionNNNN`. @default '2021' */
      edition: z.optional(z.enum(['2015', '2018', '2021', '2024'])),
      /** `all`: every block not proved is an error in every deck (a deck's `proofs:` wins). @default 'optional' */
      proofs: z.optional(z.enum(['all', 'optional'])),
    }),
  ),
  paths: z.optional(
    z.strictObject({
      /** Folders outside the project (relative to it) that images, includes and data files may come from. */
      allow: z.optional(z.array(z.string().check(z.minLength(1)))),
    }),
  ),
});

export type ProjectConfig = z.infer<typeof projectConfigSchema>;

/** The config and the file it came from (whose messages hold its problems); none is an empty config. */
export interface LoadedConfig {
  config: ProjectConfig;
  file?: VFile;
}

const HINT =
  'Keys: site.title, site.base, theme, badges, snippets.cc, snippets.edition, snippets.proofs, paths.allow ' +
  '(see the README).';

/** Reads and validates the project's config file; `knownThemes` checks `theme`. */
export function loadProjectConfig(root: string, knownThemes?: ReadonlySet<string>): LoadedConfig {
  const found = CONFIG_FILES.map((name) => path.join(root, name)).filter((file) => existsSync(file));
  const [first, second] = found;
  if (!first) return { config: {} };
  const file = new VFile({ path: first, cwd: process.cwd(), value: readFileSync(first, 'utf8') });
  if (second) {
    addError(
      file,
      `two config files: ${path.basename(first)} and ${path.basename(second)}`,
      { line: 1, column: 1 },
      'config/invalid',
      'Keep one of them.',
    );
    return { config: {}, file };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(String(file.value), { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      addError(
        file,
        `invalid ${first.endsWith('.json') ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]}`,
        at(error.pos[0]),
        'config/syntax',
        'Fix the syntax of the config file.',
      );
    return { config: {}, file };
  }
  const parsed = projectConfigSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        const where = key === undefined ? issue.path : [...issue.path, key];
        const name = where.map(String).join('.');
        addError(
          file,
          key === undefined ? `"${name}": ${issue.message}` : `unknown key "${name}"`,
          at(offsetOf(doc.contents, where, key !== undefined)),
          'config/invalid',
          HINT,
        );
      }
    }
    return { config: {}, file };
  }
  const theme = parsed.data.theme;
  if (theme !== undefined && knownThemes && !knownThemes.has(theme)) {
    addError(
      file,
      `unknown theme "${theme}"`,
      at(offsetOf(doc.contents, ['theme'], false)),
      'config/invalid',
      `Available themes: ${[...knownThemes].join(', ')} (folders under themes/).`,
    );
    return { config: {}, file };
  }
  const missing = (parsed.data.paths?.allow ?? []).filter((folder) => !isFolder(path.resolve(root, folder)));
  for (const folder of missing)
    addError(
      file,
      `paths.allow: no folder "${folder}"`,
      at(offsetOf(doc.contents, ['paths', 'allow'], false)),
      'config/invalid',
      'Allowed folders are relative to the project root and must exist.',
    );
  if (missing.length > 0) return { config: {}, file };
  return { config: parsed.data, file };
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Folders outside the project that a deck's files may come from: the config's `paths.allow` (relative to
 * `root`) and `--allow-path` (relative to the working folder). A missing `--allow-path` is a usage error.
 */
export function allowedFolders(root: string, config: ProjectConfig, cliPaths: readonly string[] = []): string[] {
  for (const folder of cliPaths)
    if (!isFolder(path.resolve(folder))) throw new UsageError(`--allow-path: no folder "${folder}"`);
  return [
    ...(config.paths?.allow ?? []).map((folder) => path.resolve(root, folder)),
    ...cliPaths.map((folder) => path.resolve(folder)),
  ];
}

/** Where the value (or, for an unknown key, the key) at `keys` starts; the nearest existing parent otherwise. */
function offsetOf(node: unknown, keys: readonly PropertyKey[], wantKey: boolean): number {
  let current = node as YamlNode | null | undefined;
  let offset = current?.range?.[0] ?? 0;
  for (const [index, key] of keys.entries()) {
    if (!isMap(current)) break;
    const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    if (!pair) break;
    const last = index === keys.length - 1;
    const target = (last && wantKey ? pair.key : pair.value) as YamlNode | null;
    offset = target?.range?.[0] ?? offset;
    current = target;
  }
  return offset;
}
