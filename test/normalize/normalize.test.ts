import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/ingest/document.js';
import { readTxt } from '../../src/ingest/read-txt.js';
import { normalizeDocument } from '../../src/normalize/normalize.js';
import { evidenceOf, pageAt } from '../../src/normalize/offsets.js';

const seed = () => normalizeDocument(readTxt(readFileSync('../shared/seed/huadu-2021-jgdgw.txt')));

describe('normalizeDocument', () => {
  it('removes spaces between CJK and digits and re-joins cut lines', () => {
    const doc = seed();
    expect(doc.text).toContain('本部门2021年预算数890.33万元，执行数714.07万元，完成预算的80.2%。');
    expect(doc.text).toContain('建设评议活动，广泛听取人民群众');
    expect(doc.text).toContain('动员区直机关13000多名党员助力镇街');
    // A short line without final punctuation is a heading, not a cut sentence.
    expect(doc.text).toContain('\n党建工委工作经费项目\n深入学习贯彻');
  });
  it('never continues a title line that ends with a project\'s self-evaluation results (t328)', () => {
    const title = '2022年度校园维修改造与设备购置项目自评结果';
    const doc = normalizeDocument(readTxt(Buffer.from(`${title}\n项目单位(盖章): 某某中学\n一、自评结论\n`, 'utf8')));
    expect(doc.text.startsWith(`${title}\n项目单位`)).toBe(true);
    // a sentence cut after its results is still joined
    const cut = normalizeDocument(readTxt(Buffer.from('根据各单位报送的材料,我局汇总形成了本年度自评结果\n并报送市财政局审核。\n', 'utf8')));
    expect(cut.text).toContain('自评结果并报送');
  });
  it('maps every normalized span back to the raw text', () => {
    const doc = seed();
    const i = doc.text.indexOf('890.33万元');
    const ev = evidenceOf(doc, i, i + '890.33万元'.length);
    expect(doc.rawText.slice(ev.rawStart, ev.rawEnd)).toBe('890.33 万元');
    const j = doc.text.indexOf('广泛听取');
    const e2 = evidenceOf(doc, j, j + 4);
    expect(doc.rawText.slice(e2.rawStart, e2.rawEnd)).toBe('广\n泛听取');
    expect(doc.toRaw).toHaveLength(doc.text.length + 1);
    for (let k = 1; k < doc.text.length; k++) expect(doc.toRaw[k]!).toBeGreaterThan(doc.toRaw[k - 1]!);
  });
  it('converts full-width digits, letters and percent signs', () => {
    const raw: RawDocument = { format: 'txt', pages: [{ number: 1, chars: 9, needsOcr: false }], blocks: [{ kind: 'paragraph', text: '执行率为９８．５％，ＡＢＣ 共 １２ 个', page: 1 }], warnings: [] };
    expect(normalizeDocument(raw).text).toBe('执行率为98.5%，ABC共12个');
  });
  it('keeps Chinese punctuation as it is, each unit mapped to its raw offset, and still converts the full-width forms beside it', () => {
    const text = '“预算”（一）：完成、《报告》……——１．５％；！？｛｝～　结束。';
    const raw: RawDocument = { format: 'txt', pages: [{ number: 1, chars: text.length, needsOcr: false }], blocks: [{ kind: 'paragraph', text, page: 1 }], warnings: [] };
    const doc = normalizeDocument(raw);
    expect(doc.text).toBe('“预算”（一）：完成、《报告》……——1.5%；！？｛｝～结束。');
    const at = doc.text.indexOf('《');
    expect(doc.rawText.slice(doc.toRaw[at]!, doc.toRaw[at + 4]!)).toBe('《报告》');
  });
  it('re-joins numbers and units split across PDF lines and tracks pages', () => {
    const raw: RawDocument = {
      format: 'pdf',
      pages: [1, 2].map((n) => ({ number: n, chars: 10, needsOcr: false })),
      blocks: [
        { kind: 'paragraph', text: '支出按功能分类：一般公共服务支出 523.39 万元；住房保障支出 43.', page: 1 },
        { kind: 'paragraph', text: '22 万元。执行数 714.07 万', page: 1 },
        { kind: 'paragraph', text: '- 1 -', page: 1 },
        { kind: 'paragraph', text: '元，完成预算的 80.2%。', page: 2 },
      ],
      warnings: [],
    };
    const doc = normalizeDocument(raw);
    expect(doc.text).toBe('支出按功能分类：一般公共服务支出523.39万元；住房保障支出43.22万元。执行数714.07万元，完成预算的80.2%。');
    expect(pageAt(doc, doc.text.indexOf('元，完成'))).toBe(2);
    expect(pageAt(doc, doc.text.indexOf('43.22'))).toBe(1);
    const at = doc.text.indexOf('80.2%');
    expect(evidenceOf(doc, at, at + 5)).toMatchObject({ page: 2, quote: '80.2%' });
  });
  it('keeps table cells apart: tab between cells, newline between rows', () => {
    const raw: RawDocument = {
      format: 'docx',
      pages: [{ number: 1, chars: 10, needsOcr: false }],
      blocks: [
        { kind: 'paragraph', text: '表一', page: 1 },
        {
          kind: 'table',
          page: 1,
          rows: [
            [{ text: '项目', row: 0, col: 0, rowSpan: 1, colSpan: 1 }, { text: '金额（万元）', row: 0, col: 1, rowSpan: 1, colSpan: 1 }],
            [{ text: '基本支出', row: 1, col: 0, rowSpan: 1, colSpan: 1 }, { text: '642.19', row: 1, col: 1, rowSpan: 1, colSpan: 1 }],
          ],
        },
      ],
      warnings: [],
    };
    const doc = normalizeDocument(raw);
    expect(doc.text).toBe('表一\n项目\t金额（万元）\n基本支出\t642.19');
    const cell = doc.blockSpans[1]!.cells![1]![1]!;
    expect(doc.text.slice(cell.start, cell.end)).toBe('642.19');
  });
  it('reads traditional-character mirrors as simplified and drops inline pinyin, offsets kept', () => {
    const text = '茂名市交通運輸局關(guān)于2023年度省級交通專項資金績效自評報告，合計7505萬元。';
    const raw: RawDocument = { format: 'html', pages: [{ number: 1, chars: 40, needsOcr: false }], blocks: [{ kind: 'paragraph', text, page: 1 }], warnings: [] };
    const doc = normalizeDocument(raw);
    expect(doc.text).toBe('茂名市交通运输局关于2023年度省级交通专项资金绩效自评报告，合计7505万元。');
    const at = doc.text.indexOf('7505万元');
    const ev = evidenceOf(doc, at, at + 6);
    expect(doc.rawText.slice(ev.rawStart, ev.rawEnd)).toBe('7505萬元');
    // A simplified document is left alone.
    const plain: RawDocument = { ...raw, blocks: [{ kind: 'paragraph', text: '本部门预算数890.33万元，乾坤未定。', page: 1 }] };
    expect(normalizeDocument(plain).text).toBe('本部门预算数890.33万元，乾坤未定。');
  });
});
