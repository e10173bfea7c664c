import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import type { RawDocument, TableBlock, TableCell } from '../../src/ingest/document.js';
import { readXlsx } from '../../src/ingest/read-xlsx.js';
import { readDocument, readRaw } from '../../src/ingest/read.js';
import { analyzeBytes } from '../../src/analyze.js';
import {
  CorruptFileError,
  EmptyFileError,
  EncryptedFileError,
  FileTooLargeError,
  UnsupportedFormatError,
  ZipBombError,
} from '../../src/errors.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const XLSX_FILE = fixture('xlsx/self-eval.xlsx');
const XLS_FILE = fixture('xlsx/self-eval.xls');
const DOCX_FILE = fixture('xlsx/self-eval.docx');

const tables = (doc: RawDocument): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const cellAt = (t: TableBlock, row: number, col: number): TableCell | undefined =>
  t.rows.flat().find((c) => c.row === row && c.col === col);
const texts = (doc: RawDocument): string[] => doc.blocks.map((b) => (b.kind === 'table' ? '<table>' : b.text));

/** A workbook written by SheetJS from arrays of rows. */
function workbook(sheets: Array<{ name: string; rows: unknown[][]; merges?: string[]; hidden?: boolean; edit?: (ws: XLSX.WorkSheet) => void }>, bookType: 'xlsx' | 'xls' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    s.edit?.(ws);
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' }) as Buffer);
}

describe('readXlsx on the 自评表 fixture', () => {
  let doc: RawDocument;
  let table: TableBlock;
  beforeAll(async () => {
    doc = await readXlsx(readFileSync(XLSX_FILE), { fileName: 'self-eval.xlsx' });
    table = tables(doc)[0]!;
  });

  it('reads one sheet as one page: title, year and unit rows as paragraphs, the form, the note', () => {
    expect(doc.format).toBe('xlsx');
    expect(doc.pages).toEqual([{ number: 1, chars: expect.any(Number), needsOcr: false }]);
    expect(doc.pages[0]!.chars).toBeGreaterThan(400);
    expect(texts(doc)).toEqual(['项目支出绩效自评表', '（2021年度）', '单位：万元', '<table>', '注：执行率=全年执行数/全年预算数。']);
    expect(doc.blocks.every((b) => b.page === 1)).toBe(true);
    expect(doc.warnings).toEqual([]);
    expect(doc.meta).toMatchObject({ title: '项目支出绩效自评表', author: 'jixiao fixtures' });
  });

  it('keeps merged cells once, with their spans, and the covered positions out', () => {
    expect(table.rows).toHaveLength(16);
    expect(cellAt(table, 0, 1)).toMatchObject({ text: '党建工委工作经费', rowSpan: 1, colSpan: 7 });
    expect(table.rows[0]).toHaveLength(2);
    expect(cellAt(table, 2, 0)).toMatchObject({ text: '项目资金（万元）', rowSpan: 5, colSpan: 1 });
    // Rows under a vertical merge start at column 1.
    expect(table.rows[3]![0]).toMatchObject({ text: '年度资金总额', row: 3, col: 1 });
    expect(cellAt(table, 9, 0)).toMatchObject({ text: '绩效指标', rowSpan: 6 });
    expect(cellAt(table, 10, 1)).toMatchObject({ text: '产出指标(50分)', rowSpan: 3 });
    expect(table.rows[11]![0]).toMatchObject({ text: '质量指标', col: 2 });
    expect(cellAt(table, 15, 0)).toMatchObject({ text: '总分', colSpan: 6 });
    expect(cellAt(table, 15, 7)).toMatchObject({ text: '98' });
    // An empty cell that no merge covers is kept, so columns stay aligned.
    expect(cellAt(table, 2, 1)).toMatchObject({ text: '', rowSpan: 1, colSpan: 1 });
    // Every grid position is covered exactly once.
    const seen = new Set<string>();
    for (const c of table.rows.flat())
      for (let r = c.row; r < c.row + c.rowSpan; r++)
        for (let k = c.col; k < c.col + c.colSpan; k++) {
          expect(seen.has(`${r},${k}`)).toBe(false);
          seen.add(`${r},${k}`);
        }
    expect(seen.size).toBe(16 * 8);
  });

  it('shows numbers as Excel formats them', () => {
    expect(table.rows[3]!.map((c) => c.text)).toEqual(['年度资金总额', '25.00', '25.00', '24.99', '10', '99.96%', '10']);
    expect(table.rows[5]!.map((c) => c.text)).toEqual(['上年结转资金', '0.00', '0.00', '0.00', '—', '—', '—']);
  });

  it('reads the BIFF8 (.xls) copy to the same blocks', async () => {
    const xls = await readXlsx(readFileSync(XLS_FILE), { fileName: 'self-eval.xls' });
    expect(xls.format).toBe('xls');
    expect(xls.blocks).toEqual(doc.blocks);
  });
});

