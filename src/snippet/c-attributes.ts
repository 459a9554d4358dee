/**
 * C and C++ block attributes. Default: compile only, cleanly, under -Wall -Wextra, with gcc and clang.
 * `compile_fail[=-Wflag|="text"]`, `warns=-Wflag`, `run` (+ `stdout="…"`, `exit=N`), one detector
 * (`asan[=kind]`, `ubsan[="text"]`, `lsan`, `stack-protector`), `std=`, `cflags="…"`, `cc=gcc|clang|both`,
 * `id=`, `ignore`. A bare `-Wflag` right after `warns=`/`compile_fail=` continues that list
 * (so `warns=-Wa,-Wb` works even though commas separate attributes).
 */
import type { CCompiler, Detector, Expectation, Snippet } from '../model/snippet.ts';
import { DISPLAY_KEYS, type FenceAttribute } from '../parse/fence-meta.ts';
import { C_TOOL_KEYS, invalidValue, unknownAttribute, type AttributeProblem } from './attribute-problems.ts';
import { parseEnv } from './c-env.ts';
import { reportKindProblem } from './c-report-kinds.ts';
import { C_FLAG_HINT, checkCFlag } from './compiler-flags.ts';

const KNOWN = [
  'ignore',
  'compile_fail',
  'warns',
  'run',
  'stdout',
  'exit',
  ...C_TOOL_KEYS,
  'file',
  'program',
  'group',
  'id',
];

/** Attributes that need `=value`, with an example for the hint. */
const NEEDS_VALUE: Record<string, string> = {
  warns: 'warns=-Wuse-after-free',
  stdout: 'stdout="hello\\n"',
  exit: 'exit=1',
  std: 'std=c11',
  cflags: 'cflags="-O2"',
  cc: 'cc=gcc',
  env: 'env="ASAN_OPTIONS=detect_leaks=1"',
  file: 'file=util.c',
  program: 'program=init-order',
  group: 'group=init-order',
  id: 'id=uaf',
};

const STD = {
  c: /^(c|gnu)(89|90|99|9x|11|1x|17|18|2x|23)$|^iso9899:\w+$/,
  cpp: /^(c|gnu)\+\+(98|03|0x|11|1y|14|1z|17|2a|20|2b|23|2c|26)$/,
};

/** The parts of a {@link Snippet} that C attributes decide. */
export type CSpec = Pick<Snippet, 'expectation' | 'compilers' | 'warns' | 'flags'> & {
  std?: string;
  env?: [string, string][];
  /** `file=`: this block is one file of a program (never wrapped in main). */
  file?: string;
  /** `program=`/`group=`: blocks with the same value form one program. */
  program?: string;
  id?: string;
  idOffset?: number;
};

function normalizeFlag(flag: string): string {
  return flag.replace(/=$/, '');
}

