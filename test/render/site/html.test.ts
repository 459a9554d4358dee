import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../src/runtime/files.ts';
import { renderSite } from '../../../src/render/site/site.ts';
import { siteInputFor } from './fixture.ts';

/**
 * html-validate's recommended rules, with two exceptions that the output cannot meet by design: shiki
 * colours code with inline styles (so the site shows exactly the deck's colours), and hast-util-to-html
 * writes the lower-case doctype, which HTML allows.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'no-inline-style': 'off', 'doctype-style': ['error', { style: 'lowercase' }] },
});

let pages: { path: string; html: string }[];
let dispose: () => void;

beforeAll(async () => {
  const fixture = await siteInputFor();
  dispose = fixture.dispose;
  const files: OutputFile[] = renderSite(fixture.input);
  pages = files.flatMap((file) =>
    file.path.endsWith('.html') && 'content' in file ? [{ path: file.path, html: String(file.content) }] : [],
  );
});

afterAll(() => dispose());

describe('generated HTML', () => {
  it('covers every page of the site', () => {
    expect(pages.map((page) => page.path)).toEqual([
      '404.html',
      'alpha/index.html',
      'beta/index.html',
      'guide/index.html',
      'index.html',
      'verification.html',
    ]);
  });

  it('is valid under html-validate on every page', async () => {
    for (const page of pages) {
      const report = await validator.validateString(page.html, page.path);
      const messages = report.results.flatMap((result) =>
        result.messages.map(
          (message) => `${page.path}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
        ),
      );
      expect(messages).toEqual([]);
    }
  });
});
