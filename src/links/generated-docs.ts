/**
 * Rule `links/generated-docs`: a link to an HTML page that is not in the project, such as a book chapter's
 * `../std/index.html` into rustdoc's output. Such pages exist only after a documentation build, so nothing
 * here can check them; the warning says so instead of calling them broken (an error) or passing them silently.
 */
import type { VFile } from 'vfile';
import { addWarning } from '../report/messages.ts';
import type { AssetPlan } from './assets.ts';

const REASONS = {
  outside: 'it lies outside the project',
  missing: 'no such file is in the project',
} as const;

/** Reports each link into generated documentation, with the reason it cannot be checked. */
export function checkGeneratedDocLinks(plan: AssetPlan, file: VFile): void {
  for (const { url, position, reason } of plan.generated)
    addWarning(
      file,
      `${url} is not checked: ${REASONS[reason]}, so it can only be a page a docs build generates (rustdoc, mdBook)`,
      position?.start,
      'links/generated-docs',
      'Check it after building the docs (e.g. with a link checker on the built site), or link the source instead.',
    );
}
