/** `--check-external`: asks each external URL once (HEAD, then GET when HEAD is refused) and warns about dead ones. */
import pLimit from 'p-limit';
import { addWarning } from '../report/messages.ts';
import type { ExternalLink } from './check.ts';

/** Options for {@link checkExternalLinks}. */
export interface ExternalCheckOptions {
  /** The fetch to use; tests pass a fake, so no test ever reaches the network. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-request limit in milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Requests in flight at once. @default 8 */
  concurrency?: number;
}

/** Why a URL failed, or undefined when it answered with a non-error status. */
async function probe(url: string, doFetch: typeof fetch, timeoutMs: number): Promise<string | undefined> {
  try {
    let response = await doFetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    // Many servers refuse HEAD (405, 403, 501) but serve GET.
    if (response.status >= 400)
      response = await doFetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    return response.status >= 400 ? `HTTP ${response.status}` : undefined;
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError'
      ? `no answer within ${timeoutMs} ms`
      : `unreachable (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Checks every distinct URL and adds a `links/external` warning at each link to a failing one. */
export async function checkExternalLinks(
  links: readonly ExternalLink[],
  options: ExternalCheckOptions = {},
): Promise<void> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const limit = pLimit(options.concurrency ?? 8);
  const urls = [...new Set(links.map((link) => link.url))].sort();
  const failures = new Map<string, string>();
  await Promise.all(
    urls.map((url) =>
      limit(async () => {
        const problem = await probe(url.startsWith('//') ? `https:${url}` : url, doFetch, timeoutMs);
        if (problem) failures.set(url, problem);
      }),
    ),
  );
  for (const link of links) {
    const problem = failures.get(link.url);
    if (problem)
      addWarning(
        link.file,
        `external link ${link.url}: ${problem}`,
        link.place,
        'links/external',
        'Fix or remove the link; external links are only checked with --check-external.',
      );
  }
}
