/**
 * Compiler options a deck may pass (`cflags="…"`; rustc flags for whoever adds them) go through an
 * allow-list: anything that runs another program (`-wrapper`, `-B`, `-fplugin`, `-fuse-ld`, `-specs`,
 * rustc `-C linker=`), writes or reads files of its choosing (`-o`, `-M*F`, `-save-temps`, `@file`,
 * `-Wl,`), or links crates from outside the project is refused before anything runs.
 */
import path from 'node:path';

/** Why a flag is refused, or undefined when it is allowed. */
export type FlagVerdict = string | undefined;

/** Named refusals first: they give the reason instead of a generic "not allowed". */
const C_DENIED: readonly [RegExp, string][] = [
  [/^@/, 'reads more options from a file'],
  [/^-wrapper$|^--?wrapper=/, 'runs the compiler passes through another program'],
  [/^-B/, 'makes the driver run programs from another folder'],
  [/^-fplugin/, 'loads a compiler plugin'],
  [/^-fuse-ld=/, 'runs another linker'],
  [/^--?specs/, 'reads a specs file that can run any command'],
  [/^-M/, 'writes dependency files (-MF/-MD/…)'],
  [/^-save-temps/, 'writes intermediate files'],
  [/^-o/, 'chooses the output file'],
  [/^-(?:Wl|Wa|Wp),|^-X(?:linker|assembler|preprocessor)$/, 'passes options to the linker, assembler or preprocessor'],
  [/^--?sysroot|^-isysroot|^-I|^-iquote|^-isystem|^-idirafter|^-include|^-imacros|^-L/, 'names a folder or file'],
  [/^-fprofile-|^-fsanitize-(?:ignore|black)list|^-fdump-|^-dump/, 'reads or writes files of its own choosing'],
];

/** The option families a slide may reasonably need. */
const C_ALLOWED: readonly RegExp[] = [
  /^-O(?:[0-3sgz]|fast)?$/,
  /^-W[a-zA-Z0-9][\w+=-]*$/,
  /^-w$/,
  /^-(?:pedantic|pedantic-errors|ansi|pthread|static|rdynamic|no-pie|pie)$/,
  /^-[DU][A-Za-z_]\w*(?:=[\w.+-]*)?$/,
  /^-f(?:no-)?[a-z0-9][a-z0-9-]*(?:=[\w.,+-]*)?$/,
  /^-g(?:[0-3]|gdb|dwarf(?:-[2-5])?)?$/,
  /^-m[a-z0-9][\w=.-]*$/,
  /^-l[a-z0-9_+-]+$/,
  /^-std=[\w+]+$/,
];

/** Checks one `cflags` option. */
export function checkCFlag(flag: string): FlagVerdict {
  for (const [pattern, reason] of C_DENIED) if (pattern.test(flag)) return reason;
  return C_ALLOWED.some((pattern) => pattern.test(flag)) ? undefined : 'is not on the list of allowed options';
}

/** Options to a C compiler a deck may use (for the hint). */
export const C_FLAG_HINT =
  'allowed: -O*, -W*, -w, -D/-U, -f* (not -fplugin/-fuse-ld), -g*, -m*, -l<name>, -std=, -pthread';

const RUST_CODEGEN_KEYS = [
  'opt-level',
  'debug-assertions',
  'overflow-checks',
  'panic',
  'codegen-units',
  'target-cpu',
  'target-feature',
  'debuginfo',
  'strip',
  'lto',
  'relocation-model',
  'force-frame-pointers',
];
const RUST_CODEGEN = new RegExp(`^(?:${RUST_CODEGEN_KEYS.join('|')})=[\\w.,+-]*$`);

function insideAny(target: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    const rel = path.relative(path.resolve(folder), path.resolve(folder, target));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/**
 * Checks a rustc command-line fragment (already split into words). `folders` are where `--extern name=path`
 * may point (the project). Returns one verdict per refused word, with the word.
 */
export function checkRustFlags(flags: readonly string[], folders: readonly string[]): { flag: string; why: string }[] {
  const refused: { flag: string; why: string }[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? '';
    const joined = (prefix: string): string | undefined =>
      flag === prefix ? flags[++i] : flag.startsWith(prefix) ? flag.slice(prefix.length).replace(/^=/, '') : undefined;
    const codegen = joined('-C') ?? joined('--codegen');
    if (codegen !== undefined) {
      if (!RUST_CODEGEN.test(codegen)) refused.push({ flag: `-C ${codegen}`, why: 'codegen option not allowed' });
      continue;
    }
    const extern = joined('--extern');
    if (extern !== undefined) {
      const location = extern.split('=')[1];
      if (location !== undefined && !insideAny(location, folders))
        refused.push({ flag: `--extern ${extern}`, why: 'links a crate from outside the project' });
      continue;
    }
    const lint = /^-[WADF]$/.test(flag) ? flags[++i] : /^-[WADF][a-z]/.test(flag) ? flag.slice(2) : undefined;
    if (lint !== undefined) {
      if (!/^[a-z][\w:-]*$/.test(lint)) refused.push({ flag: `${flag} ${lint}`, why: 'not a lint name' });
      continue;
    }
    const cfg = joined('--cfg');
    if (cfg !== undefined) {
      if (!/^[A-Za-z_]\w*(?:="[\w.-]*")?$/.test(cfg)) refused.push({ flag: `--cfg ${cfg}`, why: 'not a cfg' });
      continue;
    }
    if (/^-(?:O|g)$|^--cap-lints=(?:allow|warn|deny|forbid)$/.test(flag)) continue;
    refused.push({ flag, why: 'is not on the list of allowed options' });
  }
  return refused;
}
