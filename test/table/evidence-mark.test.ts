import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { evidenceMark } from '../../src/table/evidence-mark.ts';
import { fakeResult } from './helpers.ts';

describe('evidence marks', () => {
  it('links a proved claim to the snippet, with the toolchain and a text alternative', () => {
    const result = fakeResult('c-uaf', true, ['detected', 'detected'], 'ASan: heap-use-after-free · gcc 12, clang 14');
    const html = toHtml(evidenceMark({ snippetId: 'c-uaf', claims: ['detected'] }, result, '#/bug-2-use-after-free'));
    expect(html).toBe(
      '<a class="evidence" href="#/bug-2-use-after-free" title="c-uaf: ASan: heap-use-after-free · gcc 12, clang ' +
        '14" data-snippet="c-uaf" data-outcome="detected">' +
        '<span aria-hidden="true">✓</span>' +
        '<span class="sr-only">proved by snippet c-uaf, caught by a sanitizer or the stack protector: ASan: ' +
        'heap-use-after-free · gcc 12, clang 14</span></a>',
    );
  });

  it('says so when the claim is not proved', () => {
    const wrong = fakeResult('rs-leak-forget', true, ['ran']);
    expect(toHtml(evidenceMark({ snippetId: 'rs-leak-forget', claims: ['compile-error'] }, wrong, '#/leak'))).toContain(
      '✗</span><span class="sr-only">not proved by snippet rs-leak-forget: it did not end as claimed (compile-error)',
    );
    expect(toHtml(evidenceMark({ snippetId: 'x', claims: ['runs'] }, undefined, '#/x'))).toContain(
      'not verified in this build',
    );
    expect(
      toHtml(evidenceMark({ snippetId: 'x', claims: ['runs'] }, fakeResult('x', false, ['ran']), '#/x')),
    ).toContain('failed its own check');
  });

  it('names the toolchains when the snippet has no summary', () => {
    const html = toHtml(
      evidenceMark(
        { snippetId: 'rs-uaf', claims: ['compile-error'] },
        fakeResult('rs-uaf', true, ['compile-error'], ''),
        '#/uaf',
      ),
    );
    expect(html).toContain('title="rs-uaf: rustc 1.85.0"');
  });
});
