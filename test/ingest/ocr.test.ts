import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/ingest/document.js';
import {
  repairBrackets,
  repairDecimalPoints,
  repairDigitLookalikes,
  repairOcrLine,
  repairOcrText,
  repairPercentTail,
  repairSplitNumbers,
} from '../../src/ingest/ocr/repair.js';
import { DEFAULT_OCR_MAX_PAGES, insertOcrResults, ocrSettingsOf } from '../../src/ingest/ocr/apply-ocr.js';
import { resolveLangPath, startOcrEngine } from '../../src/ingest/ocr/engine.js';
import { ocrPages, type OcrPageResult } from '../../src/ingest/ocr/ocr-pages.js';
import { readImage, readImageInfo } from '../../src/ingest/read-image.js';
import { readDocument } from '../../src/ingest/read.js';
import { analyzeBytes, type Analysis } from '../../src/analyze.js';
import { ConfigError, CorruptFileError, EmptyFileError, FileTooLargeError, UnsupportedFormatError } from '../../src/errors.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const SCANNED = fixture('ocr/huadu-2021-jgdgw-scanned.pdf');
/** OCR takes seconds per page on a 2-core machine: generous per-test limits. */
const OCR_TIMEOUT = 180_000;

describe('OCR text repairs', () => {
  it('reads O/o as 0 and l/I as 1 inside numbers only', () => {
    expect(repairDigitLookalikes('预算数89O.33万元')).toBe('预算数890.33万元');
    expect(repairDigitLookalikes('执行数7l4.07万元')).toBe('执行数714.07万元');
    expect(repairDigitLookalikes('完成8O.2%')).toBe('完成80.2%');
    expect(repairDigitLookalikes('共1O万元')).toBe('共10万元');
    expect(repairDigitLookalikes('共计I2O.5万元')).toBe('共计120.5万元');
    expect(repairDigitLookalikes('O.5万元')).toBe('0.5万元');
    // Codes and words are no numbers.
    expect(repairDigitLookalikes('通过ISO9001认证')).toBe('通过ISO9001认证');
    expect(repairDigitLookalikes('IO接口与Iot设备')).toBe('IO接口与Iot设备');
    // A look-alike at the edge of a number without a unit after it is left as read.
    expect(repairDigitLookalikes('第1O名')).toBe('第1O名');
  });

  it('reads a full stop between digits before a unit as a decimal point', () => {
    expect(repairDecimalPoints('预算数890。33万元')).toBe('预算数890.33万元');
    expect(repairDecimalPoints('自评91。28分')).toBe('自评91.28分');
    expect(repairDecimalPoints('完成80·2%')).toBe('完成80.2%');
    // A sentence that ends in a number, and minutes.
    expect(repairDecimalPoints('共计12。2022年起')).toBe('共计12。2022年起');
    expect(repairDecimalPoints('历时2。30分钟')).toBe('历时2。30分钟');
    expect(repairDecimalPoints('培训774名。3月起')).toBe('培训774名。3月起');
  });

  it('joins numbers split by a space only after a word and before a unit', () => {
    expect(repairSplitNumbers('预算数 8 90.33 万元')).toBe('预算数 890.33 万元');
    expect(repairSplitNumbers('执行数7 14.07万元')).toBe('执行数714.07万元');
    expect(repairSplitNumbers('合计 890 .33')).toBe('合计 890.33');
    // Two figures side by side, a list number, a year.
    expect(repairSplitNumbers('890.33 714.07 80.2%')).toBe('890.33 714.07 80.2%');
    expect(repairSplitNumbers('1 23.5万元用于培训')).toBe('1 23.5万元用于培训');
    expect(repairSplitNumbers('本部门 2021 年预算数')).toBe('本部门 2021 年预算数');
    expect(repairSplitNumbers('数量 12 个')).toBe('数量 12 个');
  });

  it('drops the digit that "%。" is read with', () => {
    expect(repairPercentTail('完成预算的 80.2%4。')).toBe('完成预算的 80.2%。');
    expect(repairPercentTail('完成预算的 80.2%0。')).toBe('完成预算的 80.2%。');
    expect(repairPercentTail('完成预算的 80.2%4')).toBe('完成预算的 80.2%。');
    expect(repairPercentTail('完成预算的100.0%4。')).toBe('完成预算的100.0%。');
    expect(repairPercentTail('增长 5%，达 40%')).toBe('增长 5%，达 40%');
    expect(repairPercentTail('占比 45%4个单位')).toBe('占比 45%4个单位');
  });

  it('mends outline brackets whose halves do not match', () => {
    expect(repairBrackets('《四) 部门整体绩效管理情况')).toBe('(四) 部门整体绩效管理情况');
    expect(repairBrackets('(<三)部门整体收支情况')).toBe('(三)部门整体收支情况');
    expect(repairBrackets('机关〈基层)党委、党〈总)支部')).toBe('机关(基层)党委、党(总)支部');
    expect(repairBrackets('（一〉部门概况')).toBe('（一）部门概况');
    // Real book titles and comparisons stay.
    expect(repairBrackets('印发《广州市花都区')).toBe('印发《广州市花都区');
    expect(repairBrackets('《预算法》(2018年修正)')).toBe('《预算法》(2018年修正)');
    expect(repairBrackets('当(x<5)时')).toBe('当(x<5)时');
  });

  it('applies every repair per line, never across lines', () => {
    expect(repairOcrLine('《三) 预算数 89O。33 万元，完成 80.2%4')).toBe('(三) 预算数 890.33 万元，完成 80.2%。');
    expect(repairOcrText('执行数 714\n.07 万元\n完成80.2%4。')).toBe('执行数 714\n.07 万元\n完成80.2%。');
    const clean = '本部门 2021 年预算数 890.33 万元，执行数 714.07 万元，完成预算的 80.2%。';
    expect(repairOcrText(clean)).toBe(clean);
  });
});

