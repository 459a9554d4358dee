/** Document metadata from the frontmatter, and fixed dates so the same sources give the same bytes. */
import type { DeckMeta } from '../../model/deck.ts';

/** The date stamped into PDFs: `SOURCE_DATE_EPOCH` (reproducible-builds.org), else the deck's date, else 1970. */
export function pdfDate(meta: DeckMeta, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (meta.date) return new Date(`${meta.date}T00:00:00Z`);
  return new Date(0);
}

/** Rewrites the info dictionary (title, author, subject, keywords, dates); keeps outline and tags. */
export async function stampMetadata(pdf: Uint8Array, meta: DeckMeta, title: string, date: Date): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(title);
  if (meta.author) doc.setAuthor(meta.author);
  doc.setSubject(meta.subtitle ?? meta.abstract ?? meta.title);
  doc.setKeywords([meta.event, 'proofdeck'].filter((k): k is string => Boolean(k)));
  doc.setCreator('proofdeck');
  doc.setProducer('proofdeck with chromium (Skia/PDF)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