/** Splits `cflags="-O2 -DX=1"` on whitespace. */
function splitFlags(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

/** Parses the attributes of a `c`/`h`/`cpp` fence (the language token already removed). */
export function parseCAttributes(
  attributes: FenceAttribute[],
  lang: 'c' | 'cpp',
  defaultCompilers: readonly CCompiler[] = ['gcc', 'clang'],
): { spec: CSpec; problems: AttributeProblem[] } {
  const problems: AttributeProblem[] = [];
  const seen = new Map<string, FenceAttribute>();
  const warns: string[] = [];
  const failCodes: string[] = [];
  const failMessages: string[] = [];
  const flags: string[] = [];
  const detectors: { detector: Detector; report?: string; attribute: FenceAttribute }[] = [];
  let compilers: CCompiler[] = [...defaultCompilers];
  let std: string | undefined;
  let stdout: string | undefined;
  let exitCode: number | undefined;
  let continues: string[] | undefined;
  const env: [string, string][] = [];
  let file: string | undefined;
  let program: string | undefined;
  for (const attribute of attributes) {
    const { key, value } = attribute;
    if (value === undefined && key.startsWith('-W') && continues) {
      continues.push(normalizeFlag(key));
      continue;
    }
    continues = undefined;
    const example = NEEDS_VALUE[key];
    if (example !== undefined && value === undefined) {
      problems.push(invalidValue(attribute, `\`${key}\` needs a value`, `e.g. ${example}`));
      continue;
    }
    seen.set(key, attribute);
    if (key === 'compile_fail' && value === undefined) {
      // `compile_fail,-Wuse-after-free`: the flag after it is the expected one.
      continues = failCodes;
    } else if (key === 'ignore' || key === 'run') {
      if (value !== undefined) problems.push(invalidValue(attribute, `\`${key}\` takes no value`));
    } else if (key === 'compile_fail') {
      if (value?.startsWith('-W')) {
        failCodes.push(normalizeFlag(value));
        continues = failCodes;
      } else if (value) failMessages.push(value);
      else
        problems.push(
          invalidValue(
            attribute,
            '`compile_fail=` needs a -W flag or a message substring',
            'e.g. compile_fail=-Wuse-after-free or compile_fail="undeclared"',
          ),
        );
    } else if (key === 'warns') {
      if (value?.startsWith('-W')) {
        warns.push(normalizeFlag(value));
        continues = warns;
      } else
        problems.push(
          invalidValue(attribute, `\`warns=${value ?? ''}\` must name a warning flag`, 'e.g. warns=-Wuse-after-free'),
        );
    } else if (key === 'stdout' && value !== undefined) {
      stdout = value.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    } else if (key === 'exit' && value !== undefined) {
      if (/^\d{1,3}$/.test(value) && Number(value) <= 255) exitCode = Number(value);
      else problems.push(invalidValue(attribute, `\`exit=${value}\` is not an exit status (0–255)`));
    } else if (key === 'env' && value !== undefined) {
      for (const entry of parseEnv(value)) {
        if (Array.isArray(entry)) env.push(entry);
        else
          problems.push(
            invalidValue(
              attribute,
              `\`env=\` entry \`${entry.bad}\` is not NAME=value (or sets a variable the sandbox owns)`,
              'e.g. env="ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1"',
            ),
          );
      }
    } else if (key === 'file' && value !== undefined) {
      if (/^[\w.-]+\.(c|h|cc|cpp|cxx|hpp|hh|supp|txt)$/.test(value) && !value.startsWith('.')) file = value;
      else
        problems.push(
          invalidValue(
            attribute,
            `\`file=${value}\` is not a plain C/C++ source, header or text file name`,
            'e.g. file=util.c',
          ),
        );
    } else if ((key === 'program' || key === 'group') && value !== undefined) {
      program = value;
    } else if (
      key === 'asan' ||
      key === 'ubsan' ||
      key === 'lsan' ||
      key === 'tsan' ||
      key === 'msan' ||
      key === 'stack-protector'
    ) {
      const kindProblem = reportKindProblem(key, attribute);
      if (kindProblem) problems.push(kindProblem);
      if (key === 'stack-protector' && value !== undefined)
        problems.push(invalidValue(attribute, '`stack-protector` takes no value'));
      detectors.push({ detector: key, ...(value ? { report: value } : {}), attribute });
    } else if (key === 'std' && value !== undefined) {
      if (STD[lang].test(value)) std = value;
      else
        problems.push(
          invalidValue(
            attribute,
            `\`std=${value}\` is not a ${lang === 'c' ? 'C' : 'C++'} standard`,
            lang === 'c' ? 'e.g. std=c11, std=gnu17' : 'e.g. std=c++17',
          ),
        );
    } else if (key === 'cflags' && value !== undefined) {
      for (const flag of splitFlags(value)) {
        const refused = checkCFlag(flag);
        if (refused === undefined) flags.push(flag);
        else
          problems.push(invalidValue(attribute, `compiler option \`${flag}\` is refused: it ${refused}`, C_FLAG_HINT));
      }
    } else if (key === 'cc' && value !== undefined) {
      if (value === 'both') compilers = ['gcc', 'clang'];
      else if (value === 'gcc' || value === 'clang') compilers = [value];
      else
        problems.push({
          ruleId: 'snippet/unknown-compiler',
          severity: 'error',
          message: `unknown compiler \`cc=${value}\``,
          offset: attribute.offset,
          hint: 'use cc=gcc, cc=clang or cc=both',
        });
    } else if (key === 'id' && value !== undefined) {
      seen.set('id', attribute);
    } else if (!(DISPLAY_KEYS.includes(key) && value !== undefined)) {
      problems.push(unknownAttribute(attribute, 'c', [...KNOWN, ...DISPLAY_KEYS]));
    }
  }
  const conflict = (a: string, b: string): void => {
    const attribute = seen.get(b);
    if (seen.has(a) && attribute)
      problems.push({
        ruleId: 'snippet/conflicting-attributes',
        severity: 'error',
        message: `\`${b}\` cannot be combined with \`${a}\``,
        offset: attribute.offset,
        hint: 'one expectation per snippet: split it into two blocks',
      });
  };
  for (const other of ['run', 'stdout', 'exit', ...detectors.map((d) => d.detector)]) conflict('compile_fail', other);
  for (const detector of detectors) for (const other of ['stdout', 'exit']) conflict(detector.detector, other);
  const extra = detectors[1];
  if (extra)
    problems.push({
      ruleId: 'snippet/conflicting-attributes',
      severity: 'error',
      message: `only one detector per snippet (found ${detectors.map((d) => d.detector).join(', ')})`,
      offset: extra.attribute.offset,
      hint: 'one program per bug: split the block',
    });
  const first = detectors[0];
  if (first?.detector === 'msan') {
    // gcc has no MemorySanitizer (`-fsanitize=memory` is clang's only): prove with clang, or say why not.
    const cc = seen.get('cc');
    if (cc && compilers.includes('gcc'))
      problems.push(
        invalidValue(
          cc,
          'gcc has no MemorySanitizer (`-fsanitize=memory` is clang only), ' +
            `so \`${cc.key}=${cc.value ?? ''}\` cannot prove msan`,
          'use cc=clang, or drop cc= (msan blocks are proved with clang only)',
        ),
      );
    compilers = compilers.filter((compiler) => compiler === 'clang');
  }
  const expectation: Expectation = seen.has('ignore')
    ? { kind: 'ignore' }
    : seen.has('compile_fail')
      ? { kind: 'compile-fail', codes: failCodes, messages: failMessages }
      : first
        ? { kind: 'detect', detector: first.detector, ...(first.report ? { report: first.report } : {}) }
        : seen.has('run') || stdout !== undefined || exitCode !== undefined
          ? { kind: 'run', exitCode: exitCode ?? 0, ...(stdout !== undefined ? { stdout } : {}) }
          : { kind: 'compile' };
  const idAttribute = seen.get('id');
  return {
    spec: {
      expectation,
      compilers,
      warns,
      flags,
      ...(std ? { std } : {}),
      ...(env.length > 0 ? { env } : {}),
      ...(file ? { file } : {}),
      ...(program ? { program } : {}),
      ...(idAttribute?.value !== undefined ? { id: idAttribute.value, idOffset: idAttribute.offset } : {}),
    },
    problems,
  };
}
