/** Errors that stop a command before any finding: bad usage (exit code 2) or a missing program (exit code 3). */

/** A program proofdeck needs (chromium, a compiler) is not installed; the message names the fix. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

/**
 * Snippets would run without the bubblewrap sandbox (missing, or its test start failed) and the user did not
 * opt in with `--unsafe-no-sandbox`: proofdeck fails closed (exit code 3) rather than run untrusted code.
 */
export class SandboxUnavailableError extends MissingToolError {
  override name = 'SandboxUnavailableError';
}

/** The output cannot be written (disk full, read-only, no permission): exit code 3, the old output kept. */
export class OutputError extends MissingToolError {
  override name = 'OutputError';
}

/**
 * A command line that cannot be carried out: a path that is no deck, an unknown theme, an existing folder for `new`.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
