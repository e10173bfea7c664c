import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  CorruptFileError,
  EmptyFileError,
  EncryptedFileError,
  FileTooLargeError,
  UnsupportedFormatError,
  ZipBombError,
} from '../../src/errors.js';
import type { Block, HeadingBlock, ParagraphBlock, TableBlock } from '../../src/ingest/document.js';
import { readDocx } from '../../src/ingest/read-docx.js';

const seedBytes = new Uint8Array(readFileSync(new URL('../../../shared/seed/huadu-2021-jgdgw.docx', import.meta.url)));
const seedText = readFileSync(new URL('../../../shared/seed/huadu-2021-jgdgw.txt', import.meta.url), 'utf8');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/docx/${name}`, import.meta.url)));

const squash = (s: string) => s.replace(/\s+/g, '');
const headings = (blocks: Block[]) => blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
const paragraphs = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const textOf = (b: Block) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text).join('') : b.text);

describe('readDocx on the seed report', async () => {
  const doc = await readDocx(seedBytes, { fileName: 'huadu.docx' });

  it('is one DOCX page with text', () => {
    expect(doc.format).toBe('docx');
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]!.chars).toBeGreaterThan(3000);
    expect(doc.pages[0]!.needsOcr).toBe(false);
    expect(doc.blocks.every((b) => b.page === 1)).toBe(true);
  });

  it('reads the title as level 0 and the section headings below it', () => {
    const hs = headings(doc.blocks);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 0 });
    expect(squash(hs[0]!.text)).toBe('中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告');
    expect(hs.find((h) => h.text === '一、基本情况')?.level).toBe(1);
    expect(hs.find((h) => h.text === '（一）部门概况')?.level).toBe(2);
    expect(hs.find((h) => h.text === '二、综合评价分析')?.level).toBe(1);
  });

  it('reads heading-styled paragraphs that carry running text as paragraphs', () => {
    // The file puts "三、存在的主要问题" and the text after it into one Heading 2 paragraph.
    const ps = paragraphs(doc.blocks);
    expect(ps.some((p) => p.text.startsWith('三、存在的主要问题从预算执行'))).toBe(true);
    expect(ps.some((p) => p.text.startsWith('四、下一步改进措施一是'))).toBe(true);
    expect(ps.some((p) => p.text.startsWith('（一）自评结论综述2021 年部门整体支出绩效自评 91.28 分'))).toBe(true);
    expect(doc.warnings.some((w) => /heading-styled paragraph/.test(w))).toBe(true);
  });

  it('keeps the figures in paragraphs', () => {
    const ps = paragraphs(doc.blocks).map((p) => p.text);
    for (const figure of ['890.33', '714.07', '80.2%', '91.28', '642.19', '24.99'])
      expect(ps.some((p) => p.includes(figure)), figure).toBe(true);
    expect(ps).toContain('我部门内设科室 2 个，分别是办公室、组织宣教科。');
  });

  it('agrees with the published text, modulo whitespace and the text dump’s page breaks', () => {
    const published = squash(seedText);
    for (const block of doc.blocks) expect(published).toContain(squash(textOf(block)));
    expect(squash(doc.blocks.map(textOf).join(''))).toBe(published);
  });

  it('drops empty paragraphs and passes mammoth warnings through', () => {
    expect(doc.blocks.every((b) => textOf(b).trim() !== '')).toBe(true);
    expect(doc.meta?.producer).toMatch(/LibreOffice/);
  });
});

describe('readDocx on a generated 自评表 with merged cells', async () => {
  const doc = await readDocx(fixture('merged-table.docx'));
  const [table, outer] = tables(doc.blocks);

  it('reads the Title style as level 0 and a 标题 1 style as level 1', () => {
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 0, text: '某项目支出绩效自评表（测试）', page: 1 });
    expect(doc.blocks[1]).toEqual({ kind: 'heading', level: 1, text: '一、绩效指标完成情况', page: 1 });
    expect(headings(doc.blocks).find((h) => h.text === '（一）资金情况')?.level).toBe(2);
    expect(doc.blocks[2]).toEqual({ kind: 'paragraph', text: '单位：万元', page: 1 });
  });

  it('places merged cells once, with spans and grid columns', () => {
    const grid = table!.rows.map((row) => row.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan]));
    expect(grid).toEqual([
      [['项目支出绩效自评表', 0, 0, 1, 6]],
      [
        ['一级指标', 1, 0, 1, 1],
        ['二级指标', 1, 1, 1, 1],
        ['三级指标', 1, 2, 1, 1],
        ['年度\n指标值', 1, 3, 1, 1],
        ['实际完成值', 1, 4, 1, 1],
        ['得分', 1, 5, 1, 1],
      ],
      [
        ['产出指标(50分)', 2, 0, 3, 1],
        ['数量指标', 2, 1, 1, 1],
        ['培训人数', 2, 2, 1, 1],
        ['≥700名', 2, 3, 1, 1],
        ['774名', 2, 4, 1, 1],
        ['20', 2, 5, 1, 1],
      ],
      [
        ['质量指标', 3, 1, 1, 1],
        ['培训合格率', 3, 2, 1, 1],
        ['≥95%', 3, 3, 2, 1],
        ['98%', 3, 4, 1, 1],
        ['15', 3, 5, 1, 1],
      ],
      [
        ['时效指标', 4, 1, 1, 1],
        ['完成及时率', 4, 2, 1, 1],
        ['100%', 4, 4, 1, 1],
        ['15', 4, 5, 1, 1],
      ],
      [
        ['效益指标(30分)', 5, 0, 1, 1],
        ['社会效益指标', 5, 1, 1, 2],
        ['效果明显', 5, 3, 1, 1],
        ['达成', 5, 4, 1, 1],
        ['28', 5, 5, 1, 1],
      ],
      [
        ['合计', 6, 0, 1, 5],
        ['78', 6, 5, 1, 1],
      ],
    ]);
  });

  it('flattens a nested table into its cell', () => {
    expect(outer!.rows[1]).toEqual([
      { text: '财政拨款', row: 1, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '甲 乙\n丙 丁', row: 1, col: 1, rowSpan: 1, colSpan: 1 },
    ]);
    expect(doc.warnings).toContain('1 nested table(s) flattened into their cells');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '表后说明：合计 78 分。', page: 1 });
  });

  it('drops empty paragraphs and reads core properties', () => {
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph', 'table', 'heading', 'table', 'paragraph']);
    expect(doc.meta).toEqual({ title: 'merged-table.docx', author: 'jixiao fixtures', created: '2024-01-01T00:00:00Z' });
  });
});

describe('readDocx on automatically numbered headings', async () => {
  const doc = await readDocx(fixture('numbered-headings.docx'));

  it('restores the list numbers mammoth drops', () => {
    expect(doc.blocks.map((b) => (b.kind === 'heading' ? `H${b.level} ${b.text}` : textOf(b)))).toEqual([
      'H0 某单位2022年部门整体支出绩效自评报告',
      'H1 一、基本情况',
      'H2 （一）部门概况',
      '1. 统一组织区直机关党的工作。',
      '2. 指导区直机关党的政治建设。',
      'H2 （二）部门整体收支情况',
      '本部门 2022 年预算数 890.33 万元。',
      'H1 二、综合评价分析',
      'H2 （一）自评结论综述',
      '要点一',
      '要点二',
      '1. 第一项任务',
      '2. 第二项任务',
      '1. 重新编号的第一项',
      '没有编号的段落',
      'H1 三、存在的主要问题',
    ]);
    expect(doc.warnings).toContain('11 automatic list number(s) restored from numbering.xml');
  });
});

describe('readDocx errors', () => {
  it('refuses a truncated DOCX as corrupt, naming the file', async () => {
    const half = seedBytes.subarray(0, Math.floor(seedBytes.length / 2));
    const error = await readDocx(half, { fileName: 'half.docx' }).catch((e) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error.file).toBe('half.docx');
    expect(error.message).toMatch(/^half\.docx: /);
  });

  it('refuses a ZIP without word/document.xml as corrupt, with mammoth’s error as cause', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/other.xml', '<x/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const error = await readDocx(bytes, { fileName: 'empty.docx' }).catch((e) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error.file).toBe('empty.docx');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('refuses files over maxBytes and empty files', async () => {
    await expect(readDocx(seedBytes, { maxBytes: 1000 })).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(readDocx(new Uint8Array(0))).rejects.toBeInstanceOf(EmptyFileError);
  });

  it('refuses encrypted OOXML and other OLE files', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readDocx(ole)).rejects.toBeInstanceOf(UnsupportedFormatError);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    await expect(readDocx(ole, { fileName: 'secret.docx' })).rejects.toBeInstanceOf(EncryptedFileError);
  });

  it('refuses a zip bomb before mammoth inflates it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array(50 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const started = performance.now();
    const error = await readDocx(bomb, { fileName: 'bomb.docx', maxUncompressedBytes: 10 * 1024 * 1024 }).catch((e) => e);
    expect(performance.now() - started).toBeLessThan(200);
    expect(error).toBeInstanceOf(ZipBombError);
    expect(error.file).toBe('bomb.docx');
  });

  it('applies a 200 MB default limit when none is given', async () => {
    const zip = new JSZip();
    // 300 MB declared: forge the size rather than compress 300 MB in a test.
    zip.file('word/document.xml', 'x', { createFolders: false });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    for (let i = 0; i < bytes.length - 4; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300 * 1024 * 1024, true);
    const error = await readDocx(bytes).catch((e) => e);
    expect(error).toBeInstanceOf(ZipBombError);
    expect(error.message).toMatch(/more than 209715200 bytes/);
  });
});
