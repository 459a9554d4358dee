/**
 * `proofdeck/remark`: the snippet-proving remark plugin as a default export, which is how remark-cli
 * and unified-engine load plugins (`remark --use proofdeck/remark`).
 */
import { remarkProofdeck } from './snippet/check/remark-plugin.ts';

export { remarkProofdeck, type RemarkProofdeckOptions } from './snippet/check/remark-plugin.ts';
export default remarkProofdeck;
