/** Errors about the environment rather than the user's content: they stop the build with exit code 3. */

/** A program proofdeck needs (chromium, a compiler) is not installed; the message names the fix. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}
