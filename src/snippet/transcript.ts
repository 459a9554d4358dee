/**
 * Shell transcripts as sanitizer documentation writes them (```` ```console ````): `$ cat leak.c` and the
 * source, `$ clang -fsanitize=address -g leak.c && ./a.out` (or a separate `$ ./a.out`, with `NAME=value`
 * options before it) and the output the run printed. Such a transcript is one program: the source is
 * compiled with the flags shown (allow-listed) and the shown output is compared with the real one.
 */
import type { CCompiler, SnippetFile, SnippetLang } from '../model/snippet.ts';
import { parseEnv } from './c-env.ts';
import type { SourceLine } from './source-lines.ts';
import { baseName, isCompilerCommand, parseBuild, SOURCE, words } from './transcript-build.ts';
import { isEcho, type ShownExit, shownExit, withoutEcho } from './transcript-exit.ts';

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
  /** The exit status shown (`$ echo $?`, a shell's `Aborted (core dumped)`), if any. */
  exit?: ShownExit;
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

// `$ ` and the `% ` some sanitizer pages use; `[1] $ ` is a prompt showing the last command's exit status.
const PROMPT = /^\s*(?:\[(\d{1,3})\] ?)?[$%](?: |$)/;

/**
 * A shell comment between commands (`# Compile and link` in the sanitizer docs): unindented `# ` followed
 * by something that is no preprocessor directive. Sanitizer frames (`    #0 0x… in main`) are indented.
 */
const SHELL_COMMENT = /^#\s+(?!(include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma|error|warning|line)\b)\S/;

/** Drops blank lines and shell comments from the end of a command's output or a `cat` body. */
function trimTail(lines: SourceLine[]): SourceLine[] {
  const kept = [...lines];
  for (let last = kept[kept.length - 1]; last; last = kept[kept.length - 1]) {
    if (last.text.trim() !== '' && !SHELL_COMMENT.test(last.text)) break;
    kept.pop();
  }
  return kept;
}

interface Command {
  text: string;
  line: number;
  /** The lines printed after it, up to the next prompt. */
  body: SourceLine[];
  /** The previous command's exit status, when the prompt shows it (`[1] $ `). */
  status?: number;
}

function commands(lines: SourceLine[]): Command[] {
  const found: Command[] = [];
  for (const line of lines) {
    const prompt = PROMPT.exec(line.text);
    if (prompt) {
      const status = prompt[1] === undefined ? {} : { status: Number(prompt[1]) };
      found.push({ text: line.text.slice(prompt[0].length), line: line.line, body: [], ...status });
    } else found[found.length - 1]?.body.push(line);
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
  const compileIndex = list.findIndex((command) => isCompilerCommand(command.text));
  const compile = list[compileIndex];
  if (!compile)
    return { reason: 'no compiler command (`$ gcc …`, `$ clang …`) after the source', line: lines[0]?.line ?? 0 };
  const build = parseBuild(list, compileIndex);
  if ('reason' in build) return { reason: build.reason, line: list[build.at]?.line ?? compile.line };
  const { sources, binary, chained } = build;
  const linked = list[build.last] ?? compile;
  const missing = sources.find((name) => !files.has(name));
  if (sources.length === 0 || missing !== undefined)
    return {
      reason: `the compiled file ${missing ? `\`${missing}\`` : ''} is not shown with \`$ cat\``,
      line: linked.line,
    };
  // The run is either chained on the compile line or the next command; `; echo $?` may follow it.
  const chainedEcho = chained.length === 2 && isEcho(chained[1] ?? '');
  const chainedRun = chained.length === 1 || chainedEcho ? runOf(chained[0] ?? '', binary) : undefined;
  const next = list[build.last + 1];
  const nextCommand = next ? withoutEcho(next.text) : undefined;
  const nextRun = chainedRun === undefined && nextCommand ? runOf(nextCommand.command, binary) : undefined;
  const env = chainedRun ?? nextRun;
  if (env === undefined)
    return {
      reason: `no run of \`./${binary}\` after the compiler command`,
      line: linked.line,
      ...(build.last === list.length - 1 && chained.length === 0 ? { awaitsRun: true } : {}),
    };
  const runIndex = chainedRun !== undefined ? build.last : build.last + 1;
  const echoed = list[runIndex + 1];
  const shown = shownExit(
    trimTail(list[runIndex]?.body ?? []).filter((line) => !SHELL_COMMENT.test(line.text)),
    {
      echo: chainedRun !== undefined ? chainedEcho : (nextCommand?.echo ?? false),
      ...(echoed && isEcho(echoed.text) ? { echoBody: echoed.body } : {}),
      ...(echoed?.status !== undefined ? { prompt: { status: echoed.status, line: echoed.line } } : {}),
    },
  );
  const cxx = build.cxx || sources.some((name) => !name.endsWith('.c'));
  return {
    lang: cxx ? 'cpp' : 'c',
    compiler: build.compiler,
    sources: sources.map((name) => {
      const file = files.get(name) ?? { text: '', lines: [] };
      return { name, text: file.text, lines: file.lines, lineMap: file.lines.map((line) => line.line) };
    }),
    others: [...files]
      .filter(([name]) => !sources.includes(name))
      .map(([name, file]) => ({ name, text: file.text, lineMap: file.lines.map((line) => line.line) })),
    flags: build.flags,
    env,
    output: shown.output,
    ...(shown.exit ? { exit: shown.exit } : {}),
  };
}
