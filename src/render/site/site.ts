/** Renders the docs site: home, one article per deck and page, verification, search index, sitemap and 404. */
import { indexDocs } from '../../links/resolve.ts';
import type { OutputFile } from '../../runtime/files.ts';
import { renderArticle } from './article.ts';
import { normaliseBase, renderNotFound, renderSitemap } from './extras.ts';
import { renderHome } from './home.ts';
import { renderPage, type SiteChrome } from './layout.ts';
import { assertUniqueNames, docPath, navEntries, orderDocs, SITE_PATHS } from './nav.ts';
import { siteRuntimeFiles } from './runtime.ts';
import { searchIndexScript, type SearchRecord } from './search.ts';
import { renderToc } from './toc.ts';
import type { SiteInput } from './site-input.ts';
import { renderVerification, toolVersions, verificationCounts } from './verification.ts';

function verificationLine(counts: ReturnType<typeof verificationCounts>): string {
  const { snippets, failed, tables, failedTables, ignored } = counts;
  if (snippets + tables === 0) return 'Nothing here needed compiling or checking.';
  if (failed + failedTables > 0)
    return `${failed} of ${snippets} snippets and ${failedTables} of ${tables} tables failed verification.`;
  const parts = [
    snippets > 0 ? `${snippets} code snippet${snippets === 1 ? '' : 's'}` : '',
    tables > 0 ? `${tables} table${tables === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return (
    `All ${parts.join(' and ')} verified at build time` +
    `${ignored > 0 ? ` (${ignored} more shown only, not compiled)` : ''}.`
  );
}

/**
 * The site's files, paths relative to `dist/site/`, sorted by path. Pure apart from reading the runtime
 * files; the same input always gives the same bytes (no dates, sorted iteration).
 */
export function renderSite(input: SiteInput): OutputFile[] {
  assertUniqueNames(input.docs);
  const title = input.title ?? 'Talks';
  const base = normaliseBase(input.base);
  const pdf = input.pdf ?? true;
  const tables = input.tables ?? [];
  const { decks, pages } = orderDocs(input.docs);
  const index = indexDocs(input.docs.map((doc) => doc.deck));
  const nav = navEntries(decks, pages);
  const chrome: SiteChrome = { title, nav, verification: verificationLine(verificationCounts(input.docs, tables)) };
  const files = new Map<string, OutputFile>();
  const add = (file: OutputFile) => files.set(file.path, file);
  const records: SearchRecord[] = [];

  add({
    path: SITE_PATHS.home,
    content: renderPage(
      {
        path: SITE_PATHS.home,
        title,
        description: `${title}: talks and documentation.`,
        main: renderHome(title, decks, pages, pdf),
      },
      chrome,
    ),
  });
  for (const doc of [...decks, ...pages]) {
    const { article, toc, search, assets } = renderArticle(doc, { index, pdf });
    const path = docPath(doc.deck.name);
    const { meta } = doc.deck;
    add({
      path,
      content: renderPage(
        {
          path,
          title: meta.title,
          description: meta.abstract ?? meta.subtitle ?? meta.title,
          main: [article],
          toc: renderToc(toc),
        },
        chrome,
      ),
    });
    assets.forEach(add);
    records.push(...search);
  }
  const tools = toolVersions(input.docs, input.toolchains);
  add({
    path: SITE_PATHS.verification,
    content: renderPage(
      {
        path: SITE_PATHS.verification,
        title: 'Verification',
        description: 'What every snippet and table was expected to do, and what happened.',
        main: renderVerification(decks.concat(pages), tables, tools),
      },
      chrome,
    ),
  });
  add({
    path: SITE_PATHS.notFound,
    content: renderPage(
      {
        path: SITE_PATHS.notFound,
        root: base,
        title: 'Page not found',
        description: 'Page not found.',
        main: renderNotFound(base),
      },
      chrome,
    ),
  });
  add({ path: SITE_PATHS.searchIndex, content: searchIndexScript(records) });
  add({
    path: 'sitemap.xml',
    content: renderSitemap(
      [...files.keys()].filter((path) => path.endsWith('.html')),
      base,
    ),
  });
  siteRuntimeFiles().forEach(add);
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
