import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument, TableBlock } from '../../src/ingest/document.js';
import { readPdf } from '../../src/ingest/read-pdf.js';
import { assignRunsToGrid, findTableGrids, middleY } from '../../src/ingest/pdf/tables.js';
import { joinRuns } from '../../src/ingest/pdf/lines.js';
import { assessTextQuality } from '../../src/ingest/pdf/text-quality.js';
import {
  CorruptFileError,
  EmptyFileError,
  EncryptedFileError,
  FileTooLargeError,
  UnsupportedFormatError,
} from '../../src/errors.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
/** shared/ sits beside the repository (locally and in CI); its files are not copied into the project. */
const shared = (name: string): string => fileURLToPath(new URL(`../../../shared/${name}`, import.meta.url));

const seedPdf = fixture('seed/huadu-2021-jgdgw.pdf');

function textOf(doc: RawDocument): string {
  return doc.blocks
    .map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text).join('\t')).join('\n') : b.text))
    .join('\n');
}

function tables(doc: RawDocument): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

describe('readPdf on the seed report', () => {
  let doc: RawDocument;
  beforeAll(async () => {
    doc = await readPdf(readFileSync(seedPdf), { fileName: 'huadu-2021-jgdgw.pdf' });
  });

  it('reads five pages of text with page numbers, none needing OCR', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.pages.every((p) => !p.needsOcr && p.chars > 300)).toBe(true);
    expect(new Set(doc.blocks.map((b) => b.page))).toEqual(new Set([1, 2, 3, 4, 5]));
    // Blocks come in page order.
    const pages = doc.blocks.map((b) => b.page);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
  });

  it('keeps the title and the figures', () => {
    const text = textOf(doc);
    expect(text).toContain('中共广州市花都区直属机关工作委员会');
    for (const figure of ['890.33', '714.07', '80.2%', '91.28', '43.22', '24.99', '523.39', '142.46', '642.19', '71.88']) {
      expect(text).toContain(figure);
    }
    expect(text).not.toContain('\uFFFD');
  });

  it('emits paragraphs, not one block per line, and no spaces between CJK glyphs', () => {
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
    // 98 visual lines on five pages collapse into about 40 paragraphs.
    expect(paragraphs.length).toBeGreaterThan(25);
    expect(paragraphs.length).toBeLessThan(60);
    const sentence = paragraphs.find((b) => b.text.startsWith('1. 统一组织'));
    expect(sentence?.text).toBe('1. 统一组织、规划、部署区直机关党的工作，提出加强和改进机关党的建设的意见和建议，研究制定工作规划，并抓好组织实施。');
    expect(textOf(doc)).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff]/u);
  });

  it('reads the document info', () => {
    expect(doc.meta?.producer).toBe('LibreOffice 7.4');
    expect(doc.meta?.created).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('readPdf on non-embedded CJK fonts (needs pdf.js CMaps)', () => {
  for (const name of ['huadu-2021-jgdgw-cidfont.pdf', 'huadu-2021-jgdgw-gbk-euc.pdf']) {
    it(`extracts the Chinese text of ${name}`, async () => {
      const doc = await readPdf(readFileSync(fixture(`seed/${name}`)), { fileName: name });
      expect(doc.pages).toHaveLength(1);
      expect(doc.pages[0]!.needsOcr).toBe(false);
      const text = textOf(doc);
      expect(text).toContain('中共广州市花都区直属机关工作委员会');
      expect(text).toContain('714.07');
      // "43.\n22 万元" is wrapped in the source: both halves must be there, in order.
      expect(text).toMatch(/43\.\s*22/u);
      expect(text).toContain('一般公共服务支出');
      expect(text).not.toContain('\uFFFD');
    });
  }
});

describe('readPdf on a scanned report', () => {
  it('flags every page for OCR and emits no blocks', async () => {
    const doc = await readPdf(readFileSync(shared('seed/huadu-2021-jgdgw-scanned.pdf')));
    expect(doc.pages).toHaveLength(5);
    for (const page of doc.pages) {
      expect(page.needsOcr).toBe(true);
      expect(page.ocrReason).toBe('empty');
    }
    expect(doc.blocks).toHaveLength(0);
  });
});

describe('readPdf on real government PDFs', () => {
  const expected: Record<string, number> = {
    'final-accounts-template.pdf': 23,
    'putuo-finance-2024-final-accounts-altered.pdf': 26,
    'putuo-finance-2024-final-accounts.pdf': 25,
    'putuo-planning-2024-final-accounts.pdf': 30,
    'putuo-social-work-2024-final-accounts.pdf': 24,
  };
  const docs = new Map<string, RawDocument>();
  beforeAll(async () => {
    for (const name of Object.keys(expected)) {
      docs.set(name, await readPdf(readFileSync(shared(`realpdf/${name}`)), { fileName: name }));
    }
  }, 180_000);

  it('reads each file with the right page count, clean text and tables', () => {
    expect(existsSync(shared('realpdf'))).toBe(true);
    for (const [name, pages] of Object.entries(expected)) {
      const doc = docs.get(name)!;
      expect(doc.pages, name).toHaveLength(pages);
      expect(textOf(doc), name).not.toContain('\uFFFD');
      expect(tables(doc).length, name).toBeGreaterThanOrEqual(8);
      expect(doc.pages.filter((p) => p.needsOcr), name).toEqual([]);
      for (const t of tables(doc)) {
        for (const [r, row] of t.rows.entries()) for (const cell of row) expect(cell.row).toBe(r);
      }
    }
  });

  it('puts table text into cells, with a row label next to its figures (putuo-finance)', () => {
    const doc = docs.get('putuo-finance-2024-final-accounts.pdf')!;
    const ts = tables(doc);
    expect(ts.length).toBeGreaterThanOrEqual(5);
    const rows = ts.flatMap((t) => t.rows);
    const row = rows.find((r) => r.some((c) => c.text === '一般公共服务支出') && r.some((c) => /^\d{1,3}(,\d{3})*\.\d\d$/u.test(c.text)));
    expect(row).toBeDefined();
    // 收入决算表: 201 | | | 一般公共服务支出 | 2,112.86 | 2,106.66 | … | 6.20
    expect(rows.some((r) => r.map((c) => c.text).join('|').startsWith('201|||一般公共服务支出|2,112.86|2,106.66|'))).toBe(true);
    // Table text does not leak into paragraphs.
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(paragraphs.some((p) => p.includes('2,112.86'))).toBe(false);
    // Narrative figures stay in paragraphs.
    expect(paragraphs.some((p) => p.includes('完成年初预算的98.20%'))).toBe(true);
    // Ragged-right lines (a number that did not fit) stay in their paragraph.
    expect(paragraphs).toContain(
      '1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。',
    );
    expect(paragraphs.some((p) => p.includes('其他工资福利支出、退休费、个人农业生产补贴；公用经费184.65万元'))).toBe(true);
  });

  it('keeps merged header cells with their spans (收入决算表)', () => {
    const doc = docs.get('putuo-finance-2024-final-accounts.pdf')!;
    const income = tables(doc).find((t) => t.page === 8)!;
    const header = income.rows[0]!;
    expect(header[0]).toMatchObject({ text: '项目', row: 0, col: 0, colSpan: 4, rowSpan: 1 });
    expect(header[1]).toMatchObject({ text: '本年收入合计', col: 4, rowSpan: 3, colSpan: 1 });
    expect(income.rows[3]!.map((c) => c.text).slice(0, 5)).toEqual(['类', '款', '项', '合计', '2,946.25']);
  });

  it('reads Word tables whose rules are filled rectangles (putuo-planning)', () => {
    const doc = docs.get('putuo-planning-2024-final-accounts.pdf')!;
    const rows = tables(doc).flatMap((t) => t.rows.map((r) => r.map((c) => c.text)));
    expect(rows).toContainEqual(['2080505', '机关事业单位基本养老保险缴费支出', '446.11', '446.11', '', '', '', '', '']);
    const threePublic = tables(doc).find((t) => t.rows[0]?.[0]?.text === '财政拨款“三公”经费')!;
    expect(threePublic.rows[0]![0]!.colSpan).toBe(12);
    expect(threePublic.rows.at(-1)!.map((c) => c.text)).toEqual(['2.85', '0.39', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '2.85', '0.39']);
  });

  it('keeps numbered headings as their own paragraphs (table of contents)', () => {
    const doc = docs.get('putuo-social-work-2024-final-accounts.pdf')!;
    const toc = doc.blocks.filter((b) => b.page === 2 && b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    expect(toc).toContain('一、收入支出决算总表');
    expect(toc).toContain('二、收入决算表');
  });
});

describe('readPdf errors', () => {
  const seed = readFileSync(seedPdf);

  it('rejects a truncated PDF as corrupt, naming the file', async () => {
    const half = seed.subarray(0, Math.floor(seed.length / 2));
    const error = await readPdf(half, { fileName: 'half.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect((error as CorruptFileError).file).toBe('half.pdf');
    expect((error as CorruptFileError).message).toContain('half.pdf');
    expect((error as CorruptFileError).cause).toBeDefined();
  });

  it('rejects garbage behind a %PDF header as corrupt', async () => {
    const junk = Buffer.alloc(4000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 251;
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), junk]);
    await expect(readPdf(bytes, { fileName: 'junk.pdf' })).rejects.toBeInstanceOf(CorruptFileError);
  });

  it('rejects a password-protected PDF as encrypted', async () => {
    const bytes = makeEncryptedPdf('secret');
    const error = await readPdf(bytes, { fileName: 'locked.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncryptedFileError);
    expect((error as EncryptedFileError).file).toBe('locked.pdf');
  });

  it('refuses files over maxBytes before parsing', async () => {
    await expect(readPdf(seed, { fileName: 'big.pdf', maxBytes: 1000 })).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it('rejects empty input and non-PDF bytes', async () => {
    await expect(readPdf(new Uint8Array(0))).rejects.toBeInstanceOf(EmptyFileError);
    await expect(readPdf(Buffer.from('PK\u0003\u0004 not a pdf'))).rejects.toBeInstanceOf(UnsupportedFormatError);
  });

  it('leaves the caller’s buffer usable', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('seed/huadu-2021-jgdgw-cidfont.pdf')));
    await readPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});

describe('readPdf on generated pages', () => {
  for (const rotate of [0, 90, 270]) {
    it(`reads a paragraph, a stroked table and a closing line in order (/Rotate ${rotate})`, async () => {
      const doc = await readPdf(makeTablePdf(rotate));
      expect(doc.pages).toEqual([{ number: 1, chars: expect.any(Number), needsOcr: false }]);
      expect(doc.blocks).toEqual([
        { kind: 'paragraph', page: 1, text: 'The budget was 890.33 and the execution reached 714.07 in the year as the second line says' },
        {
          kind: 'table',
          page: 1,
          rows: [
            [
              { text: 'Item', row: 0, col: 0, rowSpan: 1, colSpan: 1 },
              { text: 'Amount', row: 0, col: 1, rowSpan: 1, colSpan: 1 },
            ],
            [
              { text: 'Total', row: 1, col: 0, rowSpan: 1, colSpan: 1 },
              { text: '714.07', row: 1, col: 1, rowSpan: 1, colSpan: 1 },
            ],
          ],
        },
        { kind: 'paragraph', page: 1, text: 'After the table.' },
      ]);
    });
  }
});

describe('PDF helpers', () => {
  // Two columns x three rows; the top row's middle rule is missing (one cell spanning both columns).
  const mergedHeader = {
    h: [0, 20, 40, 60].map((y) => ({ y, x1: 0, x2: 200 })),
    v: [
      { x: 0, y1: 0, y2: 60 },
      { x: 100, y1: 20, y2: 60 },
      { x: 200, y1: 0, y2: 60 },
    ],
  };

  it('finds a ruled grid with a merged header cell', () => {
    const grids = findTableGrids(mergedHeader);
    expect(grids).toHaveLength(1);
    const cells = grids[0]!.cells.map(({ row, col, rowSpan, colSpan }) => ({ row, col, rowSpan, colSpan }));
    expect(cells).toEqual([
      { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
      { row: 1, col: 0, rowSpan: 1, colSpan: 1 },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1 },
      { row: 2, col: 0, rowSpan: 1, colSpan: 1 },
      { row: 2, col: 1, rowSpan: 1, colSpan: 1 },
    ]);
  });

  it('puts a run in the cell whose box holds its middle, merged cells and edges included (as a scan of every cell does)', () => {
    const grid = findTableGrids(mergedHeader)[0]!;
    const scan = (x: number, y: number): number => grid.cells.findIndex((c) => x >= c.x1 && x < c.x2 && y >= c.y1 && y < c.y2);
    const runs = [];
    // Middles on a 5-point lattice over and around the grid: on rules, inside spans, outside.
    for (let x = -10; x <= 210; x += 5) for (let y = -10; y <= 70; y += 5) runs.push({ text: 'a', x: x - 0.5, y: y + 3, width: 1, size: 10 });
    const { inside, outside } = assignRunsToGrid(grid, runs);
    expect(inside.length + outside.length).toBe(runs.length);
    expect(inside.length).toBeGreaterThan(100);
    for (const { cell, run } of inside) expect(cell).toBe(scan(run.x + run.width / 2, middleY(run)));
  });

  it('does not take a single box or a lone underline for a table', () => {
    expect(findTableGrids({ h: [{ y: 0, x1: 0, x2: 100 }, { y: 50, x1: 0, x2: 100 }], v: [{ x: 0, y1: 0, y2: 50 }, { x: 100, y1: 0, y2: 50 }] })).toEqual([]);
    expect(findTableGrids({ h: [{ y: 10, x1: 0, x2: 100 }], v: [] })).toEqual([]);
  });

  it('spaces runs by visible gaps only', () => {
    const run = (text: string, x: number, width: number) => ({ text, x, y: 0, width, size: 12 });
    // Per-glyph CJK items touching each other: no spaces.
    expect(joinRuns([run('执', 0, 12), run('行', 12, 12), run('数', 24, 12)])).toBe('执行数');
    // A number set apart from its unit: one space.
    expect(joinRuns([run('890.33', 0, 36), run('万元', 48, 24)])).toBe('890.33 万元');
    // Justified CJK (a small gap) stays joined; a table-cell join never spaces CJK.
    expect(joinRuns([run('合', 0, 12), run('计', 14, 12)])).toBe('合计');
    expect(joinRuns([run('合', 0, 12), run('计', 60, 12)], { cjkGap: Infinity })).toBe('合计');
  });

  it('judges text layers', () => {
    expect(assessTextQuality('')).toMatchObject({ needsOcr: true, ocrReason: 'empty' });
    expect(assessTextQuality('预算执行率\uFFFD\uFFFD\uFFFD')).toMatchObject({ needsOcr: true, ocrReason: 'replacement_chars' });
    expect(assessTextQuality('ÖÐ¹ú¹²²úµ³ÖÐÑëÎ¯Ô±»á¹ãÖÝÊÐ»¨¶¼Çø')).toMatchObject({ needsOcr: true, ocrReason: 'no_cjk' });
    expect(assessTextQuality('2,112.86 2,106.66 6.20 1,511.90 1,511.89 0.01 16.19 10.00')).toMatchObject({ needsOcr: false });
    expect(assessTextQuality('本部门2021年预算数890.33万元')).toMatchObject({ needsOcr: false });
  });
});

/** Serializes numbered objects (1…n, object 1 the catalog) with an xref table. */
function buildPdf(objects: Array<string | Buffer>, trailerExtra = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

function streamObject(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

/** One A4 page in Helvetica: a two-line paragraph, a stroked 2 x 2 table, a closing line. */
function makeTablePdf(rotate: number): Buffer {
  const content = [
    'BT /F1 12 Tf 72 760 Td (The budget was 890.33 and the execution reached 714.07 in the year) Tj ET',
    'BT /F1 12 Tf 72 744 Td (as the second line says) Tj ET',
    '0.5 w 72 600 200 40 re S 72 620 m 272 620 l S 172 600 m 172 640 l S',
    'BT /F1 10 Tf 80 626 Td (Item) Tj ET BT /F1 10 Tf 180 626 Td (Amount) Tj ET',
    'BT /F1 10 Tf 80 606 Td (Total) Tj ET BT /F1 10 Tf 180 606 Td (714.07) Tj ET',
    'BT /F1 12 Tf 72 560 Td (After the table.) Tj ET',
  ].join('\n');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate ${rotate} /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    streamObject(Buffer.from(content, 'latin1')),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/**
 * A one-page PDF encrypted with the standard security handler (RC4, 40-bit, revision 2) under a
 * user password, built here so the test needs no qpdf.
 */
function makeEncryptedPdf(userPassword: string): Buffer {
  const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
  const pad = (pw: string): Buffer => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
  const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();
  const rc4 = (key: Buffer, data: Buffer): Buffer => {
    const s = Array.from({ length: 256 }, (_, i) => i);
    for (let i = 0, j = 0; i < 256; i++) {
      j = (j + s[i]! + key[i % key.length]!) & 255;
      [s[i], s[j]] = [s[j]!, s[i]!];
    }
    const out = Buffer.alloc(data.length);
    for (let k = 0, i = 0, j = 0; k < data.length; k++) {
      i = (i + 1) & 255;
      j = (j + s[i]!) & 255;
      [s[i], s[j]] = [s[j]!, s[i]!];
      out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
    }
    return out;
  };
  const id = md5(Buffer.from('jixiao-encrypted-fixture'));
  const permissions = -44;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const owner = rc4(md5(pad('owner')).subarray(0, 5), pad(userPassword));
  const fileKey = md5(pad(userPassword), owner, p, id).subarray(0, 5);
  const user = rc4(fileKey, PAD);
  const objectKey = (num: number): Buffer =>
    md5(fileKey, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      streamObject(rc4(objectKey(4), Buffer.from('BT /F1 24 Tf 72 700 Td (Locked) Tj ET'))),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>`,
    ],
    `/Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] `,
  );
}
