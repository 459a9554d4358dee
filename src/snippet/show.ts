/**
 * `show=output`: the block's slide also shows the real line its proof printed (compiler error, sanitizer
 * headline, panic, first lines of stdout). Shared by C and Rust blocks, so it is read apart from their grammars.
 */
import type { Expectation } from '../model/snippet.ts';
import { DISPLAY_ATTRIBUTES, type FenceAttribute } from '../parse/fence-meta.ts';
import { invalidValue, type AttributeProblem } from './attribute-problems.ts';

/** The one value `show=` takes. */
const SHOW_OUTPUT = 'output';

/** Expectations whose proof prints something: a rejection, a report, a panic, or a program's output. */
function printsOutput(expectation: Expectation, noRun: boolean): boolean {
  switch (expectation.kind) {
    case 'compile-fail':
    case 'detect':
    case 'panic':
      return true;
    case 'run':
      return !noRun;
    case 'ignore':
    case 'compile':
    case 'transcript':
      return false;
  }
}

/**
 * Problems with a block's `show=` attributes: a value other than `output`, or a block whose proof prints
 * nothing to show (`ignore`, compile-only, `no_run`). An error: the slide would promise output it cannot have.
 */
export function showProblems(attributes: readonly FenceAttribute[], expectation: Expectation, noRun: boolean) {
  const problems: AttributeProblem[] = [];
  for (const attribute of attributes) {
    if (attribute.key !== DISPLAY_ATTRIBUTES.show) continue;
    if (attribute.value !== SHOW_OUTPUT)
      problems.push(
        invalidValue(attribute, `\`show=${attribute.value ?? ''}\` is not a known value`, 'use show=output'),
      );
    else if (!printsOutput(expectation, noRun))
      problems.push(
        invalidValue(
          attribute,
          `\`show=output\` on a block that ${expectation.kind === 'ignore' ? 'is never compiled' : 'only compiles'}: ` +
            'its proof prints nothing to show',
          'use it on a compile_fail, run, should_panic or detector (asan, ubsan, …) block, or remove it',
        ),
      );
  }
  return problems;
}
