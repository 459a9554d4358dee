/** Errors that stop a command before any finding: bad usage (exit code 2) or a missing program (exit code 3). */

/** A program proofdeck needs (chromium, a compiler) is not installed; the message names the fix. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

/**
 * A command line that cannot be carried out: a path that is no deck, an unknown theme, an existing folder for `new`.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
