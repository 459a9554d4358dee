/**
 * Builds many Rust snippets as one crate, one module each, like rustdoc's merged doctests (2024
 * edition), then runs each from that one binary in its own sandbox. One rustc start-up and one link
 * instead of N is what makes cold checks cheaper than `rustdoc --test`.
 */
import type { Snippet, ToolDiagnostic, ToolRun } from '../model/snippet.ts';
import { runStep, withJobDir, type ExecContext } from './job-dir.ts';
import { compiledRun, executedRun } from './outcome.ts';
import { parseRustcDiagnostics } from './rustc-diagnostics.ts';
import { rustCompileArgs, rustEnv, rustNeedsRun, RUST_SOURCE, runRustJob } from './rust-job.ts';
import { sandboxPaths } from './sandbox.ts';
import type { Toolchain } from './toolchains.ts';

/** One snippet's place in the merged crate. */
interface MergedMember {
  snippet: Snippet;
  /** Merged line = program line + offset. */
  offset: number;
  lineCount: number;
}

/** Source of the merged crate and where each snippet sits in it. */
export interface MergedCrate {
  source: string;
  members: MergedMember[];
}

/** Items that only work at the crate root or that would collide between snippets. */
const ROOT_ONLY = new RegExp(
  String.raw`^\s*(#!\[|extern\s+crate\b|#\[macro_use\])|global_allocator|no_mangle|panic_handler|export_name|` +
    String.raw`link_section|macro_export|\$crate`,
  'm',
);

/**
 * True when the snippet can live in a module of a shared crate: it compiles without failing, it has
 * no crate-level items besides the injected `#![allow(unused)]`, and its edition resolves `std::`
 * paths from any module (2018+; in 2015 paths are relative to the current module).
 */
export function canMerge(snippet: Snippet): boolean {
  if (snippet.lang !== 'rust' || snippet.edition === '2015' || snippet.standalone === true) return false;
  const kind = snippet.expectation.kind;
  if (kind !== 'run' && kind !== 'panic' && kind !== 'compile') return false;
  const [first, ...rest] = snippet.program.split('\n');
  return first === '#![allow(unused)]' && !ROOT_ONLY.test(rest.join('\n'));
}

/** Lays the snippets out as modules `__pd_<n>` plus a `main` that dispatches on `PROOFDECK_SNIPPET`. */
export function mergeSnippets(snippets: Snippet[]): MergedCrate {
  const lines = ['#![allow(unused)]'];
  const members: MergedMember[] = [];
  snippets.forEach((snippet, index) => {
    lines.push(`mod __pd_${index} {`);
    const programLines = snippet.program.split('\n');
    members.push({ snippet, offset: lines.length, lineCount: programLines.length });
    lines.push(...programLines);
    // A snippet's `main` may return a Result: keep its Termination semantics (exit code 1 + "Error: …").
    lines.push('pub(crate) fn __proofdeck_entry() -> impl ::std::process::Termination { main() }', '}');
  });
  lines.push(
    'fn main() -> ::std::process::ExitCode {',
    '    use ::std::process::Termination;',
    '    match ::std::env::var("PROOFDECK_SNIPPET").as_deref() {',
  );
  snippets.forEach((_snippet, index) =>
    lines.push(`        Ok("${index}") => __pd_${index}::__proofdeck_entry().report(),`),
  );
  lines.push('        _ => ::std::process::ExitCode::from(2),', '    }', '}', '');
  return { source: lines.join('\n'), members };
}

function memberOf(crate: MergedCrate, line: number): MergedMember | undefined {
  return crate.members.find((member) => line > member.offset && line <= member.offset + member.lineCount);
}

function shift(diagnostic: ToolDiagnostic, member: MergedMember): ToolDiagnostic {
  if (diagnostic.programLine === undefined) return diagnostic;
  return { ...diagnostic, programLine: diagnostic.programLine - member.offset };
}

/**
 * Builds `snippets` together and runs those that need running. When the merged build fails, the
 * snippets that own an error are built on their own and the rest are merged again; if errors cannot be
 * attributed, every snippet is built on its own. The result is the same as building each alone.
 */
export async function runMergedRust(
  snippets: Snippet[],
  tool: Toolchain,
  context: ExecContext,
  attempt = 0,
): Promise<Map<Snippet, ToolRun>> {
  const results = new Map<Snippet, ToolRun>();
  if (snippets.length < 2 || attempt > 1) {
    await Promise.all(snippets.map(async (snippet) => results.set(snippet, await runRustJob(snippet, tool, context))));
    return results;
  }
  const crate = mergeSnippets(snippets);
  const degraded = context.sandbox.kind !== 'bwrap';
  const scaled = {
    ...context.limits.compile,
    wallMs: context.limits.compile.wallMs * 2,
    cpuSeconds: context.limits.compile.cpuSeconds * 2,
  };
  const sysroot = tool.sysroot ? { sysroot: tool.sysroot } : {};
  const retry = await withJobDir(context.sandbox, { [RUST_SOURCE]: crate.source }, async (dir) => {
    const paths = sandboxPaths(context.sandbox, dir, tool.sysroot);
    const env = rustEnv(paths);
    const first = crate.members[0]?.snippet;
    if (!first) return [];
    const compile = await runStep(context, {
      argv: rustCompileArgs(first, paths, true),
      hostDir: dir,
      phase: 'compile',
      env,
      limits: scaled,
      ...sysroot,
    });
    const diagnostics = parseRustcDiagnostics(compile.stderr, RUST_SOURCE);
    if (compile.exitCode !== 0) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const owners = new Set(
        errors.map((d) => (d.programLine === undefined ? undefined : memberOf(crate, d.programLine)?.snippet)),
      );
      if (owners.has(undefined) || owners.size === 0) return snippets.map((snippet) => ({ snippet, alone: true }));
      return snippets.map((snippet) => ({ snippet, alone: owners.has(snippet) }));
    }
    // Each member gets its share of the build time and only its own diagnostics (not the whole stderr).
    const share = { ...compile, stdout: '', stderr: '', durationMs: Math.round(compile.durationMs / snippets.length) };
    await Promise.all(
      crate.members.map(async (member, index) => {
        const own = diagnostics
          .filter((d) => d.programLine !== undefined && memberOf(crate, d.programLine) === member)
          .map((d) => shift(d, member));
        const compiled = compiledRun(tool, degraded, share, own, scaled);
        if (!rustNeedsRun(member.snippet)) {
          results.set(member.snippet, compiled);
          return;
        }
        const run = await runStep(context, {
          argv: [`${paths.build}/prog`],
          hostDir: dir,
          phase: 'run',
          env: { ...env, PROOFDECK_SNIPPET: String(index) },
          limits: context.limits.run,
          ...sysroot,
        });
        results.set(member.snippet, executedRun(compiled, run, RUST_SOURCE, context.limits.run, member.offset));
      }),
    );
    return [];
  });
  const alone = retry.filter((entry) => entry.alone).map((entry) => entry.snippet);
  const together = retry.filter((entry) => !entry.alone).map((entry) => entry.snippet);
  const [single, merged] = await Promise.all([
    runMergedRust(alone, tool, context, 2),
    runMergedRust(together, tool, context, attempt + 1),
  ]);
  for (const map of [single, merged]) for (const [snippet, run] of map) results.set(snippet, run);
  return results;
}
