import { describe, expect, it } from 'vitest';
import { findBorderlessTables } from '../../../src/ingest/pdf/borderless.js';
import type { TextRun } from '../../../src/ingest/pdf/geometry.js';
import { groupLines } from '../../../src/ingest/pdf/lines.js';

const SIZE = 10;

/** A cell's text set at (x, line) in a 10 pt font, 1 em a character (digits half). */
function cell(x: number, line: number, text: string): TextRun {
  const width = Array.from(text).reduce((w, ch) => w + (/[0-9.%]/u.test(ch) ? 0.55 : 1) * SIZE, 0);
  return { text, x, y: 100 + line * 12, width, size: SIZE };
}

const isHeader = (cells: readonly string[]): boolean => cells.filter((c) => /预算数|执行数|执行率/u.test(c)).length >= 2;

describe('findBorderlessTables', () => {
  // 湖南 部门整体 layout without rules: header cells wrap ("全年预算" / "数"), so does the total's label.
  const runs = [
    cell(100, 0, '部门整体支出绩效自评表'),
    cell(40, 1, '单位名称'),
    cell(105, 1, '林业局'),
    cell(40, 2, '年度预算申'),
    cell(105, 2, '年初预算数'),
    cell(175, 2, '全年预算'),
    cell(235, 2, '全年执行'),
    cell(295, 2, '执行率'),
    cell(40, 3, '请（万元）'),
    cell(175, 3, '数'),
    cell(235, 3, '数'),
    cell(40, 4, '年度资金总'),
    cell(105, 4, '4753.66'),
    cell(175, 4, '4753.66'),
    cell(235, 4, '3824.26'),
    cell(295, 4, '80%'),
    cell(40, 5, '额'),
    cell(40, 6, '财政拨款'),
    cell(105, 6, '4000'),
    cell(175, 6, '4000'),
    cell(235, 6, '3200'),
    cell(295, 6, '80%'),
    cell(40, 8, '本表所列金额为本年度预算执行情况，由单位财务部门填报并经主管部门审核后报送财政部门备案。'),
  ];

  it('reads the cells by column and joins wrapped cells to their row', () => {
    const { tables, rest } = findBorderlessTables(groupLines(runs), isHeader);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['单位名称', '林业局', '', '', ''],
      ['年度预算申请（万元）', '年初预算数', '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', '4753.66', '4753.66', '3824.26', '80%'],
      ['财政拨款', '4000', '4000', '3200', '80%'],
    ]);
    // The title above and the note below stay flowing text.
    expect(rest.map((l) => l.text)).toEqual(['部门整体支出绩效自评表', '本表所列金额为本年度预算执行情况，由单位财务部门填报并经主管部门审核后报送财政部门备案。']);
  });

  it('ends the table at a blank line, even before a short line in its first column', () => {
    const next = [...runs.slice(0, -1), cell(40, 8, '项目支出绩效自评表')];
    const { tables, rest } = findBorderlessTables(groupLines(next), isHeader);
    expect(tables[0]!.rows).toHaveLength(4);
    expect(rest.map((l) => l.text)).toEqual(['部门整体支出绩效自评表', '项目支出绩效自评表']);
  });

  it('finds no table without a header naming the money columns', () => {
    const plain = runs.filter((r) => !/预算|执行/u.test(r.text));
    expect(findBorderlessTables(groupLines(plain), isHeader).tables).toEqual([]);
  });
});

