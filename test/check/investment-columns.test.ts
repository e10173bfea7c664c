/** A 项目基本信息 table's columns against their sources (src/check/investment-columns.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';

async function columnChecks(text: string) {
  const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'columns.txt' });
  return record.checks.filter((c) => c.rule === 'sum.fund_sources').map((c) => [c.status, c.certainty ?? null, c.evidence.map((e) => e.text)]);
}

/** t154's layout: three columns, each source printed once per column in a row. */
const hainan = (arrived: string) =>
  `项目类型经常性项目(√)一次性项目()\n\n计划投资额\n\n(万元)18821.06\n\n实际到位资金\n\n(万元)\n\n${arrived}\n\n实际使用情况\n\n(万元)\n\n18821.06\n\n其中:中央财政4676 其中:中央财政4676 其中:中央财政4676 省财政14145.06 省财政14145.06省财政14145.06市县财政0 市县财政0 市县财政0 其他0 其他0 其他0 二、绩效评价指标评分\n`;

/** t414's layout: the prints glued, empty cells printing nothing. */
const glued = (planned: string) =>
  `计划投资额(万元)${planned}实际到位资金(万元)84.74实际使用情况(万元)84.74其中:中央财政其中:中央财政其中:中央财政省财政预算省财政预算省财政预算市县财政预算110.00市县财政预算84.74市县财政预算84.74地方债券资金地方债券资金地方债券资金二、绩效评价指标评分\n`;

/** t702/t703's 岳阳 layout: four columns (the balance split by source too), cells parted by the grid's bars. */
const yueyang = (arrived: string) =>
  `计划安排资金 (万元) |\n170 |\n实际到位资金 (万元) |\n${arrived} |\n实际支出 (万元) |\n179.6 |\n结余(万元) |\n0 |\n||||||||||||||\n其中:中央财政 |\n其中:中央财政 |\n其中:中央财政 |\n其中:中央财政 |\n||||||||||||||||||\n省财政 |\n170 |\n省财政 |\n170 |\n省财政 |\n170 |\n省财政 |\n||||||||||||||\n其它 |\n其它 |\n9.6 |\n其它 |\n9.6 |\n其它 |\n二、项目支出明细情况\n`;

describe('sum.fund_sources over a 项目基本信息 table', () => {
  it('passes each column whose sources add up to its total (t154)', async () => {
    expect((await columnChecks(hainan('18821.06'))).map((r) => r[0])).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails definite an 实际到位 total that is not the sum of its sources: 4676 + 14145.06 + 0 + 0 = 18821.06 against 18921.06', async () => {
    const [fail] = await columnChecks(hainan('18921.06'));
    expect(fail).toEqual(['fail', 'definite', ['18921.06', '4676', '14145.06', '0', '0']]);
  });

  it('reads glued prints and empty cells (t414); a single filled source short of its total only warns', async () => {
    expect((await columnChecks(glued('110.00'))).map((r) => r[0])).toEqual(['pass', 'pass', 'pass']);
    expect((await columnChecks(glued('120.00')))[0]).toEqual(['warn', 'possible', ['120.00', '110.00']]);
  });

  it('reads the 岳阳 template (计划安排资金 | 实际到位资金 | 实际支出 | 结余) through its grid bars: 170 + 9.6 arrived against 170 fails definite (t702)', async () => {
    expect((await columnChecks(yueyang('179.6'))).map((r) => r[0])).toEqual(['pass', 'pass', 'pass']);
    expect((await columnChecks(yueyang('170')))).toContainEqual(['fail', 'definite', ['170', '170', '9.6']]);
  });

  it('reads nothing when a source is not printed once per column or the columns print no unit', async () => {
    expect(await columnChecks('计划投资额(万元)100实际到位资金(万元)90其中:中央财政50省财政40市县财政10\n')).toEqual([]);
    expect(await columnChecks('计划投资额100实际到位资金90中央财政50中央财政50省财政40省财政40\n')).toEqual([]);
  });
});
