import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers.ts';

const DECK = `---
title: Init order
---

# Two translation units

:::program{#init}
\`\`\`cpp file=a.cc asan=initialization-order-fiasco env="ASAN_OPTIONS=check_initialization_order=1"
#include <stdio.h>
extern int extern_global;
int __attribute__((noinline)) read_extern_global() { return extern_global; }
int x = read_extern_global() + 1;
int main() {
  printf("%d\\n", x);
  return 0;
}
\`\`\`

\`\`\`cpp file=b.cc
int foo() { return 42; }
int extern_global = foo();
\`\`\`
:::

:::program
\`\`\`c file=main.c run stdout="7"
#include <stdio.h>
int seven(void);
int main(void) { printf("%d\\n", seven()); return 0; }
\`\`\`

\`\`\`c file=seven.c
int seven(void) { return 7; }
\`\`\`
:::
`;

describe('a :::program container', () => {
  it('groups its file= blocks into one program, proved as a whole', () => {
    const root = tempProject({ init: DECK });
    const result = runCli(root, ['check', '--no-cache', '--reporter', 'json']);
    const report = JSON.parse(result.stdout) as {
      errors: number;
      snippets: { id: string; ok: boolean; summary: string }[];
    };
    expect([result.status, report.errors]).toEqual([0, 0]);
    expect(report.snippets.map((s) => s.ok)).toEqual([true, true]);
    expect(report.snippets[0]?.summary).toBe('ASan: initialization-order-fiasco · g++, clang++');
    expect(report.snippets[1]?.summary).toMatch(/^runs, output checked · gcc [\d.]+ · clang [\d.]+$/);
  });
});
