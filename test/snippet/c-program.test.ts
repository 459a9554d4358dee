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

describe('translation unit or fragment, from the syntax tree', () => {
  it('compiles file-scope declarations and definitions as written (what gcc -c accepts)', () => {
    const built = buildCProgram(lines('int counter;\nvoid bump(void) { counter++; }'), 'c', {
      hidden: true,
      wrap: true,
    });
    expect(built.wrapped).toBe(false);
    expect(built.lines.map((line) => line.text).join('\n')).toBe('int counter;\nvoid bump(void) { counter++; }');
  });

  it('keeps a global that a function of the fragment uses at file scope, statements in main', () => {
    expect(program('int counter;\nvoid bump(void) { counter++; }\nbump();\nprintf("%d\\n", counter);')).toBe(
      '#include <stdio.h>\nint counter;\nvoid bump(void) { counter++; }\n' +
        'int main(void) {\nbump();\nprintf("%d\\n", counter);\nreturn 0;\n}',
    );
  });

  it('treats a declaration with a call initialiser as a statement (invalid at file scope)', () => {
    const built = buildCProgram(lines('int *leak = malloc(100);'), 'c', { hidden: true, wrap: true });
    expect(built.wrapped).toBe(true);
  });
});

describe('declarations that are only valid inside a function', () => {
  it.each(['int arr[3] = {1,2,3};\nint x = arr[5];', 'int a = 1;\nint b = a;', 'struct p { int x; } s;\nint y = s.x;'])(
    '%j is a fragment',
    (text) => {
      expect(buildCProgram(lines(text), 'c', { hidden: true, wrap: true }).wrapped).toBe(true);
    },
  );

  it.each(['int a = 1;\nint *p = &a;\nint n = sizeof a;', 'enum { N = 3 };\nint arr[N];'])(
    '%j is a translation unit',
    (text) => {
      expect(buildCProgram(lines(text), 'c', { hidden: true, wrap: true }).wrapped).toBe(false);
    },
  );
});

describe('C++ translation unit or fragment, from tree-sitter-cpp', () => {
  const wrapped = (text: string): boolean => buildCProgram(lines(text), 'cpp', { hidden: true, wrap: true }).wrapped;

  it.each([
    'int counter;\nvoid bump() { counter++; }',
    'class Point {\npublic:\n  Point(int x, int y) : x_(x), y_(y) {}\n  int x() const { return x_; }\n' +
      'private:\n  int x_, y_;\n};',
    'template <typename T>\nT max_of(T a, T b) { return a < b ? b : a; }',
    'namespace geo {\nstruct Vec { double x, y; };\ndouble dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y; }\n}',
    '#include <string>\nusing namespace std;\nstd::string greeting = "hi";\nusing Id = int;\nenum class Color { red };',
    'static_assert(sizeof(char) == 1);\nconstexpr int N = 3;\nint table[N];',
    'struct P { int x() const; int x_; };\nint P::x() const { return x_; }',
    'extern "C" int c_api(int);\nauto add = [](int a, int b) { return a + b; };',
  ])('%j compiles as written', (text) => {
    expect(wrapped(text)).toBe(false);
  });

  it.each([
    'std::vector<int> v{1, 2};\nv.push_back(3);',
    'int *p = new int[3];\ndelete[] p;',
    'for (int i = 0; i < 3; i++) std::cout << i;',
    'int a[3];\nint x = a[5];',
    'using namespace std;\ncout << "hi";',
  ])('%j is wrapped in main', (text) => {
    expect(wrapped(text)).toBe(true);
  });

  it('keeps a class and a template at file scope and the statements in main', () => {
    expect(
      program('template <class T>\nstruct Box { T value; };\nBox<int> b{4};\nstd::cout << b.value << "\\n";', 'cpp'),
    ).toBe(
      '#include <iostream>\ntemplate <class T>\nstruct Box { T value; };\n' +
        'int main() {\nBox<int> b{4};\nstd::cout << b.value << "\\n";\nreturn 0;\n}',
    );
  });
});

it('keeps `using namespace std;` at file scope and the statement in main', () => {
  expect(program('using namespace std;\ncout << "hi";', 'cpp')).toBe(
    '#include <iostream>\nusing namespace std;\nint main() {\ncout << "hi";\nreturn 0;\n}',
  );
});
