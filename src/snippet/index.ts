/** The snippet engine's public API: extract → verify → report, plus the pieces a CLI or a test needs. */
export { extractSnippets, snippetLang, type ExtractOptions } from './extract.ts';
export { verifySnippets, findMissingTools, type VerifyOptions } from './check/verify.ts';
export { reportSnippetResults } from './check/report-results.ts';
export { defaultCacheDir } from '../exec/cache.ts';
export { DEFAULT_LIMITS, type StepLimits } from '../exec/job-dir.ts';
export { probeSandbox, type Sandbox, type SandboxLimits } from '../exec/sandbox.ts';
export {
  createToolchainSet,
  discoverToolchain,
  MissingToolchainError,
  type Toolchain,
  type ToolchainSet,
  type ToolName,
} from '../exec/toolchains.ts';
export type { Snippet, SnippetResult, SnippetFinding, ToolRun, ToolDiagnostic, Expectation } from '../model/snippet.ts';