describe('merging OCR results into a document', () => {
  const doc: RawDocument = {
    format: 'pdf',
    pages: [
      { number: 1, chars: 10, needsOcr: false },
      { number: 2, chars: 0, needsOcr: true, ocrReason: 'empty' },
      { number: 3, chars: 8, needsOcr: false },
      { number: 4, chars: 0, needsOcr: true, ocrReason: 'empty' },
      { number: 5, chars: 0, needsOcr: true, ocrReason: 'empty' },
    ],
    blocks: [
      { kind: 'paragraph', text: '第一页', page: 1 },
      { kind: 'paragraph', text: '第三页', page: 3 },
    ],
    warnings: [],
  };
  const result = (page: number, text: string, confidence: number, extra: Partial<OcrPageResult> = {}): OcrPageResult => ({
    page,
    text,
    confidence,
    dpi: 200,
    seconds: 1,
    ...extra,
  });

  it('puts each page’s lines in page order and records the confidence', () => {
    const merged = insertOcrResults(doc, [
      result(4, '第四页甲\n第四页乙', 0.9),
      result(2, '第二页', 0.45, { doubtfulFigures: ['80.29%4。'] }),
      result(5, '', 0, { error: 'render failed' }),
    ]);
    expect(merged.blocks.map((b) => (b.kind === 'table' ? '' : `${b.page}:${b.text}`))).toEqual([
      '1:第一页',
      '2:第二页',
      '3:第三页',
      '4:第四页甲',
      '4:第四页乙',
    ]);
    expect(merged.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(merged.pages[1]).toEqual({ number: 2, chars: 3, needsOcr: true, ocrReason: 'empty', ocrConfidence: 0.45 });
    expect(merged.pages[3]).toMatchObject({ needsOcr: true, ocrConfidence: 0.9, chars: 8 });
    // A failed page stays unread.
    expect(merged.pages[4]).toEqual(doc.pages[4]);
    expect(merged.warnings).toEqual([
      'page 2: OCR confidence 0.45, figures may be misread',
      'page 2: OCR is unsure of "80.29%4。"',
      'page 5: OCR failed: render failed',
    ]);
    // The input is not changed.
    expect(doc.blocks).toHaveLength(2);
    expect(doc.pages[1]!.ocrConfidence).toBeUndefined();
  });

  it('reads the OCR switch and its defaults from ReadOptions', () => {
    expect(ocrSettingsOf({})).toEqual({ maxPages: DEFAULT_OCR_MAX_PAGES });
    expect(ocrSettingsOf({ ocr: true })).toEqual({ maxPages: DEFAULT_OCR_MAX_PAGES });
    expect(ocrSettingsOf({ ocr: false })).toBeUndefined();
    expect(ocrSettingsOf({ ocr: { languages: 'chi_sim', maxPages: 3, dpi: 250 } })).toEqual({ languages: 'chi_sim', maxPages: 3, dpi: 250 });
  });
});

describe('OCR engines', () => {
  it('start one at a time per thread: a second waits until the first is terminated', async () => {
    const order: string[] = [];
    const first = await startOcrEngine();
    const second = startOcrEngine().then((engine) => {
      order.push('second started');
      return engine;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push('first terminating');
    await first.terminate();
    await (await second).terminate();
    expect(order).toEqual(['first terminating', 'second started']);
    // A start refused for missing language data does not hold the turn.
    await expect(startOcrEngine({ languages: 'xx_none' })).rejects.toBeInstanceOf(ConfigError);
    await (await startOcrEngine()).terminate();
  }, OCR_TIMEOUT);
});

describe('tesseract language data', () => {
  it('comes from the @tesseract.js-data/chi_sim package on disk', () => {
    const dir = resolveLangPath('chi_sim');
    expect(path.isAbsolute(dir)).toBe(true);
    expect(dir).toContain(path.join('@tesseract.js-data', 'chi_sim'));
    expect(existsSync(path.join(dir, 'chi_sim.traineddata.gz'))).toBe(true);
  });

  it('is a configuration error when a language is not installed', () => {
    expect(() => resolveLangPath('xyz_none')).toThrow(ConfigError);
    expect(() => resolveLangPath('')).toThrow(ConfigError);
    expect(() => resolveLangPath('chi_sim', '/nonexistent')).toThrow(ConfigError);
  });
});

describe('OCR of the scanned seed report (pages 1–3)', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = await analyzeBytes(readFileSync(SCANNED), { fileName: 'huadu-2021-jgdgw-scanned.pdf', ocr: { maxPages: 3 } });
  }, OCR_TIMEOUT);

  it('recognizes the title and every figure of pages 1–3', () => {
    const { doc } = analysis;
    expect(doc.text).toContain('中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告');
    for (const figure of ['890.33万元', '714.07万元', '80.2%', '91.28分', '523.39', '142.46', '5.01', '43.22', '642.19', '71.88'])
      expect(doc.text).toContain(figure);
    // Lines cut by the page width are joined again by the normalizer.
    expect(doc.text).toContain('执行数714.07万元，完成预算的80.2%。');
  });

  it('marks the OCRed pages with their confidence, and the rest as unread', () => {
    const { doc } = analysis;
    expect(doc.format).toBe('pdf');
    expect(doc.pages.map((p) => p.needsOcr)).toEqual([true, true, true, true, true]);
    for (const page of doc.pages.slice(0, 3)) {
      expect(page.ocrConfidence).toBeGreaterThan(0.8);
      expect(page.ocrConfidence).toBeLessThanOrEqual(1);
      expect(page.chars).toBeGreaterThan(300);
    }
    expect(doc.pages[3]!.ocrConfidence).toBeUndefined();
    expect(doc.warnings).toContain('OCR stopped after 3 pages: 2 more pages need it (ocr.maxPages)');
    // Blocks come in page order, and pages 4–5 have none.
    const pages = doc.blocks.map((b) => b.page);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(new Set(pages)).toEqual(new Set([1, 2, 3]));
  });

  it('gives the seed record: budget, execution, rate and self score', () => {
    const { record } = analysis;
    expect(record.report.title).toBe('中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告');
    expect(record.figures.budget).toMatchObject({ value: 8903300, text: '890.33万元' });
    expect(record.figures.execution).toMatchObject({ value: 7140700, text: '714.07万元' });
    expect(record.figures.executionRate).toMatchObject({ value: 0.802, text: '80.2%' });
    expect(record.figures.selfScore).toMatchObject({ value: 91.28 });
    expect(record.source).toMatchObject({ format: 'pdf', pages: 5, ocrPages: 3, unreadPages: 2 });
  });

  it('never writes a traineddata cache into the working directory', () => {
    expect(existsSync(path.join(process.cwd(), 'chi_sim.traineddata'))).toBe(false);
  });
});

