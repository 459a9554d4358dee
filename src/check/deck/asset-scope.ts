/**
 * Rules `deck/outside-project` (a path that leaves the project, directly or through a symlink) and
 * `deck/malformed-url` (a `%` escape that does not decode): such files are never copied into dist/.
 */
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';
import type { AssetPlan } from '../../links/assets.ts';

/** Reports each reference that escapes the project or cannot be decoded, at the reference. */
export function checkAssetScope(plan: AssetPlan, file: VFile): void {
  for (const { url, position } of plan.outside) {
    addError(
      file,
      `${url} lies outside the project`,
      position?.start,
      'deck/outside-project',
      'Files a deck names must be inside the project folder (symlinks are followed); copy the file in.',
    );
  }
  for (const { url, position } of plan.malformed) {
    addError(
      file,
      `malformed %-escape in ${url}`,
      position?.start,
      'deck/malformed-url',
      'A % must be followed by two hex digits; write %25 for a literal %.',
    );
  }
}
