/**
 * The compiler commands of a transcript: one `$ gcc … x.c && ./a.out`, or the build in steps the sanitizer
 * pages also show — `$ clang -c -fsanitize=address a.c` for each translation unit, then
 * `$ clang -fsanitize=address a.o -o a.out`. The steps are proved as one compiler command over the sources the
 * objects came from, with the flags of every step: the same program, since every step runs the same compiler.
 */
import type { CCompiler } from '../model/snippet.ts';

const COMPILERS: Record<string, { compiler: CCompiler; cxx: boolean }> = {
  gcc: { compiler: 'gcc', cxx: false },
  cc: { compiler: 'gcc', cxx: false },
  clang: { compiler: 'clang', cxx: false },
  'g++': { compiler: 'gcc', cxx: true },
  'c++': { compiler: 'gcc', cxx: true },
  'clang++': { compiler: 'clang', cxx: true },
};

/** Flags a transcript may carry: sanitizers, debug info, optimisation, warnings, standards, defines, threads. */
const ALLOWED_FLAG = new RegExp(
  `^(${[
    '-fsanitize(-recover)?=[\\w,-]+',
    '-fno-sanitize-recover(=[\\w,-]+)?',
    '-fsanitize-memory-track-origins(=\\d)?',
    '-fsanitize-address-use-after-scope',
    '-g\\d?',
    '-O[0-3sg]?',
    '-fno-omit-frame-pointer',
    '-fno-optimize-sibling-calls',
    '-fPIE',
    '-fPIC',
    '-pie',
    '-W[\\w=-]+',
    '-w',
    '-std=[\\w+]+',
    '-D\\w+(=\\w*)?',
    '-pthread',
    '-lpthread',
    '-lm',
    '-fstack-protector(-strong|-all)?',
    '-fno-common',
    '-fsized-deallocation',
  ].join('|')})$`,
);

export const SOURCE = /\.(c|cc|cpp|cxx)$/;
const OBJECT = /\.o$/;

/** `projects/…/tiny_race.c` is compiled as `tiny_race.c` in the docs: files are known by their base name. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function words(command: string): string[] {
  return command.trim().split(/\s+/).filter(Boolean);
}

/** True when `command` starts with a compiler proofdeck runs. */
export function isCompilerCommand(command: string): boolean {
  return (words(command)[0] ?? '') in COMPILERS;
}

/** The program the compiler commands build. */
export interface Build {
  compiler: CCompiler;
  cxx: boolean;
  flags: string[];
  /** Source base names in command-line order (an object stands for the source it was compiled from). */
  sources: string[];
  binary: string;
  /** What follows the final command on its line (`&& ./a.out`). */
  chained: string[];
  /** Index of the final (linking) command. */
  last: number;
}

interface Step {
  compileOnly: boolean;
  output?: string;
  sources: string[];
  objects: string[];
}

/** One compiler invocation's arguments, or the reason it is not run. */
function parseStep(args: string[], flags: string[]): Step | string {
  const step: Step = { compileOnly: false, sources: [], objects: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-o') step.output = args[++i] ?? '';
    else if (arg === '-c') step.compileOnly = true;
    else if (SOURCE.test(arg)) step.sources.push(baseName(arg));
    else if (OBJECT.test(arg)) step.objects.push(baseName(arg));
    else if (ALLOWED_FLAG.test(arg)) {
      if (!flags.includes(arg)) flags.push(arg);
    } else return `compiler argument \`${arg}\` is not one proofdeck runs from a transcript`;
  }
  return step;
}

/** `a.c` → `a.o`, the object `-c` writes without `-o`. */
function objectOf(source: string): string {
  return source.replace(SOURCE, '.o');
}

/**
 * Reads the compiler commands from `list[first]` on: `-c` steps, then the command that links (or a single
 * command that does both). Returns the build or the reason it is not proved.
 */
export function parseBuild(list: readonly { text: string }[], first: number): Build | { reason: string; at: number } {
  const flags: string[] = [];
  const built = new Map<string, string>();
  let compiler: { compiler: CCompiler; cxx: boolean } | undefined;
  let cxx = false;
  for (let index = first; index < list.length && isCompilerCommand(list[index]?.text ?? ''); index++) {
    const [build = '', ...chained] = (list[index]?.text ?? '').split(/&&|;/);
    const [tool = '', ...args] = words(build);
    const known = COMPILERS[tool];
    if (!known) return { reason: `\`${tool}\` is not a compiler proofdeck runs`, at: index };
    if (compiler && compiler.compiler !== known.compiler)
      return { reason: 'the build steps use different compilers', at: index };
    compiler ??= known;
    cxx ||= known.cxx;
    const step = parseStep(args, flags);
    if (typeof step === 'string') return { reason: step, at: index };
    if (step.compileOnly) {
      if (step.output !== undefined && step.sources.length !== 1)
        return { reason: '`-c -o` names one object for several sources', at: index };
      for (const source of step.sources) built.set(step.output ?? objectOf(source), source);
      if (chained.length > 0 || step.objects.length > 0)
        return { reason: 'a `-c` step is not followed by the run', at: index };
      continue;
    }
    const unknown = step.objects.find((object) => !built.has(object));
    if (unknown !== undefined)
      return { reason: `the object \`${unknown}\` is not built by an earlier \`-c\` command`, at: index };
    const sources = [...step.objects.map((object) => built.get(object) ?? ''), ...step.sources];
    return { compiler: known.compiler, cxx, flags, sources, binary: step.output ?? 'a.out', chained, last: index };
  }
  return { reason: 'the sources are compiled with `-c` but never linked', at: first };
}
