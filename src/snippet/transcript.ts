/**
 * Shell transcripts as sanitizer documentation writes them (```` ```console ````): `$ cat leak.c` and the
 * source, `$ clang -fsanitize=address -g leak.c && ./a.out` (or a separate `$ ./a.out`, with `NAME=value`
 * options before it) and the output the run printed. Such a transcript is one program: the source is
 * compiled with the flags shown (allow-listed) and the shown output is compared with the real one.
 */
import type { CCompiler, SnippetFile, SnippetLang } from '../model/snippet.ts';
import { parseEnv } from './c-attributes.ts';
import type { SourceLine } from './source-lines.ts';

/** Fence languages that hold shell transcripts. */
export const TRANSCRIPT_LANGS = new Set(['console', 'shell-session', 'sh-session', 'shellsession']);

/** A transcript that has the shape proofdeck proves. */
export interface Transcript {
  lang: SnippetLang;
  compiler: CCompiler;
  /** The compiled source files, in command-line order; the first is the primary. */
  sources: (SnippetFile & { lines: SourceLine[] })[];
  /** Other `cat` files (headers, suppressions files). */
  others: SnippetFile[];
  flags: string[];
  env: [string, string][];
  /** The output shown after the run command, line by line, with its markdown lines. */
  output: SourceLine[];
}

/** Why a transcript is not proved (it is shown as written). */
export interface TranscriptRefusal {
  reason: string;
  /**
   * The source and the compiler command are there but the run is not: the LLVM pages show the run and its
   * output in the next console block, which may complete this one.
   */
  awaitsRun?: boolean;
  /** The markdown line the reason is about. */
  line: number;
}

// `$ ` and the `% ` some sanitizer pages use.
const PROMPT = /^\s*[$%] /;
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

const SOURCE = /\.(c|cc|cpp|cxx)$/;

/**
 * A shell comment between commands (`# Compile and link` in the sanitizer docs): unindented `# ` followed
 * by something that is no preprocessor directive. Sanitizer frames (`    #0 0x… in main`) are indented.
 */
const SHELL_COMMENT = /^#\s+(?!(include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma|error|warning|line)\b)\S/;

/** `projects/…/tiny_race.c` is compiled as `tiny_race.c` in the docs: files are known by their base name. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Drops blank lines and shell comments from the end of a command's output or a `cat` body. */
function trimTail(lines: SourceLine[]): SourceLine[] {
  const kept = [...lines];
  for (let last = kept[kept.length - 1]; last; last = kept[kept.length - 1]) {
    if (last.text.trim() !== '' && !SHELL_COMMENT.test(last.text)) break;
    kept.pop();
  }
  return kept;
}

function words(command: string): string[] {
  return command.trim().split(/\s+/).filter(Boolean);
}

interface Command {
  text: string;
  line: number;
  /** The lines printed after it, up to the next prompt. */
  body: SourceLine[];
}

function commands(lines: SourceLine[]): Command[] {
  const found: Command[] = [];
  for (const line of lines) {
    if (PROMPT.test(line.text)) found.push({ text: line.text.replace(PROMPT, ''), line: line.line, body: [] });
    else found[found.length - 1]?.body.push(line);
  }
  return found;
}

/**
 * `./a.out`, `./leak`, `ASAN_OPTIONS=x ./a.out`, `/tmp/example/a.out` after `-o /tmp/example/a.out`: the env
 * entries, or undefined when the command is no run of `binary`.
 */
function runOf(command: string, binary: string): [string, string][] | undefined {
  const parts = words(command);
  const last = parts[parts.length - 1] ?? '';
  const runs = last === binary || last === `./${binary}` || (last.includes('/') && baseName(last) === baseName(binary));
  if (!runs) return undefined;
  const env: [string, string][] = [];
  for (const entry of parseEnv(parts.slice(0, -1).join(' '))) {
    if (!Array.isArray(entry)) return undefined;
    env.push(entry);
  }
  return env;
}

/**
 * Reads a transcript. Returns undefined when it does not look like a program at all (no `$ cat` of a C
 * source): an ordinary shell session. Returns a refusal when it does but proofdeck cannot prove it as shown.
 */
export function parseTranscript(lines: SourceLine[]): Transcript | TranscriptRefusal | undefined {
  const list = commands(lines);
  const files = new Map<string, { text: string; lines: SourceLine[] }>();
  for (const command of list) {
    const [verb, name, ...rest] = words(command.text);
    if (verb === 'cat' && name && rest.length === 0) {
      const body = trimTail(command.body);
      files.set(baseName(name), { text: body.map((line) => line.text).join('\n'), lines: body });
    }
  }
  if (![...files.keys()].some((name) => SOURCE.test(name))) return undefined;
  const compileIndex = list.findIndex((command) => {
    const first = words(command.text)[0] ?? '';
    return first in COMPILERS;
  });
  const compile = list[compileIndex];
  if (!compile)
    return { reason: 'no compiler command (`$ gcc …`, `$ clang …`) after the source', line: lines[0]?.line ?? 0 };
  const [build = '', ...chained] = compile.text.split(/&&|;/);
  const [tool = '', ...args] = words(build);
  const known = COMPILERS[tool];
  if (!known) return { reason: `\`${tool}\` is not a compiler proofdeck runs`, line: compile.line };
  const flags: string[] = [];
  const sources: string[] = [];
  let binary = 'a.out';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-o') binary = args[++i] ?? 'a.out';
    else if (SOURCE.test(arg)) sources.push(baseName(arg));
    else if (ALLOWED_FLAG.test(arg)) flags.push(arg);
    else
      return { reason: `compiler argument \`${arg}\` is not one proofdeck runs from a transcript`, line: compile.line };
  }
  const missing = sources.find((name) => !files.has(name));
  if (sources.length === 0 || missing !== undefined)
    return {
      reason: `the compiled file ${missing ? `\`${missing}\`` : ''} is not shown with \`$ cat\``,
      line: compile.line,
    };
  // The run is either chained on the compile line or the next command.
  const chainedRun = chained.length === 1 ? runOf(chained[0] ?? '', binary) : undefined;
  const next = list[compileIndex + 1];
  const nextRun = chainedRun === undefined && next ? runOf(next.text, binary) : undefined;
  const env = chainedRun ?? nextRun;
  if (env === undefined)
    return {
      reason: `no run of \`./${binary}\` after the compiler command`,
      line: compile.line,
      ...(compileIndex === list.length - 1 && chained.length === 0 ? { awaitsRun: true } : {}),
    };
  const output = trimTail(chainedRun !== undefined ? compile.body : (next?.body ?? [])).filter(
    (line) => !SHELL_COMMENT.test(line.text),
  );
  const cxx = known.cxx || sources.some((name) => !name.endsWith('.c'));
  return {
    lang: cxx ? 'cpp' : 'c',
    compiler: known.compiler,
    sources: sources.map((name) => {
      const file = files.get(name) ?? { text: '', lines: [] };
      return { name, text: file.text, lines: file.lines, lineMap: file.lines.map((line) => line.line) };
    }),
    others: [...files]
      .filter(([name]) => !sources.includes(name))
      .map(([name, file]) => ({ name, text: file.text, lineMap: file.lines.map((line) => line.line) })),
    flags,
    env,
    output,
  };
}
