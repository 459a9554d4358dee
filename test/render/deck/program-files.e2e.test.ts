import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { tempProject } from '../../helpers.ts';

const DECK = `---
title: Files
---

# Two files

\`\`\`c program=util file=util.h
int twice(int x);
\`\`\`

\`\`\`c program=util file=main.c run stdout="42"
#include <stdio.h>
#include "util.h"
int twice(int x) { return 2 * x; }
int main(void) { printf("%d\\n", twice(21)); return 0; }
\`\`\`
`;

describe('a multi-file program on a slide', () => {
  it('shows each file as its own labelled block, the proof badge on the block that states it', async () => {
    const root = tempProject({ files: DECK });
    const result = await buildDecks({ root, pdf: false });
    expect(result.files.flatMap((file) => file.messages)).toEqual([]);
    const html = readFileSync(path.join(root, 'dist', 'files', 'index.html'), 'utf8');
    expect([...html.matchAll(/<span class="code-file-name">([^<]+)<\/span>/g)].map((m) => m[1])).toEqual([
      'util.h',
      'main.c',
    ]);
    expect(html.match(/class="badge badge-proved"/g)?.length).toBe(1);
  });
});