describe('findBorderlessTables: centred and right-aligned cells (spreadsheet prints, the 云南 layout)', () => {
  /** A text centred, or right-aligned, in the cell box [x0, x1). */
  const centred = (x0: number, x1: number, line: number, text: string): TextRun => {
    const c = cell(0, line, text);
    return { ...c, x: x0 + (x1 - x0 - c.width) / 2 };
  };
  const right = (x0: number, x1: number, line: number, text: string): TextRun => {
    const c = cell(0, line, text);
    return { ...c, x: x1 - 3 - c.width };
  };
  // Cell boxes: label | 年初预算数 | 全年预算数 | 全年执行数 | 分值 (wide: its centred header and right-aligned figures do not overlap) | 执行率 | 得分.
  const box = [40, 150, 220, 290, 360, 440, 490, 530];
  const headers = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
  const row = (line: number, label: string, figures: string[]): TextRun[] => [
    centred(box[0]!, box[1]!, line, label),
    ...figures.flatMap((f, k) => (f === '' ? [] : [right(box[k + 1]!, box[k + 2]!, line, f)])),
  ];
  const runs = [
    centred(box[0]!, box[1]!, 0, '项目名称'),
    centred(box[1]!, box[7]!, 0, '义务教育营养改善计划专项资金'),
    ...headers.map((h, k) => centred(box[k + 1]!, box[k + 2]!, 1, h)),
    ...row(2, '年度资金总额', ['', '387664.62', '387664.62', '10', '100%', '10']),
    ...row(3, '当年财政拨款', ['', '387664.62', '387664.62', '', '100%', '']),
    ...row(4, '上年结转资金', ['', '0', '0', '', '', '']),
    ...row(5, '其他资金', ['', '0', '0', '', '', '']),
  ];

  it('puts each figure in the column of the header above it, not one column off', () => {
    const { tables } = findBorderlessTables(groupLines(runs), isHeader);
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows;
    const colOf = (r: number, text: string): number => rows[r]!.find((c) => c.text === text)!.col;
    const header = rows.findIndex((r) => r.some((c) => c.text === '全年执行数'));
    const total = rows.findIndex((r) => r.some((c) => c.text === '年度资金总额'));
    for (const [h, figure] of [['全年预算数', '387664.62'], ['分值', '10'], ['执行率', '100%']] as const) {
      const cells = rows[total]!.filter((c) => c.text === figure).map((c) => c.col);
      expect(cells.some((col) => col >= colOf(header, h) && col < colOf(header, h) + rows[header]!.find((c) => c.text === h)!.colSpan)).toBe(true);
    }
    // 全年执行数's figure is the second 387664.62, in its own column.
    expect(rows[total]!.filter((c) => c.text === '387664.62').map((c) => c.col)).toContain(colOf(header, '全年执行数'));
  });

  it('folds a merged first-column label printed between the rows it spans into one cell over them', () => {
    const label = [centred(box[0]!, box[1]!, 2.5, '项目资金'), centred(box[0]!, box[1]!, 3.5, '（元）')];
    const withLabel = [...runs.filter((r) => !['年度资金总额', '当年财政拨款', '上年结转资金', '其他资金'].includes(r.text)), ...label];
    const { tables } = findBorderlessTables(groupLines(withLabel), isHeader);
    const rows = tables[0]!.rows;
    const first = rows.flat().find((c) => c.text === '项目资金（元）');
    expect(first).toBeDefined();
    expect(first!.col).toBe(0);
    expect(first!.rowSpan).toBeGreaterThan(1);
    // No row is left holding the label's lines alone.
    expect(rows.some((r) => r.every((c) => c.text === '' || c.text === '项目资金' || c.text === '（元）'))).toBe(false);
  });

  it('reads a page\'s first row of figures as a table run on from the page before, without its header', () => {
    const runOn = [
      cell(40, 0, '时效指标'), cell(120, 0, '费用结算及时性'), cell(260, 0, '及时'), cell(320, 0, '及时'), cell(380, 0, '20'), cell(430, 0, '20'),
      cell(40, 1, '效益指标'), cell(120, 1, '合同完成率'), cell(260, 1, '=100%'), cell(320, 1, '100%'), cell(380, 1, '30'), cell(430, 1, '30'),
      cell(120, 2, '总分'), cell(380, 2, '100'), cell(430, 2, '98.62'),
    ];
    const { tables } = findBorderlessTables(groupLines(runOn), isHeader);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.filter((c) => c.text !== '').map((c) => c.text))).toEqual([
      ['时效指标', '费用结算及时性', '及时', '及时', '20', '20'],
      ['效益指标', '合同完成率', '=100%', '100%', '30', '30'],
      ['总分', '100', '98.62'],
    ]);
  });
});
