/** The report kinds a C detector attribute may claim (`asan=heap-use-after-free`, `tsan="data race"`). */
import type { Detector } from '../model/snippet.ts';
import type { FenceAttribute } from '../parse/fence-meta.ts';
import { invalidValue, suggest, type AttributeProblem } from './attribute-problems.ts';

/** Report kinds ThreadSanitizer prints after `WARNING: ThreadSanitizer:` (matched as a prefix). */
export const TSAN_KINDS = [
  'data race',
  'thread leak',
  'lock-order-inversion',
  'heap-use-after-free',
  'signal-unsafe call inside of a signal',
  'signal handler spoils errno',
  'destroy of a locked mutex',
  'unlock of an unlocked mutex',
  'use of an invalid mutex',
];

/** Report kinds MemorySanitizer prints after `WARNING: MemorySanitizer:`. */
export const MSAN_KINDS = ['use-of-uninitialized-value'];

/**
 * Report kinds ASan prints after `SUMMARY: AddressSanitizer:`, each proved with gcc and clang by
 * test/fixtures/snippets/report-kinds.md. Not accepted: `odr-violation` (needs a shared library, which a
 * snippet program cannot build) and `unknown-crash` (no program triggers it reliably): a claim that
 * cannot be proved here is not offered.
 */
export const ASAN_KINDS = [
  'heap-buffer-overflow',
  'stack-buffer-overflow',
  'global-buffer-overflow',
  'dynamic-stack-buffer-overflow',
  'stack-buffer-underflow',
  'heap-use-after-free',
  'stack-use-after-scope',
  'stack-use-after-return',
  'use-after-poison',
  'container-overflow',
  'double-free',
  'initialization-order-fiasco',
  'bad-free',
  'alloc-dealloc-mismatch',
  'new-delete-type-mismatch',
  'SEGV',
  'stack-overflow',
  'memcpy-param-overlap',
  'negative-size-param',
  'calloc-overflow',
  'allocation-size-too-big',
];

/** The detectors whose value names a report kind; TSan and MSan kinds are matched as prefixes either way. */
const KINDS: Partial<Record<Detector, { name: string; kinds: readonly string[]; prefix: boolean }>> = {
  asan: { name: 'ASan', kinds: ASAN_KINDS, prefix: false },
  tsan: { name: 'TSan', kinds: TSAN_KINDS, prefix: true },
  msan: { name: 'MSan', kinds: MSAN_KINDS, prefix: true },
};

/** The problem with a detector attribute's report kind (`asan=heap-use-after-fre`), if it has one. */
export function reportKindProblem(detector: Detector, attribute: FenceAttribute): AttributeProblem | undefined {
  const known = KINDS[detector];
  const { value } = attribute;
  if (!known || value === undefined) return undefined;
  const matches = known.prefix
    ? known.kinds.some((kind) => kind.startsWith(value) || value.startsWith(kind))
    : known.kinds.includes(value);
  if (matches) return undefined;
  const guess = suggest(value, known.kinds);
  return invalidValue(
    attribute,
    `unknown ${known.name} report kind \`${value}\``,
    guess ? `did you mean \`${guess}\`?` : `one of: ${known.kinds.join(', ')}`,
  );
}
