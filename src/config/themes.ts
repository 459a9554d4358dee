/** Deck themes: folders under `themes/` with a `theme.css` and a `theme.json`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from './zod.ts';
import { PACKAGE_ROOT } from './package-root.ts';

/** A resolved theme. */
export interface Theme {
  name: string;
  css: string;
  /** shiki theme used for code on this theme's background. */
  shiki: string;
  /** `light` or `dark`: picks mermaid's and the site's palette. */
  appearance: 'light' | 'dark';
  /** mermaid `initialize` settings (theme and themeVariables) matching the palette. */
  mermaid: Record<string, unknown>;
}

const themeJson = z.strictObject({
  shiki: z.string(),
  appearance: z.enum(['light', 'dark']),
  mermaid: z._default(z.record(z.string(), z.unknown()), {}),
});

/** Themes that ship with proofdeck. */
export const BUILTIN_THEMES_DIR = path.join(PACKAGE_ROOT, 'themes');

/** Finds the themes in the project's `themes/` folder and the built-in ones (the project's win). */
export function discoverThemes(projectRoot: string): Map<string, Theme> {
  const themes = new Map<string, Theme>();
  for (const dir of [BUILTIN_THEMES_DIR, path.join(projectRoot, 'themes')]) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const folder = path.join(dir, entry.name);
      if (
        !entry.isDirectory() ||
        !existsSync(path.join(folder, 'theme.css')) ||
        !existsSync(path.join(folder, 'theme.json'))
      )
        continue;
      const settings = themeJson.parse(JSON.parse(readFileSync(path.join(folder, 'theme.json'), 'utf8')));
      themes.set(entry.name, { name: entry.name, css: path.join(folder, 'theme.css'), ...settings });
    }
  }
  return themes;
}
