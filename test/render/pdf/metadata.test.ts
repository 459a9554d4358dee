import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DeckMeta } from '../../../src/model/deck.ts';
import { pdfDate, stampMetadata } from '../../../src/render/pdf/metadata.ts';

const META: DeckMeta = {
  title: 'Rust in Kernel Development',
  subtitle: 'Memory safety · modules',
  author: 'Ada Lovelace',
  event: 'Kernel Recipes',
  date: '2025-06-12',
  theme: 'dark',
  slideLevel: 2,
  transition: 'slide',
  kind: 'deck',
};

/** A small PDF with a classic xref table and chromium's date format, like Skia writes. */
async function chromiumLikePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([400, 300]);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
  expect(bytes).toContain('/Type /Catalog');
  return Buffer.from(
    bytes.replace('/Type /Catalog', "/Type /Catalog /CreationDate (D:20261125111304+00'00')"),
    'latin1',
  );
}

describe('stampMetadata', () => {
  it('appends the frontmatter as document information that readers apply, and fixes every date', async () => {
    const stamped = stampMetadata(await chromiumLikePdf(), META, META.title, pdfDate(META, {}));
    const text = Buffer.from(stamped).toString('latin1');
    expect(text).not.toContain('D:20261125111304');
    const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const doc = await PDFDocument.load(stamped, { updateMetadata: false });
    expect([doc.getTitle(), doc.getAuthor(), doc.getSubject(), doc.getKeywords(), doc.getCreator()]).toEqual([
      META.title,
      'Ada Lovelace',
      'Memory safety · modules',
      'Kernel Recipes, proofdeck',
      'proofdeck',
    ]);
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-06-12T00:00:00.000Z');
  });

  it("renumbers chromium's structure-element ids in order, so two prints of one deck give the same bytes", async () => {
    const base = Buffer.from(await chromiumLikePdf()).toString('latin1');
    const withIds = (first: number) =>
      Buffer.from(
        base.replace(
          '/Type /Catalog',
          `/Type /Catalog /A (node${String(first).padStart(8, '0')}) /B (node` +
            `${String(first + 7).padStart(8, '0')}) /C (node${String(first).padStart(8, '0')})`,
        ),
        'latin1',
      );
    const one = stampMetadata(withIds(143), META, META.title, new Date(0));
    const two = stampMetadata(withIds(144), META, META.title, new Date(0));
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    expect(Buffer.from(one).toString('latin1')).toContain('/A (node00000001) /B (node00000002) /C (node00000001)');
  });

  it('takes the date from SOURCE_DATE_EPOCH first, then the frontmatter, then 1970', () => {
    expect(pdfDate(META, { SOURCE_DATE_EPOCH: '86400' }).toISOString()).toBe('1970-01-02T00:00:00.000Z');
    expect(pdfDate(META, {}).toISOString()).toBe('2025-06-12T00:00:00.000Z');
    expect(pdfDate({ ...META, date: undefined } as unknown as DeckMeta, {}).getTime()).toBe(0);
  });
});
