/** Post-processing of mermaid's SVG: ids scoped to the diagram, and an accessible name. */

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Prefixes every id mermaid did not scope itself (sequence diagrams use bare actor names) with the
 * diagram's id, and numbers repeats, so several diagrams on one page never share an id.
 */
export function scopeSvgIds(svg: string, diagramId: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? '');
  const foreign = new Set(
    ids.filter((id) => id !== diagramId && !id.startsWith(`${diagramId}-`) && !id.startsWith(`${diagramId}_`)),
  );
  let scoped = svg;
  for (const id of foreign) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    scoped = scoped
      .replace(new RegExp(`(\\sid=")${escaped}"`, 'g'), `$1${diagramId}-${id}"`)
      .replace(new RegExp(`url\\(#${escaped}\\)`, 'g'), `url(#${diagramId}-${id})`)
      .replace(new RegExp(`(href=")#${escaped}"`, 'g'), `$1#${diagramId}-${id}"`);
  }
  const seen = new Map<string, number>();
  return scoped.replace(/(\sid=")([^"]+)"/g, (_match, prefix: string, id: string) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? `${prefix}${id}"` : `${prefix}${id}-${count}"`;
  });
}

/** Puts `<title>`/`<desc>` first in the SVG and labels it with them (what accTitle/accDescr do). */
export function addAccessibleName(
  svg: string,
  diagramId: string,
  title: string | undefined,
  description: string | undefined,
): string {
  if (!title && !description) return svg;
  const cleaned = svg
    .replace(/<title[^>]*>[\s\S]*?<\/title>/, '')
    .replace(/<desc[^>]*>[\s\S]*?<\/desc>/, '')
    .replace(/\saria-(labelledby|describedby)="[^"]*"/g, '');
  const parts: string[] = [];
  const aria: string[] = [];
  if (title) {
    parts.push(`<title id="${diagramId}-title">${escapeXml(title)}</title>`);
    aria.push(`aria-labelledby="${diagramId}-title"`);
  }
  if (description) {
    parts.push(`<desc id="${diagramId}-desc">${escapeXml(description)}</desc>`);
    aria.push(`aria-describedby="${diagramId}-desc"`);
  }
  return cleaned.replace(
    /<svg\b([^>]*)>/,
    (_m, attributes: string) =>
      `<svg${attributes.replace(/\srole="[^"]*"/, '')} role="img" ${aria.join(' ')}>${parts.join('')}`,
  );
}
