/** The files every deck needs at run time: reveal.js, fonts and the theme, all local (no CDN). */
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_THEMES_DIR, type Theme } from '../config/themes.ts';

/** Folder inside `dist/<deck>/` holding the runtime. */
export const RUNTIME_DIR = '_proofdeck';

/** A file to write: bytes, or a file to copy. */
export type OutputFile = { path: string; content: string | Uint8Array } | { path: string; copyFrom: string };

const require = createRequire(import.meta.url);

/** The installed folder of an npm package (walks up from its entry point: not every package exports package.json). */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== name.split('/').at(-1)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of npm package ${name}`);
    dir = parent;
  }
  return dir;
}

/** Font families shipped with every deck: the fontsource CSS files to read, and which subsets to keep. */
const FONT_SOURCES = [
  { pkg: '@fontsource/source-sans-3', css: ['400.css', '400-italic.css', '600.css', '700.css'] },
  { pkg: '@fontsource/jetbrains-mono', css: ['400.css', '700.css'] },
];
const KEPT_SUBSETS = /-(latin|latin-ext)-\d+-(normal|italic)\.woff2/;

/** Builds `fonts.css` (latin and latin-ext, woff2 only) and lists the font files it points at. */
export function fontFiles(): OutputFile[] {
  const files: OutputFile[] = [];
  const rules: string[] = [];
  for (const source of FONT_SOURCES) {
    const dir = packageDir(source.pkg);
    for (const cssName of source.css) {
      const css = readFileSync(path.join(dir, cssName), 'utf8');
      for (const block of css.split(/(?=\/\* )/)) {
        const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
        if (!woff2 || !KEPT_SUBSETS.test(woff2)) continue;
        rules.push(block.replace(/src: [^;]+;/, `src: url(./${woff2}) format('woff2');`).trim());
        files.push({ path: `${RUNTIME_DIR}/fonts/${woff2}`, copyFrom: path.join(dir, 'files', woff2) });
      }
    }
  }
  const katex = katexFiles();
  files.push(...katex.files);
  const css = `${rules.join('\n\n')}\n\n${katex.css}\n`;
  files.push({ path: `${RUNTIME_DIR}/fonts/fonts.css`, content: css });
  return files;
}

/**
 * KaTeX's stylesheet rides along in fonts.css, which deck, handout, site and the diagram page all load: math
 * then looks the same everywhere. Only woff2 is kept (every browser proofdeck targets reads it); a browser
 * fetches a font file only when a page uses it, so decks without math pay ~23 KB of CSS.
 */
function katexFiles(): { files: OutputFile[]; css: string } {
  const dist = path.join(packageDir('katex'), 'dist');
  const css = readFileSync(path.join(dist, 'katex.min.css'), 'utf8').replace(
    /src:url\(fonts\/([\w-]+\.woff2)\) format\("woff2"\)[^;}]*/g,
    (_all, woff2: string) => `src:url(katex/${woff2}) format("woff2")`,
  );
  const files = readdirSync(path.join(dist, 'fonts'))
    .filter((name) => name.endsWith('.woff2'))
    .sort()
    .map((name) => ({ path: `${RUNTIME_DIR}/fonts/katex/${name}`, copyFrom: path.join(dist, 'fonts', name) }));
  return { files, css };
}

/** reveal.js core, the speaker-notes and zoom plugins, copied from npm. */
export function revealFiles(): OutputFile[] {
  const dist = path.join(packageDir('reveal.js'), 'dist');
  return [
    { path: `${RUNTIME_DIR}/reveal/reveal.css`, copyFrom: path.join(dist, 'reveal.css') },
    { path: `${RUNTIME_DIR}/reveal/reveal.js`, copyFrom: path.join(dist, 'reveal.js') },
    { path: `${RUNTIME_DIR}/reveal/notes.js`, copyFrom: path.join(dist, 'plugin', 'notes.js') },
    { path: `${RUNTIME_DIR}/reveal/zoom.js`, copyFrom: path.join(dist, 'plugin', 'zoom.js') },
  ];
}

/** Inlines local `@import url('…')` rules so the theme is one file wherever it is copied. */
function inlineCssImports(cssPath: string, seen: ReadonlySet<string> = new Set()): string {
  const css = readFileSync(cssPath, 'utf8');
  return css.replace(/@import url\(['"]?([^'")]+)['"]?\);?/g, (rule, target: string) => {
    if (/^[a-z]+:/i.test(target)) return rule;
    const file = path.resolve(path.dirname(cssPath), target);
    return seen.has(file) ? '' : inlineCssImports(file, new Set([...seen, cssPath]));
  });
}

/** The theme's stylesheet, as one file, and the handout's page styles. */
export function themeFiles(theme: Theme): OutputFile[] {
  return [
    { path: `${RUNTIME_DIR}/theme.css`, content: inlineCssImports(theme.css) },
    { path: `${RUNTIME_DIR}/handout.css`, copyFrom: path.join(BUILTIN_THEMES_DIR, 'base', 'handout.css') },
  ];
}
