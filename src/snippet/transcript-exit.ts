/**
 * The exit status a transcript shows, in the forms the sanitizer pages and shells print it: `$ echo $?` and a
 * number (also chained, `./a.out; echo $?`), or the shell's line for a program killed by a signal — bash's
 * `Aborted (core dumped)` / `Segmentation fault`, zsh's `zsh: abort (core dumped)  ./a.out` and its job line
 * `[1]    12345 abort (core dumped)  ./a.out`, or a prompt that shows the last status (`[1] $ `). A signal is
 * compared as 128 + its number (what `$?` shows), and "(core dumped)" is ignored: whether a core is written
 * depends on the machine, not on the program.
 */
import type { SourceLine } from './source-lines.ts';

/** The exit status a transcript claims, and the markdown line that shows it. */
export interface ShownExit {
  status: number;
  line: number;
}

// What bash prints (strsignal's words) and what zsh prints for the same signals.
const BASH_SIGNALS: Record<string, number> = {
  Aborted: 6,
  'Segmentation fault': 11,
  'Floating point exception': 8,
  'Illegal instruction': 4,
  'Bus error': 7,
  Killed: 9,
  'Trace/breakpoint trap': 5,
};
const ZSH_SIGNALS: Record<string, number> = {
  abort: 6,
  'segmentation fault': 11,
  'floating point exception': 8,
  'illegal hardware instruction': 4,
  'bus error': 7,
  killed: 9,
  'trace trap': 5,
};
const names = (table: Record<string, number>): string =>
  Object.keys(table)
    .map((name) => name.replace('/', '\\/'))
    .join('|');
// bash: `Aborted (core dumped)` alone, or `bash: line 1: 12345 Aborted (core dumped) ./a.out`.
const BASH = new RegExp(
  `^(?:(?:(?:ba)?sh: line \\d+: +\\d+ )(${names(BASH_SIGNALS)})(?: +\\(core dumped\\))?\\s+\\S.*|` +
    `(${names(BASH_SIGNALS)})(?: \\(core dumped\\))?)$`,
);
// zsh: `zsh: abort (core dumped)  ./a.out`, `[1]    12345 abort (core dumped)  ./a.out`.
const ZSH = new RegExp(`^(?:zsh: |\\[\\d+\\]\\s+\\d+ )(${names(ZSH_SIGNALS)})(?: \\(core dumped\\))?\\s+\\S.*$`);

/** 128 + the signal a shell's kill line names, or undefined for any other line. */
function signalStatus(text: string): number | undefined {
  const zsh = ZSH.exec(text.trim());
  const bash = BASH.exec(text.trim());
  const signal = zsh ? ZSH_SIGNALS[zsh[1] ?? ''] : bash ? BASH_SIGNALS[bash[1] ?? bash[2] ?? ''] : undefined;
  return signal === undefined ? undefined : 128 + signal;
}

const ECHO = /^echo \$\?$/;
const CHAINED_ECHO = /\s*;\s*echo \$\?\s*$/;

/** `./a.out; echo $?` → `./a.out` and true. */
export function withoutEcho(command: string): { command: string; echo: boolean } {
  return CHAINED_ECHO.test(command)
    ? { command: command.replace(CHAINED_ECHO, ''), echo: true }
    : { command, echo: false };
}

/** True for a separate `$ echo $?` command. */
export function isEcho(command: string): boolean {
  return ECHO.test(command.trim());
}

function statusLine(line: SourceLine | undefined): ShownExit | undefined {
  const text = line?.text.trim() ?? '';
  return line && /^\d{1,3}$/.test(text) ? { status: Number(text), line: line.line } : undefined;
}

/**
 * Takes the exit status out of a run's shown output: the number a chained `echo $?` printed last (`echo`), the
 * number under a following `$ echo $?` (`echoBody`), the status in the next prompt, or a shell's signal line.
 * The rest is program output.
 */
export function shownExit(
  output: SourceLine[],
  options: { echo: boolean; echoBody?: SourceLine[]; prompt?: ShownExit },
): { output: SourceLine[]; exit?: ShownExit } {
  let lines = output;
  let exit: ShownExit | undefined = options.prompt;
  if (options.echo) {
    const echoed = statusLine(lines[lines.length - 1]);
    if (echoed) lines = lines.slice(0, -1);
    exit = echoed ?? exit;
  } else if (options.echoBody) {
    exit = statusLine(options.echoBody.find((line) => line.text.trim() !== '')) ?? exit;
  }
  const kept: SourceLine[] = [];
  for (const line of lines) {
    const status = signalStatus(line.text);
    if (status === undefined) kept.push(line);
    else exit ??= { status, line: line.line };
  }
  return exit ? { output: kept, exit } : { output: kept };
}

const SIGNAL_NAMES: Record<number, string> = {
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  11: 'SIGSEGV',
};

/** `status 1`, `status 134 (SIGABRT)`: how a status reads in a message. */
export function describeStatus(status: number): string {
  const signal = status > 128 ? SIGNAL_NAMES[status - 128] : undefined;
  return signal ? `status ${status} (${signal})` : `status ${status}`;
}
