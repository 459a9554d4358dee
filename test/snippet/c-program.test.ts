import { describe, expect, it } from 'vitest';
import { buildCProgram, hasCMain, mapCHiddenLine } from '../../src/snippet/c-program.ts';
import type { SourceLine } from '../../src/snippet/source-lines.ts';

const lines = (text: string): SourceLine[] =>
  text.split('\n').map((line, index) => ({ text: line, line: index + 1, column: 0 }));
const program = (text: string, lang: 'c' | 'cpp' = 'c'): string =>
  buildCProgram(lines(text), lang, { hidden: true, wrap: true })
    .lines.map((line) => line.text)
    .join('\n');

describe('C fragments', () => {
  it('wraps statements in int main(void) with the headers they use', () => {
    expect(program('char *p = malloc(10);\nfree(p);\nstrcpy(p, "x");')).toBe(
      '#include <stdlib.h>\n#include <string.h>\nint main(void) {\nchar *p = malloc(10);\nfree(p);\nstrcpy(p, ' +
        '"x");\nreturn 0;\n}',
    );
  });

  it('keeps function and type definitions and directives at file scope', () => {
    const text =
      '#define N 3\nstruct point { int x; };\n// adds\nstatic int add(int a, int b) {\n  return a + b;\n}\nint r ' +
      '= add(1, N);\nprintf("%d\\n", r);';
    expect(program(text)).toBe(
      '#include <stdio.h>\n#define N 3\nstruct point { int x; };\n// adds\nstatic int add(int a, int b) {\n  ' +
        'return a + b;\n}\nint main(void) {\nint r = add(1, N);\nprintf("%d\\n", r);\nreturn 0;\n}',
    );
  });

  it('keeps a block statement and its declarations inside main (the dangling-pointer slide)', () => {
    expect(program('int *d;\n{\n  int t = 1;\n  d = &t;\n}\n*d = 2;')).toBe(
      'int main(void) {\nint *d;\n{\n  int t = 1;\n  d = &t;\n}\n*d = 2;\nreturn 0;\n}',
    );
  });

  it('does not add headers the code includes, nor identifiers in comments or strings', () => {
    expect(program('#include <stdlib.h>\n// strcpy is dangerous\nchar *s = "printf";\nfree(malloc(1));')).toBe(
      '#include <stdlib.h>\nint main(void) {\n// strcpy is dangerous\nchar *s = ' +
        '"printf";\nfree(malloc(1));\nreturn 0;\n}',
    );
  });

  it('uses C++ headers and int main() for cpp', () => {
    expect(program('std::vector<int> v{1};\nstd::cout << v[0] << std::endl;\nprintf("x");', 'cpp')).toBe(
      '#include <cstdio>\n#include <iostream>\n#include <vector>\nint main() {\nstd::vector<int> ' +
        'v{1};\nstd::cout << v[0] << std::endl;\nprintf("x");\nreturn 0;\n}',
    );
  });

  it('leaves a program with main alone', () => {
    const built = buildCProgram(lines('int main(void) { return 0; }'), 'c', { hidden: true, wrap: true });
    expect(built.wrapped).toBe(false);
    expect(hasCMain('int main(void) {}')).toBe(true);
    expect(hasCMain('// main()\nint x;')).toBe(false);
  });

  it('hides `/// ` lines from the slide but compiles them', () => {
    const built = buildCProgram(lines('/// #include <stdio.h>\nputs("hi");\n///'), 'c', { hidden: true, wrap: true });
    expect(built.displayed).toBe('puts("hi");');
    expect(built.lines.map((line) => line.text)).toContain('#include <stdio.h>');
    expect(mapCHiddenLine({ text: '  /// int x;', line: 4, column: 0 })).toEqual({
      hidden: true,
      code: { text: '  int x;', line: 4, column: 4 },
    });
  });

  it('maps program lines to markdown lines, 0 for generated ones', () => {
    const built = buildCProgram(lines('free(NULL);'), 'c', { hidden: true, wrap: true });
    expect(built.lines.map((line) => line.line)).toEqual([0, 0, 0, 1, 0, 0]);
  });
});
