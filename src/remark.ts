/**
 * `proofdeck/remark`: the snippet-proving remark plugin as a default export, which is how remark-cli
 * and unified-engine load plugins (`remark --use proofdeck/remark`).
 */
import { remarkProofdeck } from './check/snippet/remark-plugin.ts';

export { remarkProofdeck, type RemarkProofdeckOptions } from './check/snippet/remark-plugin.ts';
export default remarkProofdeck;
