/** Sub-projects and allocations from tables (src/extract/project-tables.ts, table-grids.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { projectsOfTables, withTableProjects } from '../../src/extract/project-tables.js';
import type { Project } from '../../src/schema/record.js';

async function projectsIn(text: string, fileName = 'synthetic.txt'): Promise<Project[]> {
  const { doc } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName });
  return projectsOfTables(doc);
}
async function recordProjects(text: string, fileName = 'synthetic.txt'): Promise<Project[]> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName })).record.figures.projects;
}
const rows = (ps: readonly Project[]) => ps.map((p) => [p.name, p.budget?.exact ?? null, p.execution?.exact ?? null, p.rule]);

const PIPE_ROWS = [
  '二、项目支出明细情况 | ||||',
  '支出内容(经济科目) | 计划支出数(万元) | 实际支出数(万元) | ||||',
  '文化活动经费 | 166.16 | 129.05 | ||||',
  '广电低保工程补助| 80.00 | 62.54 | ||||',
  '编外用工人员经费 | 24 | 24 | ||||',
  '支出合计 | 270.16 | 215.59 | ||||',
];

describe('projectsOfTables: one row a line', () => {
  it('reads each row under a name column and money columns when the rows add up to the 合计 row', async () => {
    const ps = await projectsIn(PIPE_ROWS.join('\n'));
    expect(rows(ps)).toEqual([
      ['文化活动经费', '1661600', '1290500', 'named.project.table.total'],
      ['广电低保工程补助', '800000', '625400', 'named.project.table.total'],
      // "…人员经费" ends like a nature name but is a row of its own, not the class.
      ['编外用工人员经费', '240000', '240000', 'named.project.table.total'],
    ]);
    // Each figure points at its cell, each project at its row.
    expect(ps[0]!.budget!.evidence.quote).toBe('166.16');
    expect(ps[0]!.execution!.evidence.quote).toBe('129.05');
    expect(ps[1]!.evidence!.quote).toBe('广电低保工程补助| 80.00 | 62.54');
    expect(ps[0]!.budget!.unit).toBe('万元');
  });

  it('abstains when the rows do not add up and the header does not say they are projects', async () => {
    const text = PIPE_ROWS.join('\n').replace('270.16 | 215.59', '270.17 | 215.60');
    expect(await projectsIn(text)).toEqual([]);
  });

  it('keeps a table one column of which adds up (the other column is the report’s slip, for the checks)', async () => {
    const text = PIPE_ROWS.join('\n').replace('215.59', '215.58');
    expect((await projectsIn(text)).length).toBe(3);
  });

  it('reads an allocation grouped under named subtotals, each group adding up, the last one cut short', async () => {
    const table = [
      '单位:万元',
      '地区 | 已预下达 | 本次下达 | 合计下达 |',
      '全省合计 | 200 | 50 | 250 |',
      '甲市合计 | 60 | 15 | 75 |',
      '甲一县 | 60 | 15 | 75 |',
      '乙市合计 | 80 | 20 | 100 |',
      '乙一县 | 50 | 10 | 60 |',
      '乙二县 | 30 | 10 | 40 |',
      '丙市合计 | 60 | 15 | 75 |',
      '丙一县 | 20 | 5 | 25 |',
      '地区 | 已预下达 | 本次下达 | 合计下达 |',
    ];
    const ps = await projectsIn(table.join('\n'));
    expect(rows(ps).map((r) => `${r[0]} ${r[1]}`)).toEqual(['甲一县 750000', '乙一县 600000', '乙二县 400000', '丙一县 250000']);
    expect(ps[0]!.rule).toBe('named.project.table.subtotals');
    // A group (not the last) that misses its subtotal, or a last one above its own: nothing.
    expect(await projectsIn(table.join('\n').replace('乙二县 | 30 | 10 | 40', '乙二县 | 30 | 10 | 41'))).toEqual([]);
    expect(await projectsIn(table.join('\n').replace('丙一县 | 20 | 5 | 25', '丙一县 | 70 | 15 | 85'))).toEqual([]);
    // One group adding up is not enough.
    expect(await projectsIn(table.slice(0, 5).join('\n'))).toEqual([]);
  });

  it('reads a 项目名称 table without a 合计 row, with its rate column', async () => {
    const text = [
      '项目名称 | 预算金额(万元) | 实际支出(万元) | 执行率 | 成效评价 |',
      '教育专项 | 850 | 830 | 97.6% | 优秀 |',
      '医疗保障专项 | 620 | 600 | 96.8% | 良好 |',
    ].join('\n');
    const ps = await projectsIn(text);
    expect(rows(ps)).toEqual([
      ['教育专项', '8500000', '8300000', 'named.project.table.header'],
      ['医疗保障专项', '6200000', '6000000', 'named.project.table.header'],
    ]);
    expect(ps[0]!.executionRate!.exact).toBe('0.976');
  });

  it('reads a unit from a "单位：万元" line and the 小计 column of a money header split in sub-columns', async () => {
    const text = [
      '资金分配表 | |||',
      '单位:万元 | |||',
      '序号 | 辖 区 | 本次下达数 | 备注 | |||',
      '省级 | 市级 | 小 计 | ||||',
      '1 | 市本级 | 140 | - | 140 | ||',
      '2 | 金寨县 | 175 | 50 | 225 | ||',
      '3 | 霍山县 | -100 | 150 | 50 | ||',
      '合 计 | 215 | 200 | 415 |',
    ].join('\n');
    expect(rows(await projectsIn(text))).toEqual([
      ['市本级', '1400000', null, 'named.project.table.total'],
      ['金寨县', '2250000', null, 'named.project.table.total'],
      ['霍山县', '500000', null, 'named.project.table.total'],
    ]);
  });

  it('takes the column holding the row’s total when several hold its budget, and leaves 其中 rows out', async () => {
    const text = [
      '县(市、区) | 合计(万元) | 中央资金 | 省级资金 |',
      '上杭县 | 50 | 30 | 20 |',
      '其中:古田镇 | 10 | 10 | - |',
      '漳平市 | 20 | 20 | - |',
      '合计 | 70 | 50 | 20 |',
    ].join('\n');
    expect(rows(await projectsIn(text))).toEqual([
      ['上杭县', '500000', null, 'named.project.table.total'],
      ['漳平市', '200000', null, 'named.project.table.total'],
    ]);
    // Two budget columns and neither a row total: which one is the project's is not said.
    const two = ['县区 | 年初预算(万元) | 调整预算(万元) |', '上杭县 | 50 | 40 |', '漳平市 | 20 | 30 |', '合计 | 70 | 70 |'].join('\n');
    expect(await projectsIn(two)).toEqual([]);
  });

  it('reads a 合计 row printed over the rows, a markdown rule row, and amounts printing their own unit', async () => {
    const text = [
      '| 乡镇 | 下达资金 | 备注 |',
      '| --- | --- | --- |',
      '| 合计 | 35万元 | |',
      '| 龙涓镇 | 20万元 | |',
      '| 长卿镇 | 150000元 | |',
    ].join('\n');
    const ps = await projectsIn(text);
    expect(rows(ps)).toEqual([
      ['龙涓镇', '200000', null, 'named.project.table.total'],
      ['长卿镇', '150000', null, 'named.project.table.total'],
    ]);
    expect(ps[1]!.budget!.unit).toBe('元');
    // No unit in the header, over the table or in a cell: nothing is read.
    expect(await projectsIn(text.replaceAll('万元', '').replace('150000元', '15'))).toEqual([]);
  });

  it('reads nothing from a table whose rows are classes or fund rows (a 决算 table)', async () => {
    const text = ['项目 | 预算数(万元) | 决算数(万元) |', '一般公共服务支出 | 100 | 90 |', '教育支出 | 50 | 40 |', '合计 | 150 | 130 |'].join('\n');
    expect(await projectsIn(text)).toEqual([]);
    const funds = ['单位 | 金额(万元) |', '财政拨款 | 100 |', '其他资金 | 50 |', '合计 | 150 |'].join('\n');
    expect(await projectsIn(funds)).toEqual([]);
    const sangong = ['项目 | 预算数(万元) | 决算数(万元) |', '因公出国(境)费 | 0 | 0 |', '公务接待费 | 2 | 1.5 |', '公务用车购置及运行维护费 | 8 | 7 |', '合计 | 10 | 8.5 |'].join('\n');
    expect(await projectsIn(sangong)).toEqual([]);
  });

  it('lists the same money listed again by another table once (by county, then by project)', async () => {
    const byCounty = ['县区 | 分配资金(万元) |', '上杭县 | 50 |', '漳平市 | 20 |', '合计 | 70 |'];
    const byProject = ['项目名称 | 补助资金(万元) |', '上杭县畲族文化展览厅项目 | 20 |', '漳平市道路硬化项目 | 50 |', '合计 | 70 |'];
    const ps = await projectsIn([...byCounty, '附件2', ...byProject].join('\n'));
    expect(ps.map((p) => p.name)).toEqual(['上杭县', '漳平市']);
    // Other amounts are other money: both tables are listed.
    const other = await projectsIn([...byCounty, '附件2', ...byProject.map((l) => l.replace('| 20 |', '| 25 |').replace('| 70 |', '| 75 |'))].join('\n'));
    expect(other.length).toBe(4);
  });

  it('needs two rows or more', async () => {
    expect(await projectsIn(['项目名称 | 预算金额(万元) |', '教育专项 | 850 |'].join('\n'))).toEqual([]);
  });
});

describe('projectsOfTables: one cell a line', () => {
  const CELLS = ['单位:万元', '序号 |', '乡镇名称 |', '项 目 名 称 |', '金额 |', '备注 |'];
  const row = (n: number, town: string, name: string, amount: string) => [`${n} |`, `${town} |`, `${name} |`, `${amount} |`, '|'];
  it('finds the rows by the 序号 count and the 合计 after them, the 项目名称 column over the 乡镇 one', async () => {
    // A title line before the 序号 cell does not shift the header.
    const text = [CELLS[0]!, '2022年水利专项资金安排表 |', ...CELLS.slice(1), ...row(1, '西坪镇', '尧山村排洪排水工程建设', '20'), ...row(2, '桃舟乡', '吾培村前村洋头水圳修复', '15'), '合计 |', '35 |', '|'].join('\n');
    expect(rows(await projectsIn(text))).toEqual([
      ['尧山村排洪排水工程建设', '200000', null, 'named.project.table.total'],
      ['吾培村前村洋头水圳修复', '150000', null, 'named.project.table.total'],
    ]);
  });
  it('abstains when they do not add up', async () => {
    const text = [...CELLS, ...row(1, '西坪镇', '尧山村排洪排水工程建设', '20'), ...row(2, '桃舟乡', '吾培村前村洋头水圳修复', '15'), '合计 |', '36 |', '|'].join('\n');
    expect(await projectsIn(text)).toEqual([]);
  });
});

describe('projectsOfTables: one cell a line, no 序号', () => {
  it('splits the rows by the width of the header and reads the 合计 after them', async () => {
    const text = ['说明 |', '单位:万元', '乡镇 |', '补助资金 |', '龙涓镇 |', '5 |', '长卿镇 |', '1.5 |', '合计 |', '6.5 |'].join('\n');
    expect(rows(await projectsIn(text))).toEqual([
      ['龙涓镇', '50000', null, 'named.project.table.total'],
      ['长卿镇', '15000', null, 'named.project.table.total'],
    ]);
  });
  it('reads nothing when a cell is missing and the rows no longer add up', async () => {
    const text = ['单位:万元', '乡镇 |', '补助资金 |', '备注 |', '龙涓镇 |', '5 |', '|', '长卿镇 |', '1.5 |', '合计 |', '6.5 |'].join('\n');
    expect(await projectsIn(text)).toEqual([]);
  });
});

describe('projectsOfTables: a table flattened into one run', () => {
  it('reads name and amount pairs after the header when they add up to the 合计', async () => {
    const text = '附件1资金分配表乡镇补助经费(万元)备注龙涓镇5长卿镇1.5龙门镇2凤城镇0.5全县合计9注:根据村数安排';
    const ps = await projectsIn(text);
    expect(rows(ps)).toEqual([
      ['龙涓镇', '50000', null, 'named.project.table.glued'],
      ['长卿镇', '15000', null, 'named.project.table.glued'],
      ['龙门镇', '20000', null, 'named.project.table.glued'],
      ['凤城镇', '5000', null, 'named.project.table.glued'],
    ]);
    expect(ps[1]!.budget!.evidence.quote).toBe('1.5');
  });
  it('reads a flattened header of several money columns, each row’s amounts apart, a row broken over lines', async () => {
    const text = ['关于下达2025年补助资金的通知', '单位：万元', '项目名称 预算数 执行数', 'A村道路项目 100 90', 'B村饮水工程', '50 50', '合计 150 140'].join('\n');
    const ps = await projectsIn(text);
    expect(rows(ps)).toEqual([
      ['A村道路项目', '1000000', '900000', 'named.project.table.glued'],
      ['B村饮水工程', '500000', '500000', 'named.project.table.glued'],
    ]);
    expect(ps[1]!.execution!.evidence.quote).toBe('50');
    expect(ps[1]!.execution!.evidence.start).toBeGreaterThan(ps[1]!.budget!.evidence.start);
    // No unit anywhere: nothing.
    expect(await projectsIn(text.replace('单位：万元\n', ''))).toEqual([]);
  });
  it('reads nothing when they do not', async () => {
    expect(await projectsIn('乡镇补助经费(万元)备注龙涓镇5长卿镇1.5龙门镇2凤城镇0.5全县合计10')).toEqual([]);
  });
  it('reads rows that open with their 序号, one a line, when the numbers run on and the rows add up', async () => {
    const text = ['资金预算分配表', '单位:万元', '序号地区金额', '1甲省450', '2原中央苏区乙省320', '3丙省230', '合计1000'].join('\n');
    expect(rows(await projectsIn(text)).map((r) => `${r[0]} ${r[1]}`)).toEqual(['甲省 4500000', '原中央苏区乙省 3200000', '丙省 2300000']);
    // A number out of its run: the rows were misread.
    expect(await projectsIn(text.replace('3丙省', '4丙省'))).toEqual([]);
  });
  it('ends each amount glued to the next row\'s number before that number', async () => {
    const glued = '资金预算分配表单位:万元序号地区金额1甲省4502乙省3203丙省23.54丁省16.5合计810';
    expect(rows(await projectsIn(glued)).map((r) => `${r[0]} ${r[1]}`)).toEqual(['甲省 4500000', '乙省 3200000', '丙省 235000', '丁省 165000']);
    expect(await projectsIn(glued.replace('合计810', '合计811'))).toEqual([]);
  });
  it('reads five numbered rows or more of a table cut before its 合计, and leaves a last amount whose end cannot be told', async () => {
    const cut = '资金预算分配表单位:万元序号地区金额1甲省4502乙省3203丙省2304丁省1605戊省906己省757';
    expect(rows(await projectsIn(cut)).map((r) => `${r[0]} ${r[1]}`)).toEqual(['甲省 4500000', '乙省 3200000', '丙省 2300000', '丁省 1600000', '戊省 900000']);
    // a table cut after three rows: too few numbered rows to stand alone
    expect(await projectsIn('资金预算分配表单位:万元序号地区金额1甲省4502乙省3203丙省2304丁省1605')).toEqual([]);
  });
});

describe('projectsOfTables: a flattened table grouped under numbered units', () => {
  const grouped = '资金分配表单位:万元序号单位项目金额1上杭县畲族文化研究会《畲族志》编纂出版项目10南阳镇双溪村人饮工程二期项目8小计182漳平市双洋镇茶山道路硬化项目5象湖镇畲族文化展览厅项目6小计11合计29附件2';
  it('reads each group\'s projects when every group adds up to its 小计 and the groups to the 合计', async () => {
    expect(rows(await projectsIn(grouped))).toEqual([
      ['畲族文化研究会《畲族志》编纂出版项目', '100000', null, 'named.project.table.grouped'],
      ['南阳镇双溪村人饮工程二期项目', '80000', null, 'named.project.table.grouped'],
      ['双洋镇茶山道路硬化项目', '50000', null, 'named.project.table.grouped'],
      ['象湖镇畲族文化展览厅项目', '60000', null, 'named.project.table.grouped'],
    ]);
  });
  it('reads nothing when a group misses its 小计, the 合计 misses the groups, or a group opens with no known place', async () => {
    expect(await projectsIn(grouped.replace('小计182', '小计192'))).toEqual([]);
    expect(await projectsIn(grouped.replace('合计29', '合计30'))).toEqual([]);
    expect(await projectsIn(grouped.replace('1上杭县', '1某某县'))).toEqual([]);
  });
});

describe('projectsOfTables: a real table', () => {
  it('reads an HTML table by its cells', async () => {
    const html = `<html><body><p>单位：万元</p><table>
      <tr><td>序号</td><td>县（市、区）</td><td>分配金额</td></tr>
      <tr><td>1</td><td>上杭县</td><td>50</td></tr>
      <tr><td>2</td><td>漳平市</td><td>20</td></tr>
      <tr><td colspan="2">合计</td><td>70</td></tr></table></body></html>`;
    const ps = await projectsIn(html, 'notice.html');
    expect(rows(ps)).toEqual([
      ['上杭县', '500000', null, 'named.project.table.total'],
      ['漳平市', '200000', null, 'named.project.table.total'],
    ]);
    expect(ps[0]!.budget!.evidence.quote).toBe('50');
  });
});

describe('projectsOfTables: a real table whose money header spans sub-columns', () => {
  it('reads the cells under the span and takes the row-total one', async () => {
    const html = `<html><body><table>
      <tr><td rowspan="2">县区</td><td colspan="3">下达资金（万元）</td><td rowspan="2">备注</td></tr>
      <tr><td>合计</td><td>中央</td><td>省级</td></tr>
      <tr><td>上杭县</td><td>50</td><td>30</td><td>20</td><td></td></tr>
      <tr><td>漳平市</td><td>20</td><td>20</td><td>0</td><td></td></tr>
      <tr><td>合计</td><td>70</td><td>50</td><td>20</td><td></td></tr></table></body></html>`;
    expect(rows(await projectsIn(html, 'notice.html'))).toEqual([
      ['上杭县', '500000', null, 'named.project.table.total'],
      ['漳平市', '200000', null, 'named.project.table.total'],
    ]);
  });
  it('reads budget and spending sub-columns under one money header', async () => {
    const html = `<html><body><table>
      <tr><td rowspan="2">项目名称</td><td colspan="2">资金情况（万元）</td></tr>
      <tr><td>预算数</td><td>实际支出</td></tr>
      <tr><td>A村道路硬化项目</td><td>50</td><td>48.5</td></tr>
      <tr><td>B村饮水工程</td><td>20</td><td>20</td></tr></table></body></html>`;
    expect(rows(await projectsIn(html, 'report.html'))).toEqual([
      ['A村道路硬化项目', '500000', '485000', 'named.project.table.header'],
      ['B村饮水工程', '200000', '200000', 'named.project.table.header'],
    ]);
  });
});

describe('the record', () => {
  it('lists the table projects among the record’s projects, with evidence', async () => {
    const ps = await recordProjects(['关于下达2025年补助资金的通知', ...PIPE_ROWS].join('\n'));
    expect(ps.map((p) => p.name)).toEqual(['文化活动经费', '广电低保工程补助', '编外用工人员经费']);
    expect(ps.every((p) => p.evidence && p.budget?.evidence)).toBe(true);
  });
  it('does not list again a project another rule named (the same name, or one holding the other)', () => {
    const p = (name: string): Project => ({ name, budget: null, execution: null, executionRate: null });
    expect(withTableProjects([p('教育专项项目')], [p('教育专项'), p('医疗专项')]).map((x) => x.name)).toEqual(['教育专项项目', '医疗专项']);
  });
});