describe('the 自评表 as XLSX, XLS and DOCX', () => {
  it('normalizes to the same text', async () => {
    const [x, s, d] = await Promise.all([XLSX_FILE, XLS_FILE, DOCX_FILE].map((f) => readDocument(readFileSync(f), { fileName: f })));
    expect(x!.format).toBe('xlsx');
    expect(s!.format).toBe('xls');
    expect(d!.format).toBe('docx');
    expect(x!.text).toBe(d!.text);
    expect(s!.text).toBe(x!.text);
    expect(x!.text).toContain('单位：万元\n项目名称\t党建工委工作经费\n');
  });

  it('gives the same record from the spreadsheet and the Word table', async () => {
    const [x, d] = await Promise.all([XLSX_FILE, DOCX_FILE].map((f) => analyzeBytes(readFileSync(f), { fileName: 'self-eval' })));
    expect(x!.record.report).toEqual(d!.record.report);
    expect(x!.record.figures).toEqual(d!.record.figures);
    expect(x!.record.checks).toEqual(d!.record.checks);
    expect(x!.record.source).toMatchObject({ format: 'xlsx', pages: 1, ocrPages: 0, unreadPages: 0 });
    expect(x!.record.figures.budget).toMatchObject({ value: 250000, text: '25.00' });
    expect(x!.record.figures.execution).toMatchObject({ value: 249900, text: '24.99' });
    expect(x!.record.figures.executionRate).toMatchObject({ value: 0.9996, text: '99.96%' });
  });
});

describe('readXlsx layout rules', () => {
  it('drops spacer rows and columns, keeps one page per visible non-empty sheet', async () => {
    const bytes = workbook([
      {
        name: '封面',
        rows: [[], [null, '某单位2022年项目支出绩效自评表'], [null, '填报单位：某局'], [], [null, '项目', null, '金额'], [null, '培训费', null, 12.5], [], [null, '合计', null, 12.5]],
      },
      { name: '隐藏', rows: [['不应读出', 1]], hidden: true },
      { name: '空表', rows: [] },
      { name: '明细', rows: [['科目', '金额'], ['办公费', 3]] },
    ]);
    const doc = await readXlsx(bytes);
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(doc.warnings).toEqual(['skipped hidden sheet "隐藏"', 'sheet "空表" is empty']);
    expect(texts(doc)).toEqual(['某单位2022年项目支出绩效自评表', '填报单位：某局', '<table>', '<table>']);
    const [first, second] = tables(doc) as [TableBlock, TableBlock];
    // Column A and the blank columns C, rows 4 and 7 are gone.
    expect(first.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目', '金额'],
      ['培训费', '12.5'],
      ['合计', '12.5'],
    ]);
    expect(first.rows[2]![1]).toMatchObject({ row: 2, col: 1 });
    expect(first.page).toBe(1);
    expect(second.page).toBe(2);
    expect(doc.blocks.some((b) => b.kind !== 'table' && b.text.includes('不应读出'))).toBe(false);
  });

  it('keeps a title merged down into the table, and a one-column list, as table rows', async () => {
    const bytes = workbook([
      { name: 'a', rows: [['标题', '列一'], [null, '列二'], ['x', 'y']], merges: ['A1:A2'] },
      { name: 'b', rows: [['第一项'], ['第二项']] },
    ]);
    const doc = await readXlsx(bytes);
    expect(texts(doc)).toEqual(['<table>', '<table>']);
    expect(tables(doc)[0]!.rows[0]![0]).toMatchObject({ text: '标题', rowSpan: 2 });
    expect(tables(doc)[1]!.rows.map((r) => r[0]!.text)).toEqual(['第一项', '第二项']);
  });

  it('reads a formula saved without its value as an empty cell', async () => {
    const bytes = workbook([
      {
        name: 's',
        rows: [['项目', '金额'], ['甲', 1]],
        edit: (ws) => {
          ws['B3'] = { t: 'n', f: 'SUM(B2:B2)' } as XLSX.CellObject;
          ws['A3'] = { t: 's', v: '合计' };
          ws['!ref'] = 'A1:B3';
        },
      },
    ]);
    const doc = await readXlsx(bytes);
    expect(doc.warnings).toEqual([]);
    expect(tables(doc)[0]!.rows[2]!.map((c) => c.text)).toEqual(['合计', '']);
  });

  it('bounds the grid by the cells used, not by an inflated range', async () => {
    const bytes = workbook([{ name: 's', rows: [['a', 'b']], edit: (ws) => (ws['!ref'] = 'A1:Z5000') }]);
    const doc = await readXlsx(bytes);
    expect(tables(doc)[0]!.rows).toEqual([[
      { text: 'a', row: 0, col: 0, rowSpan: 1, colSpan: 1 },
      { text: 'b', row: 0, col: 1, rowSpan: 1, colSpan: 1 },
    ]]);
  });
});

