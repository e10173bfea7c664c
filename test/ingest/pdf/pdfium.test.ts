import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../../src/ingest/document.js';
import { readPdf } from '../../../src/ingest/read-pdf.js';
import { normalizeDocument } from '../../../src/normalize/normalize.js';
import { loadPdfjs, openPdfDocument } from '../../../src/ingest/pdf/pdfjs.js';
import { parsePdfDate, toTextItems, viewportTransform } from '../../../src/ingest/pdf/pdfium-items.js';
import { PdfiumChars } from '../../../src/ingest/pdf/pdfium.js';
import { CorruptFileError, EncryptedFileError } from '../../../src/errors.js';

const fixtures = fileURLToPath(new URL('../../../fixtures', import.meta.url));
/** shared/ sits beside the repository (locally and in CI). */
const shared = fileURLToPath(new URL('../../../../shared', import.meta.url));

function pdfsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.pdf'))
    .sort()
    .map((n) => join(dir, n));
}

const corpus = [
  ...pdfsIn(join(fixtures, 'seed')),
  ...pdfsIn(join(fixtures, 'ocr')),
  ...pdfsIn(join(shared, 'realpdf')),
];

/** What extraction sees of a read: normalized text, pages and OCR flags, table shapes, cells. */
function comparable(raw: RawDocument): unknown {
  const doc = normalizeDocument(raw);
  return {
    pages: raw.pages,
    meta: raw.meta,
    text: doc.text,
    tables: doc.blockSpans
      .filter((s) => s.cells)
      .map((s) => s.cells!.map((row) => row.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, doc.text.slice(c.start, c.end)]))),
  };
}

describe('PDFium engine against pdf.js', () => {
  it('has fixtures to compare', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of corpus) {
    it(`reads ${file.slice(file.lastIndexOf('/') + 1)} as pdf.js does: text, tables, OCR flags, info`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const pdfjs = await readPdf(bytes, { pdfEngine: 'pdfjs' });
      const pdfium = await readPdf(bytes, { pdfEngine: 'pdfium' });
      expect(comparable(pdfium)).toEqual(comparable(pdfjs));
    });
  }

  it('gives the right characters for CJK fonts that are not embedded (no CMaps needed)', async () => {
    for (const name of ['huadu-2021-jgdgw-cidfont.pdf', 'huadu-2021-jgdgw-gbk-euc.pdf']) {
      const doc = await readPdf(readFileSync(join(fixtures, 'seed', name)), { pdfEngine: 'pdfium' });
      const text = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
      expect(text).toContain('中共广州市花都区直属机关工作委员会');
      expect(text).toContain('890.33');
      expect(doc.pages.every((p) => !p.needsOcr)).toBe(true);
    }
  });

  it('flags scanned pages for OCR', async () => {
    const doc = await readPdf(readFileSync(join(fixtures, 'ocr', 'huadu-2021-jgdgw-scanned.pdf')), { pdfEngine: 'pdfium', ocr: false });
    expect(doc.pages.length).toBeGreaterThan(0);
    expect(doc.pages.every((p) => p.needsOcr && p.ocrReason === 'empty')).toBe(true);
    expect(doc.blocks).toEqual([]);
  });
});

