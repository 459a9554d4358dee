/**
 * Measures docs/sanitizer-facts.md: proves test/fixtures/snippets/report-kinds.md with the real compilers in
 * the sandbox and prints, per block and compiler, the first report line (pids and addresses normalised).
 * Usage: node scripts/sanitizer-facts.ts > docs/sanitizer-facts.md
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { verifySnippets } from '../src/snippet/check/verify.ts';
import { extractSnippets } from '../src/snippet/extract.ts';

const fixture = path.resolve('test/fixtures/snippets/report-kinds.md');
const file = new VFile({ path: fixture, value: readFileSync(fixture, 'utf8') });
const tree = unified().use(remarkParse).parse(file) as Root;
const snippets = extractSnippets(tree, file, { root: path.dirname(fixture) });
const results = await verifySnippets(snippets, { noCache: true, root: path.dirname(fixture) });

const REPORT = /(ERROR|WARNING): (Address|Leak|Thread|Memory)Sanitizer: |runtime error: |\*\*\* stack smashing/;
function firstLine(stderr: string): string {
  const line = stderr.split('\n').find((text) => REPORT.test(text)) ?? '(no report)';
  return line
    .replace(/^==\d+==/, '==PID==')
    .replace(/0x[0-9a-f]+/g, '0x…')
    .replace(/pid=\d+/, 'pid=PID')
    .replace(/^\S*\/(\w+\.c+):/, '$1:')
    .replace(/\|/g, '\\|');
}

const versions = new Map<string, string>();
const rows = snippets.map((snippet, index) => {
  const result = results[index];
  const cells = (result?.runs ?? []).map((run) => {
    versions.set(run.tool, run.version);
    return `${run.tool}: \`${firstLine(run.stderr)}\``;
  });
  const claim = snippet.expectation.kind === 'detect' ? snippet.expectation : undefined;
  const kind = claim ? `${claim.detector}${claim.report ? `=${claim.report}` : ''}` : snippet.expectation.kind;
  const verdict = result?.ok ? 'proved' : 'FAILED';
  return `| \`${snippet.id}\` | ${snippet.lang} | \`${kind}\` | ${verdict} | ${cells.join('<br>')} |`;
});

const out = [
  '# Sanitizer facts: the first report line of every report kind proofdeck accepts',
  '',
  'Measured on this machine by `node scripts/sanitizer-facts.ts > docs/sanitizer-facts.md`: each block of',
  '`test/fixtures/snippets/report-kinds.md` compiled `-O0 -g` with its detector and run in the bubblewrap',
  'sandbox (uid 65534, no RLIMIT_AS for sanitizer builds) by proofdeck itself. ' +
    '`test/snippet/check/report-kinds.test.ts`',
  'asserts the same verdicts. Process ids and addresses are normalised (`==PID==`, `0x…`).',
  '',
  `Compilers: ${[...versions].map(([tool, version]) => `${tool} ${version}`).join(', ')}.`,
  '',
  '- gcc has no MemorySanitizer: `msan` blocks are proved with clang only, and `cc=gcc` with `msan` is an error.',
  '- TSan and MSan binaries run under `setarch -R` (src/exec/c-job.ts says why). On this kernel (6.18,',
  '  `vm.mmap_rnd_bits=28`) they gave the same first lines without it too (measured before the change).',
  '- Not accepted as `asan=` kinds: `odr-violation` (needs a shared library) and ' +
    '`unknown-crash` (no reliable trigger).',
  '- `memcpy-param-overlap` needs a length gcc cannot see at compile time: with `memcpy(buf + argc, buf, 8)`',
  '  gcc 12 gave no report at all (clang did); likely the constant-size copy is expanded inline (not verified).',
  '',
  '| block | lang | claim | verdict | first report line per compiler |',
  '|---|---|---|---|---|',
  ...rows,
  '',
];
process.stdout.write(out.join('\n'));
