import { MissingToolError, UsageError } from '../model/errors.ts';

/** Fixed exit codes, as documented in the README. */

export const EXIT = { ok: 0, findings: 1, usage: 2, missingTool: 3, internal: 70 } as const;

/** Maps an error thrown by the library to an exit code; anything unexpected is an internal error. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof MissingToolError) return EXIT.missingTool;
  return EXIT.internal;
}
