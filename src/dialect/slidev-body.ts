/**
 * Rewrites a Slidev slide body into native proofdeck markdown, line by line and outside code fences:
 * `<v-clicks>` becomes `:::incremental`, `<v-click>`/`<v-after>` `:::fragment`, a `v-click` attribute the
 * `fragment` class; `<style>` is scoped to the slide; `<script setup>` and Vue components are left out with a warning.
 */
import { scopedStyle } from './scoped-style.ts';
import { type MappedLine, mapLines, type Warn } from './translation.ts';

const CLICK_TAGS = new Set(['v-click', 'v-after', 'v-clicks']);
/**
 * A Vue tag: a component, capitalised (`<Tweet>`), dashed (`<carbon-logo/>`) or an icon (`<carbon:x/>`),
 * or a slot `<template>`.
 */
const COMPONENT_TAG = /<\/?([A-Z][\w-]*|[a-z][a-z0-9]*-[\w-]+|[a-z][\w-]*:[\w-]+|template)(\s[^<>]*?)?\/?>/g;
/** Vue interpolation (`{{ $slidev.nav.currentPage }}`), evaluated by Slidev at run time. */
const INTERPOLATION = /\{\{[^{}]*\}\}/g;
const FENCE = /^\s*(`{3,}|~{3,})/;

function blank(source: number): MappedLine {
  return { text: '', source };
}

/** Rewrites one slide body. */
export function rewriteSlidevBody(lines: MappedLine[], warn: Warn): MappedLine[] {
  const out: MappedLine[] = [];
  let fence: string | undefined;
  let skipping: { until: RegExp } | undefined;
  let style: { text: string[]; source: number } | undefined;
  const endStyle = (block: { text: string[]; source: number }) => {
    const html = block.text.join('\n');
    const scoped = scopedStyle(html, { reach: 'slide', marp: false });
    if (scoped === undefined)
      warn(
        block.source,
        1,
        'a slide <style> block in another language than CSS is not applied',
        'Write it in CSS, or put it in a proofdeck theme.',
        'dialect/unsupported',
      );
    else out.push(blank(block.source), ...mapLines(scoped, block.source), blank(block.source));
  };
  for (const line of lines) {
    const { text, source } = line;
    if (fence) {
      out.push(line);
      if (text.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (style) {
      style.text.push(text);
      if (/<\/style>/i.test(text)) {
        endStyle(style);
        style = undefined;
      }
      continue;
    }
    if (skipping) {
      if (skipping.until.test(text)) skipping = undefined;
      continue;
    }
    const opening = FENCE.exec(text);
    if (opening) {
      fence = opening[1]?.[0]?.repeat(3);
      out.push(line);
      continue;
    }
    // Comments other than the notes are invisible in Slidev: they stay out of the slide.
    if (/^\s*<!--/.test(text)) {
      if (!text.includes('-->')) skipping = { until: /-->/ };
      continue;
    }
    // A slide's <style> is scoped to the slide, as Slidev compiles it (a Vue scoped style).
    if (/^\s*<style\b/i.test(text)) {
      const block = { text: [text], source };
      if (/<\/style>/i.test(text)) endStyle(block);
      else style = block;
      continue;
    }
    if (/^\s*<script\b/.test(text)) {
      warn(
        source,
        1,
        'a Vue <script> block is left off the slide',
        'proofdeck runs no code in the deck.',
        'dialect/vue-component',
      );
      if (!/<\/script>/.test(text)) skipping = { until: /<\/script>/ };
      continue;
    }
    // `<<< @/file#region`: Slidev's snippet import, which proofdeck spells differently.
    if (/^\s*<<<\s/.test(text)) {
      warn(
        source,
        1,
        'Slidev snippet import "<<<" is left off the slide',
        'Paste the code into a fenced block.',
        'dialect/unsupported',
      );
      continue;
    }
    out.push(...rewriteLine(text, source, warn));
  }
  return out;
}

function rewriteLine(text: string, source: number, warn: Warn): MappedLine[] {
  const trimmed = text.trim();
  const whole = /^<(v-clicks?|v-after)(\s[^>]*)?>(.*?)(<\/\1>)?$/.exec(trimmed);
  if (whole) {
    const name = whole[1] === 'v-clicks' ? 'incremental' : 'fragment';
    const inner = whole[3] ?? '';
    const lines = [blank(source), { text: `:::${name}`, source }];
    if (inner.trim() !== '') lines.push({ text: inner, source });
    if (whole[4]) lines.push({ text: ':::', source }, blank(source));
    return lines;
  }
  if (/^<\/(v-clicks?|v-after)>$/.test(trimmed)) return [blank(source), { text: ':::', source }, blank(source)];
  const rewritten = outsideCodeSpans(text, (segment, start) => rewriteSegment(segment, start, source, warn));
  if (rewritten !== text && rewritten.trim() === '') return [];
  return [{ text: rewritten, source }];
}

/** An inline code span (`` `<Tweet/>` ``): CommonMark's equal backtick runs. Its text is code, shown as typed. */
const CODE_SPAN = /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;

/** Applies `rewrite` to the parts of a line outside inline code spans; `start` is the part's column offset. */
function outsideCodeSpans(text: string, rewrite: (segment: string, start: number) => string): string {
  let out = '';
  let last = 0;
  for (const span of text.matchAll(CODE_SPAN)) {
    const at = span.index ?? 0;
    out += rewrite(text.slice(last, at), last) + span[0];
    last = at + span[0].length;
  }
  return out + rewrite(text.slice(last), last);
}

/** Click attributes, Vue components and `{{ }}` expressions in one part of a line outside code. */
function rewriteSegment(segment: string, start: number, source: number, warn: Warn): string {
  let rewritten = segment.replace(
    /(<[a-zA-Z][\w-]*)((?:\s[^<>]*?)?)\s(v-click|v-after)(?:\.[\w.]+)?(?:="[^"]*")?/g,
    (_m, tag: string, attrs: string) =>
      /\bclass="/.test(attrs)
        ? `${tag}${attrs.replace(/\bclass="/, 'class="fragment ')}`
        : `${tag}${attrs} class="fragment"`,
  );
  rewritten = rewritten.replace(
    COMPONENT_TAG,
    (tag: string, name: string, _attrs: string | undefined, offset: number) => {
      if (CLICK_TAGS.has(name)) return tag;
      if (!tag.startsWith('</'))
        warn(
          source,
          start + offset + 1,
          name === 'template'
            ? 'a Vue <template> slot tag is left off the slide'
            : `Vue component <${name}> is left off the slide`,
          'proofdeck renders markdown and HTML only.',
          'dialect/vue-component',
        );
      return '';
    },
  );
  rewritten = rewritten.replace(INTERPOLATION, (expression: string, offset: number) => {
    warn(
      source,
      start + offset + 1,
      `Vue expression ${expression} is left off the slide`,
      'Write its value as text.',
      'dialect/vue-component',
    );
    return '';
  });
  return rewritten;
}