describe('ocrPages', () => {
  it('renders a 150-dpi scan at 200 dpi, reports time and confidence, and survives a bad page number', async () => {
    const results = await ocrPages(readFileSync(SCANNED), [2, 9]);
    expect(results).toHaveLength(2);
    const [page2, missing] = results as [OcrPageResult, OcrPageResult];
    expect(page2).toMatchObject({ page: 2, dpi: 200 });
    expect(page2.error).toBeUndefined();
    expect(page2.confidence).toBeGreaterThan(0.8);
    expect(page2.seconds).toBeGreaterThan(0);
    expect(page2.text).toMatch(/我部门内设科室 ?2 ?个/u);
    // One line per printed line, no blank lines.
    expect(page2.text.split('\n').length).toBeGreaterThan(15);
    expect(page2.text).not.toMatch(/\n\n/u);
    expect(missing).toMatchObject({ page: 9, text: '', confidence: 0 });
    expect(missing.error).toMatch(/no page 9/u);
  }, OCR_TIMEOUT);

  it('refuses bytes that are no PDF', async () => {
    await expect(ocrPages(new TextEncoder().encode('not a pdf at all'), [1])).rejects.toThrow(CorruptFileError);
    expect(await ocrPages(new Uint8Array(0), [])).toEqual([]);
  });
});

