/** Rule `deck/missing-asset`: an image, background or linked file that does not exist. */
import type { VFile } from 'vfile';
import type { AssetPlan } from '../../links/assets.ts';
import { addError } from '../../report/messages.ts';

/** Reports each reference whose file is missing, at the reference. */
export function checkMissingAssets(plan: AssetPlan, file: VFile): void {
  for (const { url, position } of plan.missing) {
    addError(
      file,
      `file not found: ${url}`,
      position?.start,
      'deck/missing-asset',
      "Paths are relative to the deck's markdown file.",
    );
  }
}
