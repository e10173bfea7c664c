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
