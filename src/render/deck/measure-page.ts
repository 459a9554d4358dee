/**
 * What runs inside the measuring page (serialised by puppeteer: no imports, no outer variables). Every slide is
 * laid out at its real size, one under the other; code blocks shrink in 0.5 px steps until their slide fits,
 * never below the floor, and what still does not fit is reported with its cause.
 */

/** Input of {@link measureSlides}. */
export interface MeasureInput {
  floor: number;
}

/** What does not fit, by cause; `pos` indexes the marked positions (-1: only the slide is known). */
export type RawFinding =
  | { kind: 'code-wide'; pos: number; slide: number; line: number; chars: number; fitChars: number; fit: boolean }
  | { kind: 'code-tall'; pos: number; slide: number; lines: number; fitLines: number; over: number; fit: boolean }
  | { kind: 'wide'; pos: number; slide: number; tag: string; width: number; box: number }
  | { kind: 'tall'; pos: number; slide: number; tag: string; over: number };

/** Font sizes chosen (`[block index, px]`) and the findings, in document order. */
export interface MeasureOutput {
  sizes: [number, number][];
  findings: RawFinding[];
}

/** Runs in the page. */
export function measureSlides(input: MeasureInput): MeasureOutput {
  const STEP = 0.5;
  const sizes: [number, number][] = [];
  const findings: RawFinding[] = [];
  const px = (element: Element, property: string) =>
    Number.parseFloat(getComputedStyle(element).getPropertyValue(property));
  const posOf = (element: Element | null): number => {
    const marked = element?.closest<HTMLElement>('[data-pd-pos]');
    return marked ? Number(marked.dataset.pdPos) : -1;
  };
  const clipsWide = (element: HTMLElement) => element.scrollWidth > element.clientWidth + 1;
  const setSize = (pre: HTMLElement, size: number | undefined) => {
    pre.style.fontSize = size === undefined ? '' : `${size}px`;
  };
  const slides = [
    ...document.querySelectorAll<HTMLElement>(
      '.reveal .slides > section:not(.stack), .reveal .slides > section > section',
    ),
  ];
  for (const slide of slides) {
    const slideLine = Number(slide.dataset.line ?? 0);
    const bottom = () => slide.getBoundingClientRect().bottom;
    // Block boxes, not text or inline boxes: a glyph or an inline code's padding may stick out of its line
    // without anything being cut off. Only the bottom: a centred slide that overflows does so at both ends.
    const overBottom = () => {
      const edge = slide.getBoundingClientRect().bottom;
      let over = 0;
      for (const element of slide.querySelectorAll('*')) {
        const rect = element.getBoundingClientRect();
        if (rect.bottom - edge <= over || (rect.width === 0 && rect.height === 0)) continue;
        if (getComputedStyle(element).display !== 'inline') over = rect.bottom - edge;
      }
      return over;
    };
    const pres = [...slide.querySelectorAll<HTMLElement>('pre[data-pd-fit]')];
    const natural = new Map(pres.map((pre) => [pre, px(pre, 'font-size')]));
    const chosen = new Map<HTMLElement, number | undefined>();
    // Too wide: the largest size on the 0.5 px grid at which every line shows.
    for (const pre of pres) {
      chosen.set(pre, undefined);
      if (!clipsWide(pre)) continue;
      const start = natural.get(pre) ?? input.floor;
      let size = Math.floor(start / STEP) * STEP;
      if (size === start) size -= STEP;
      for (; size >= input.floor; size -= STEP) {
        setSize(pre, size);
        if (!clipsWide(pre)) break;
      }
      if (size >= input.floor) chosen.set(pre, size);
      else {
        setSize(pre, input.floor);
        const lines = [...pre.querySelectorAll(':scope > code:first-of-type > .line')].map(
          (line) => line.textContent ?? '',
        );
        const longest = lines.reduce(
          (best, line, index) => (line.length > (lines[best] ?? '').length ? index : best),
          0,
        );
        const chars = [...(lines[longest] ?? '')].length;
        const padding = px(pre, 'padding-left') + px(pre, 'padding-right');
        const fitChars = Math.floor((chars * (pre.clientWidth - padding)) / (pre.scrollWidth - padding));
        findings.push({
          kind: 'code-wide',
          pos: posOf(pre),
          slide: slideLine,
          line: longest + 1,
          chars,
          fitChars,
          fit: true,
        });
        setSize(pre, undefined);
        chosen.delete(pre);
      }
    }
    // Too tall: shrink the slide's code blocks together, when that is enough to fit it.
    const shrinkable = [...chosen.keys()];
    if (overBottom() > 1 && shrinkable.length > 0) {
      const widest = (pre: HTMLElement) => chosen.get(pre) ?? natural.get(pre) ?? input.floor;
      const top = Math.max(...shrinkable.map(widest));
      let cap = Math.floor(top / STEP) * STEP;
      if (cap === top) cap -= STEP;
      let fitted = false;
      for (; cap >= input.floor && !fitted; cap -= STEP) {
        for (const pre of shrinkable) setSize(pre, Math.min(widest(pre), cap));
        fitted = overBottom() <= 1;
      }
      if (fitted)
        for (const pre of shrinkable)
          if (Math.min(widest(pre), cap + STEP) < (natural.get(pre) ?? 0))
            chosen.set(pre, Math.min(widest(pre), cap + STEP));
      for (const pre of shrinkable) setSize(pre, chosen.get(pre));
    }
    for (const [pre, size] of chosen) if (size !== undefined) sizes.push([Number(pre.dataset.pdFit), size]);
    // What still sticks out on the right: the innermost marked element, measured against its column or slide.
    const marked = [...slide.querySelectorAll<HTMLElement>('[data-pd-pos], pre[data-pd-nofit]')];
    const tooWide = marked.filter((element) => {
      if (element.closest('pre[data-pd-fit]') && !element.matches('pre')) return false;
      const box = (element.parentElement?.closest<HTMLElement>('.column') ?? slide).getBoundingClientRect();
      // A long word or URL spills out of its paragraph without widening it: count the content too.
      const rect = element.getBoundingClientRect();
      const right = Math.max(rect.right, rect.left + element.scrollWidth);
      return right > box.right + 1 || (element.matches('pre, table') && clipsWide(element));
    });
    for (const element of tooWide) {
      if (element.matches('pre[data-pd-fit]')) continue;
      if (tooWide.some((other) => other !== element && element.contains(other))) continue;
      const box = (element.parentElement?.closest<HTMLElement>('.column') ?? slide).getBoundingClientRect();
      const rect = element.getBoundingClientRect();
      const width = Math.max(rect.right, rect.left + element.scrollWidth) - box.left;
      if (element.matches('pre[data-pd-nofit]')) {
        const lines = [...element.querySelectorAll(':scope > code:first-of-type > .line')].map(
          (line) => line.textContent ?? '',
        );
        const longest = lines.reduce(
          (best, line, index) => (line.length > (lines[best] ?? '').length ? index : best),
          0,
        );
        const chars = [...(lines[longest] ?? '')].length;
        const fitChars = Math.floor((chars * element.clientWidth) / element.scrollWidth);
        findings.push({
          kind: 'code-wide',
          pos: posOf(element),
          slide: slideLine,
          line: longest + 1,
          chars,
          fitChars,
          fit: false,
        });
      } else
        findings.push({
          kind: 'wide',
          pos: posOf(element),
          slide: slideLine,
          tag: element.tagName.toLowerCase(),
          width: Math.round(width),
          box: Math.round(box.width),
        });
    }
    // What still runs below the slide: the first innermost marked element crossing its bottom edge.
    const over = overBottom();
    if (over <= 1) continue;
    const edge = bottom();
    const crossing = marked.filter((element) => element.getBoundingClientRect().bottom > edge + 1);
    const first = crossing.find(
      (element) => !crossing.some((other) => other !== element && element.contains(other) && !other.matches('pre')),
    );
    const pre = first?.matches('pre') ? first : first?.querySelector<HTMLElement>('pre');
    if (first && pre) {
      const lines = pre.querySelectorAll(':scope > code:first-of-type > .line').length;
      const fit = pre.matches('[data-pd-fit]');
      if (fit) setSize(pre, input.floor);
      const fitLines = [...pre.querySelectorAll(':scope > code:first-of-type > .line')].filter(
        (line) => line.getBoundingClientRect().bottom <= edge,
      ).length;
      setSize(pre, fit ? chosen.get(pre) : undefined);
      findings.push({
        kind: 'code-tall',
        pos: posOf(first),
        slide: slideLine,
        lines,
        fitLines,
        over: Math.round(over),
        fit,
      });
    } else
      findings.push({
        kind: 'tall',
        pos: posOf(first ?? null),
        slide: slideLine,
        tag: first?.tagName.toLowerCase() ?? 'section',
        over: Math.round(over),
      });
  }
  return { sizes, findings };
}
