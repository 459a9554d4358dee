/** The site's run-time files: fonts (shared with the decks), stylesheet, page script and the search engine. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../config/package-root.ts';
import { BUILTIN_THEMES_DIR } from '../../config/themes.ts';
import { fontFiles, type OutputFile } from '../../runtime/files.ts';
import { SITE_PATHS } from './nav.ts';

const require = createRequire(import.meta.url);
const CLIENT_SCRIPT = path.join(PACKAGE_ROOT, 'src', 'render', 'site', 'client', 'site.js');

/** minisearch's browser build, without its source-map comment (the map is not shipped, so nothing asks for it). */
function minisearchScript(): string {
  const file = path.join(path.dirname(require.resolve('minisearch')), '..', 'umd', 'index.js');
  return readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/** Files under `dist/site/_proofdeck/`. */
export function siteRuntimeFiles(): OutputFile[] {
  return [
    ...fontFiles(),
    { path: `${SITE_PATHS.runtime}/site.css`, copyFrom: path.join(BUILTIN_THEMES_DIR, 'base', 'site.css') },
    { path: `${SITE_PATHS.runtime}/site.js`, copyFrom: CLIENT_SCRIPT },
    { path: `${SITE_PATHS.runtime}/minisearch.js`, content: minisearchScript() },
  ];
}