describe('readImage', () => {
  const FIGURES = ['890.33万元', '714.07万元', '523.39', '142.46', '5.01', '43.22', '642.19', '71.88'];

  it.each(['figures.png', 'figures.jpg', 'figures.tif'])(
    'reads the figures paragraphs from %s, found by its signature',
    async (name) => {
      const doc = await readDocument(readFileSync(fixture(`ocr/${name}`)), { fileName: 'page.bin' });
      expect(doc.format).toBe('image');
      expect(doc.pages).toHaveLength(1);
      expect(doc.pages[0]).toMatchObject({ number: 1, needsOcr: true, ocrReason: 'image' });
      expect(doc.pages[0]!.ocrConfidence).toBeGreaterThan(0.8);
      expect(doc.text).toContain('部门整体收支情况');
      for (const figure of FIGURES) expect(doc.text).toContain(figure);
    },
    OCR_TIMEOUT,
  );

  it('leaves the page unread when OCR is off', async () => {
    const doc = await readImage(readFileSync(fixture('ocr/figures.png')), { ocr: false });
    expect(doc.blocks).toEqual([]);
    expect(doc.pages).toEqual([{ number: 1, chars: 0, needsOcr: true, ocrReason: 'image' }]);
    expect(doc.warnings).toContain('OCR is off: the image was not read');
  });

  it('throws typed errors for empty, foreign, damaged and oversized images', async () => {
    const png = readFileSync(fixture('ocr/figures.png'));
    await expect(readImage(new Uint8Array(0))).rejects.toThrow(EmptyFileError);
    await expect(readImage(new TextEncoder().encode('GIF89a, not supported'))).rejects.toThrow(UnsupportedFormatError);
    await expect(readImage(png, { maxBytes: 1000 })).rejects.toThrow(FileTooLargeError);
    await expect(readImage(png.subarray(0, 4000), { fileName: 'cut.png' })).rejects.toThrow(CorruptFileError);
    // A valid header declaring 100 000 × 100 000 pixels is refused before decoding.
    const bomb = Buffer.from(png.subarray(0, 64));
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    await expect(readImage(bomb)).rejects.toThrow(FileTooLargeError);
  }, OCR_TIMEOUT);
});

describe('readImageInfo', () => {
  it('reads sizes from PNG, JPEG and TIFF headers', () => {
    expect(readImageInfo(readFileSync(fixture('ocr/figures.png')))).toEqual({ type: 'png', width: 1241, height: 400, frames: 1 });
    expect(readImageInfo(readFileSync(fixture('ocr/figures.jpg')))).toEqual({ type: 'jpeg', width: 1241, height: 400, frames: 1 });
    expect(readImageInfo(readFileSync(fixture('ocr/figures.tif')))).toEqual({ type: 'tiff', width: 1241, height: 400, frames: 1 });
    expect(readImageInfo(new TextEncoder().encode('plain text'))).toBeUndefined();
  });

  it('counts the pages of a multi-page TIFF and rejects looping directories', () => {
    // Two IFDs of one entry each (ImageWidth/ImageLength in the first).
    const tiff = Buffer.alloc(64);
    tiff.write('II', 0, 'latin1');
    tiff.writeUInt16LE(42, 2);
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(2, 8);
    tiff.writeUInt16LE(256, 10);
    tiff.writeUInt16LE(3, 12);
    tiff.writeUInt32LE(1, 14);
    tiff.writeUInt16LE(640, 18);
    tiff.writeUInt16LE(257, 22);
    tiff.writeUInt16LE(3, 24);
    tiff.writeUInt32LE(1, 26);
    tiff.writeUInt16LE(480, 30);
    tiff.writeUInt32LE(40, 34);
    tiff.writeUInt16LE(0, 40);
    tiff.writeUInt32LE(0, 42);
    expect(readImageInfo(tiff)).toEqual({ type: 'tiff', width: 640, height: 480, frames: 2 });
    tiff.writeUInt32LE(8, 42);
    expect(() => readImageInfo(tiff)).toThrow(CorruptFileError);
  });
});
