import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import XLSX from '@e965/xlsx';
import type { Block, TableBlock } from '../../src/ingest/document.js';
import { parseDocBody, readDoc } from '../../src/ingest/read-doc.js';
import { readRaw } from '../../src/ingest/read.js';
import { analyzeBytes } from '../../src/analyze.js';
import { CorruptFileError, EmptyFileError, EncryptedFileError, FileTooLargeError, UnsupportedFormatError } from '../../src/errors.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const TABLE_DOC = fixture('doc/function-table.doc');
const SEED_DOC = fixture('doc/huadu-2021-jgdgw.doc');

const shape = (blocks: Block[]): Array<string | string[][]> =>
  blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text)) : b.text));

/** The fixture with its WordDocument stream changed by `edit`. */
function patchWordStream(bytes: Uint8Array, edit: (stream: Buffer) => void): Uint8Array {
  const cfb = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'WordDocument');
  if (!entry?.content) throw new Error('no WordDocument stream');
  const stream = Buffer.from(entry.content as Uint8Array);
  edit(stream);
  entry.content = stream;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

describe('parseDocBody', () => {
  const C = '\u0007';
  const ROW = '\n';
  it('splits paragraphs and rebuilds tables from cell and row marks', () => {
    const body = `标题\r单位：万元\r科目${C}金额${C}${ROW}办公费${C}3.00${C}${ROW}表后说明\r`;
    expect(shape(parseDocBody(body))).toEqual(['标题', '单位：万元', [['科目', '金额'], ['办公费', '3.00']], '表后说明']);
    const table = parseDocBody(body)[2] as TableBlock;
    expect(table.rows[1]![1]).toEqual({ text: '3.00', row: 1, col: 1, rowSpan: 1, colSpan: 1 });
  });

  it('keeps a cell of several paragraphs together, and empty cells in place', () => {
    const body = `a${C}b1\rb2${C}${ROW}${C}x\r\ry${C}${ROW}`;
    expect(shape(parseDocBody(body))).toEqual([[['a', 'b1\nb2'], ['', 'x\n\ny']]]);
  });

  it('gives a first cell of several paragraphs to the row it starts, and lets a blank line end the table', () => {
    const between = `a${C}b${C}${ROW}合计\r（含结转）${C}9${C}${ROW}`;
    expect(shape(parseDocBody(between))).toEqual([[['a', 'b'], ['合计\n（含结转）', '9']]]);
    const twoTables = `a${C}b${C}${ROW}\rc${C}d${C}${ROW}`;
    expect(shape(parseDocBody(twoTables))).toEqual([[['a', 'b']], [['c', 'd']]]);
    const textAfter = `a${C}b${C}${ROW}正文一\r正文二\r`;
    expect(shape(parseDocBody(textAfter))).toEqual([[['a', 'b']], '正文一', '正文二']);
  });

  it('keeps field results, drops field codes and control marks, and keeps real tabs and quotes', () => {
    const body = `第\u0013 PAGE \u00141\u0015页\r“党建”\t经费\u0001\u0008\r换行\u000b之后\r`;
    expect(shape(parseDocBody(body))).toEqual(['第1页', '“党建”\t经费', '换行\n之后']);
  });
});

describe('readDoc', () => {
  it('reads paragraphs and tables of a Word 97 file', async () => {
    const doc = await readDoc(readFileSync(TABLE_DOC), { fileName: 'function-table.doc' });
    expect(doc.format).toBe('doc');
    expect(doc.pages).toEqual([{ number: 1, chars: expect.any(Number), needsOcr: false }]);
    expect(doc.warnings).toEqual([]);
    expect(shape(doc.blocks)).toEqual([
      '2021年“党建”经费支出按功能分类情况表',
      '单位：万元',
      [
        ['科目编码', '科目名称', '执行数'],
        ['201', '一般公共服务支出', '523.39'],
        ['208', '社会保障和就业支出', '142.46'],
        ['210', '卫生健康支出', '5.01'],
        ['221', '住房保障支出', '43.22'],
        ['', '合计\n（含结转）', '714.07'],
      ],
      '注：数据来源于2021年度部门决算，第1页。',
      [
        ['基本支出', '642.19'],
        ['项目支出', '71.88'],
      ],
      '以上两项合计714.07万元。',
    ]);
  });

  it('is reached through readRaw by the WordDocument stream', async () => {
    const doc = await readRaw(readFileSync(TABLE_DOC), { fileName: 'report.bin' });
    expect(doc.format).toBe('doc');
  });

  it('gives the seed record from the .doc version of the seed report', async () => {
    const { record, doc } = await analyzeBytes(readFileSync(SEED_DOC), { fileName: 'huadu-2021-jgdgw.doc' });
    expect(doc.text).toContain('（三）部门整体收支情况\n本部门2021年预算数890.33万元，执行数714.07万元，完成预算的80.2%。');
    expect(record.report).toMatchObject({
      title: '中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告',
      kind: 'department_overall',
      fiscalYear: 2021,
    });
    expect(record.figures.budget).toMatchObject({ value: 8903300, text: '890.33万元' });
    expect(record.figures.execution).toMatchObject({ value: 7140700 });
    expect(record.figures.executionRate).toMatchObject({ value: 0.802 });
    expect(record.figures.selfScore).toMatchObject({ value: 91.28 });
    expect(record.source).toMatchObject({ format: 'doc', pages: 1, ocrPages: 0, unreadPages: 0 });
  });

  it('throws typed errors for empty, foreign, oversized, damaged, encrypted and Word 95 files', async () => {
    const bytes = readFileSync(TABLE_DOC);
    await expect(readDoc(new Uint8Array(0))).rejects.toThrow(EmptyFileError);
    await expect(readDoc(readFileSync(fixture('xlsx/self-eval.docx')))).rejects.toThrow(UnsupportedFormatError);
    await expect(readDoc(bytes, { maxBytes: 100 })).rejects.toThrow(FileTooLargeError);
    await expect(readDoc(bytes.subarray(0, 1024))).rejects.toThrow(CorruptFileError);
    await expect(readDoc(readFileSync(fixture('xlsx/self-eval.xls')))).rejects.toThrow(CorruptFileError);
    const encrypted = patchWordStream(bytes, (s) => s.writeUInt16LE(s.readUInt16LE(0x0a) | 0x0100, 0x0a));
    await expect(readDoc(encrypted)).rejects.toThrow(EncryptedFileError);
    const word95 = patchWordStream(bytes, (s) => s.writeUInt16LE(0xa5dc, 0));
    await expect(readDoc(word95)).rejects.toThrow(UnsupportedFormatError);
  });
});