describe('readXlsx errors and dispatch', () => {
  it('is reached through readRaw for .xlsx and .xls bytes', async () => {
    expect((await readRaw(readFileSync(XLSX_FILE), { fileName: 'a.bin' })).format).toBe('xlsx');
    expect((await readRaw(readFileSync(XLS_FILE), { fileName: 'a.bin' })).format).toBe('xls');
  });

  it('applies the zip guard to .xlsx', async () => {
    await expect(readXlsx(readFileSync(XLSX_FILE), { maxUncompressedBytes: 2000 })).rejects.toThrow(ZipBombError);
  });

  it('throws typed errors for empty, foreign, damaged, oversized and encrypted workbooks', async () => {
    const xlsx = readFileSync(XLSX_FILE);
    const xls = readFileSync(XLS_FILE);
    await expect(readXlsx(new Uint8Array(0))).rejects.toThrow(EmptyFileError);
    await expect(readXlsx(new TextEncoder().encode('a,b\n1,2\n'))).rejects.toThrow(UnsupportedFormatError);
    await expect(readXlsx(xlsx, { maxBytes: 100 })).rejects.toThrow(FileTooLargeError);
    await expect(readXlsx(xlsx.subarray(0, xlsx.length - 200))).rejects.toThrow(CorruptFileError);
    const damagedXls = Buffer.from(xls);
    damagedXls.fill(0xff, 512);
    await expect(readXlsx(damagedXls)).rejects.toThrow(CorruptFileError);
    // An encrypted OOXML package is an OLE file with an EncryptedPackage stream.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.alloc(64));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(4096, 7));
    const encrypted = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    await expect(readXlsx(encrypted)).rejects.toThrow(EncryptedFileError);
  });
});

describe('readXlsx on crafted workbooks', () => {
  // CVE-2023-30533: SheetJS up to 0.19.2 writes a comment whose cell reference is "__proto__"
  // onto Object.prototype (checked: xlsx 0.18.5 leaves `({}).c` set to the comment list).
  it('reads a workbook whose comment points at __proto__ without polluting Object.prototype', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['项目', '金额'], ['预算数', 890.33]]);
    ws.A1!.c = [{ a: 'x', t: 'note' }] as XLSX.Comments;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const zip = await JSZip.loadAsync(XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    const comments = Object.keys(zip.files).find((n) => /comments\d*\.xml$/u.test(n))!;
    const xml = await zip.file(comments)!.async('string');
    expect(xml).toContain('ref="A1"');
    zip.file(comments, xml.replace('ref="A1"', 'ref="__proto__"'));
    const crafted = new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }));
    try {
      const doc = await readXlsx(crafted);
      expect(texts(doc)).toEqual(['<table>']);
    } finally {
      const polluted = Object.prototype.hasOwnProperty.call(Object.prototype, 'c');
      delete (Object.prototype as Record<string, unknown>)['c'];
      expect(polluted).toBe(false);
    }
  });
});
