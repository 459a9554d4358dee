/** Document metadata from the frontmatter, and fixed dates so the same sources give the same bytes. */
import type { DeckMeta } from '../../model/deck.ts';

/** The date stamped into PDFs: `SOURCE_DATE_EPOCH` (reproducible-builds.org), else the deck's date, else 1970. */
export function pdfDate(meta: DeckMeta, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (meta.date) return new Date(`${meta.date}T00:00:00Z`);
  return new Date(0);
}

/** `D:YYYYMMDDHHmmSS+00'00'`: the form chromium writes, so a date can be replaced in place. */
function pdfDateString(date: Date): string {
  const iso = date.toISOString();
  return (
    `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}` +
    `${iso.slice(17, 19)}+00'00'`
  );
}

/** A PDF text string as UTF-16BE hex, which holds any character without escaping rules. */
function textString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** The document information for the frontmatter. */
function infoEntries(meta: DeckMeta, title: string, date: string): string {
  const entries: [string, string][] = [
    ['Title', title],
    ...(meta.author ? ([['Author', meta.author]] as [string, string][]) : []),
    ['Subject', meta.subtitle ?? meta.abstract ?? meta.title],
    ['Keywords', [meta.event, 'proofdeck'].filter(Boolean).join(', ')],
    ['Creator', 'proofdeck'],
    ['Producer', 'proofdeck with chromium (Skia/PDF)'],
  ];
  return (
    `${entries.map(([key, value]) => `/${key} ${textString(value)}`).join(' ')} /CreationDate (${date}) ` +
    `/ModDate (${date})`
  );
}

/**
 * Chromium names tagged-PDF structure elements after DOM node ids (`node00000143`), which shift from run to
 * run with the page's timing. Renumbering them in their original order keeps every reference (and the
 * sorted ID tree) intact and makes the bytes reproducible; the names keep their length, so offsets hold.
 */
function renumberStructureIds(text: string): string {
  const ids = [...new Set([...text.matchAll(/\(node(\d{8})\)/g)].map((match) => match[1] ?? ''))].sort();
  const renamed = new Map(ids.map((id, index) => [id, String(index + 1).padStart(8, '0')]));
  return text.replace(/\(node(\d{8})\)/g, (_match, id: string) => `(node${renamed.get(id) ?? id})`);
}

/**
 * Sets the document information and fixes its dates without rewriting the PDF: chromium's own dates are
 * overwritten in place (same length), and a new information dictionary is appended as an incremental
 * update, which every reader applies. Keeps the outline, tags and all bytes chromium wrote.
 */
export function stampMetadata(pdf: Uint8Array, meta: DeckMeta, title: string, date: Date): Uint8Array {
  const stamp = pdfDateString(date);
  // latin1 maps bytes 1:1 to characters, so offsets in the string are byte offsets.
  const text = renumberStructureIds(Buffer.from(pdf).toString('latin1')).replace(
    /\/(CreationDate|ModDate) \(D:[^)]{21}\)/g,
    (_match, key: string) => `/${key} (${stamp})`,
  );
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text);
  const size = Number(/\/Size (\d+)/.exec(trailer?.[1] ?? '')?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer?.[1] ?? '')?.[1];
  if (!trailer || !root || !Number.isInteger(size))
    throw new Error('unexpected PDF trailer from chromium: cannot stamp metadata');
  const object = `${size} 0 obj\n<< ${infoEntries(meta, title, stamp)} >>\nendobj\n`;
  const objectOffset = text.length;
  const xrefOffset = objectOffset + object.length;
  const update =
    `${object}xref\n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ` +
    `${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${trailer[2]} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(text + update, 'latin1');
}