describe('PDFium engine errors', () => {
  const seed = readFileSync(join(fixtures, 'seed', 'huadu-2021-jgdgw.pdf'));

  it('rejects a truncated PDF as corrupt, naming the file', async () => {
    const error = await readPdf(seed.subarray(0, seed.length >> 1), { fileName: 'half.pdf', pdfEngine: 'pdfium' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect((error as CorruptFileError).file).toBe('half.pdf');
    expect((error as CorruptFileError).cause).toBeDefined();
  });

  it('rejects garbage behind a %PDF header as corrupt', async () => {
    const junk = Buffer.alloc(4000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 251;
    await expect(readPdf(Buffer.concat([Buffer.from('%PDF-1.4\n'), junk]), { pdfEngine: 'pdfium' })).rejects.toBeInstanceOf(CorruptFileError);
  });

  it('rejects a PDF whose user password is not empty as encrypted', async () => {
    const error = await readPdf(makeLockedPdf(), { fileName: 'locked.pdf', pdfEngine: 'pdfium' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncryptedFileError);
    expect((error as EncryptedFileError).file).toBe('locked.pdf');
    // pdf.js agrees on the same bytes.
    await expect(readPdf(makeLockedPdf(), { pdfEngine: 'pdfjs' })).rejects.toBeInstanceOf(EncryptedFileError);
  });

  it('leaves the caller’s buffer usable', async () => {
    const bytes = new Uint8Array(seed);
    await readPdf(bytes, { pdfEngine: 'pdfium' });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});

/** A character of a text object at (x, y), 10 pt, advancing `w` points. */
interface TestChar {
  text: string;
  x: number;
  y: number;
  item: number;
  w: number;
  generated?: boolean;
}

function char(text: string, x: number, y: number, item: number, w = 10): TestChar {
  return { text, x, y, item, w };
}

/** The columns readChars fills: one style per text object, blanks by code, generated characters left out. */
function charsOf(list: readonly TestChar[], room = 0): PdfiumChars {
  const chars = new PdfiumChars(list.length + room);
  const styles = new Map<number, number>();
  for (const c of list) {
    if (c.generated) continue;
    const code = c.text.codePointAt(0)!;
    if (/^\s$/u.test(c.text)) {
      chars.addBlank(code);
      continue;
    }
    let style = styles.get(c.item);
    if (style === undefined) {
      style = chars.addStyle(10, 0, 0, 10, c.item);
      styles.set(c.item, style);
    }
    chars.addChar(code, style, c.x, c.y, c.x, c.y + 8, c.x + c.w, c.y - 2);
  }
  return chars;
}

describe('toTextItems (pdf.js grouping rules)', () => {
  const view = [0, 0, 600, 800] as const;

  it('turns a space glyph between two glyphs into one space, and an in-flow gap into a space', () => {
    const items = toTextItems(charsOf([char('a', 0, 700, 1, 5), char(' ', 5, 700, 1, 3), char('b', 8, 700, 1, 5), char('c', 16, 700, 1, 5)]), view);
    expect(items.map((i) => i.str)).toEqual(['a b c']);
    expect(items[0]!.width).toBeCloseTo(21);
    expect(items[0]!.transform).toEqual([10, 0, 0, 10, 0, 700]);
  });

  it('starts a new item on a wide gap, a new line, a new text object, and drops generated and off-page characters', () => {
    const items = toTextItems(
      charsOf([
        char('a', 0, 700, 1),
        char('b', 30, 700, 1),
        { ...char('\n', 40, 700, 0), generated: true },
        char('c', 0, 680, 1),
        char('d', 10, 680, 2),
        char('e', 700, 680, 2),
      ]),
      view,
    );
    expect(items.map((i) => i.str)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('applies pdf.js’ Unicode normalization (ligatures, compatibility spaces)', () => {
    expect(toTextItems(charsOf([char('\ufb01', 0, 700, 1)]), view)[0]!.str).toBe('fi');
  });

  it('writes a character beyond U+FFFF as its surrogate pair, and 0 or a lone surrogate as U+FFFD', () => {
    const chars = charsOf([char('𠀀', 0, 700, 1), char('预', 10, 700, 1)], 2);
    chars.addChar(0, 0, 20, 700, 20, 708, 30, 698);
    chars.addChar(0xd800, 0, 30, 700, 30, 708, 40, 698);
    expect(toTextItems(chars, view).map((i) => i.str)).toEqual(['𠀀预\ufffd\ufffd']);
  });

  it('keeps an item longer than one String.fromCharCode call whole', () => {
    const text = '预算执行'.repeat(2600);
    const chars = charsOf([...text].map((t, k) => char(t, (k % 50) * 10, 700, 1)));
    // (every 50 characters the pen goes back to the left margin: a new item each time)
    expect(toTextItems(chars, view).map((i) => i.str).join('')).toBe(text);
    const wide = charsOf([...text].map((t, k) => char(t, k * 0.01, 700, 1, 0.01)));
    const items = toTextItems(wide, [0, 0, 1e6, 800]);
    expect(items.map((i) => i.str)).toEqual([text]);
  });
});

describe('PDFium geometry helpers', () => {
  it('builds the viewport transform pdf.js builds, for every /Rotate', async () => {
    const { task } = await openPdfDocument(new Uint8Array(readFileSync(join(fixtures, 'seed', 'huadu-2021-jgdgw.pdf'))));
    try {
      const page = await (await task.promise).getPage(1);
      const view = page.view as [number, number, number, number];
      for (const rotation of [0, 90, 180, 270]) {
        const expected = page.getViewport({ scale: 1, rotation }).transform;
        viewportTransform(view, rotation).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
      }
      const shifted: [number, number, number, number] = [10, 20, 310, 420];
      expect(viewportTransform(shifted, 0)).toEqual([1, 0, 0, -1, -10, 420]);
    } finally {
      await task.destroy();
    }
  });

  it('parses PDF dates as pdf.js does', async () => {
    const pdfjs = await loadPdfjs();
    for (const s of ['D:20210315093000+08\'00\'', 'D:2021', 'D:20211301', "D:20210101120000-05'30'", 'D:20210101120000Z']) {
      expect(parsePdfDate(s)?.toISOString()).toBe(pdfjs.PDFDateString.toDateObject(s)?.toISOString());
    }
    expect(parsePdfDate('yesterday')).toBeUndefined();
  });
});

/** A one-page PDF with a standard security handler whose empty user password does not match. */
function makeLockedPdf(): Buffer {
  const id = '0123456789abcdef0123456789abcdef';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
