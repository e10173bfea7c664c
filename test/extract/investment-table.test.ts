/** A 项目基本信息 table's planned column as the record's fund sources (src/extract/investment-table.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';

async function sourcesOf(text: string) {
  const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'report.txt' });
  return record.figures.fundSources.map((f) => [f.name, f.amount.value]);
}

/** t154's layout: three columns, each source printed once per column in a row; zero cells are no sources. */
const hainan =
  '项目绩效评价报告\n项目类型经常性项目(√)一次性项目()\n\n计划投资额\n\n(万元)18821.06\n\n实际到位资金\n\n(万元)\n\n18821.06\n\n实际使用情况\n\n(万元)\n\n18821.06\n\n其中:中央财政4676 其中:中央财政4676 其中:中央财政4676 省财政14145.06 省财政14145.06省财政14145.06市县财政0 市县财政0 市县财政0 其他0 其他0 其他0 二、绩效评价指标评分\n';

/** t453's layout: a pipe table of 计划安排资金 and 实际到位资金, empty cells printing nothing. */
const pipes =
  '财政支出政策绩效评价报告\n计划安排资金(万元) | 1088.00 | 实际到位资金(万元) | 1020.02 |\n其中:中央财政 | 其中:中央财政 |\n省财政 | 省财政 |\n市财政 | 49.34 | 市财政 | 49.34 |\n县财政 | 1038.66 | 县财政 | 970.68 |\n实际支出(万元) | 1020.02 |\n';

/** t702's layout (岳阳): four columns with 实际支出 and 结余, one cell a line. */
const yueyang = (spent: string) =>
  `财政支出项目绩效评价自评报告\n计划安排资金\n\n(万元)\n\n170\n\n实际到位资金\n\n(万元)\n\n170\n\n实际支出\n\n(万元)\n\n${spent}\n\n结余(万元)\n\n0\n\n其中:中央财政\n\n其中:中央财政\n\n其中:中央财政\n\n其中:中央财政\n\n省财政\n\n120\n\n省财政\n\n120\n\n省财政\n\n120\n\n省财政\n\n市财政\n\n50\n\n市财政\n\n50\n\n市财政\n\n50\n\n市财政\n\n二、项目支出明细情况\n`;

describe('fund sources of a 项目基本信息 table', () => {
  it('takes the planned column\'s filled cells, no zero row (t154)', async () => {
    expect(await sourcesOf(hainan)).toEqual([
      ['中央财政', 46760000],
      ['省财政', 141450600],
    ]);
  });

  it('reads a pipe table whose first column is 计划安排资金 (t453)', async () => {
    expect(await sourcesOf(pipes)).toEqual([
      ['市财政', 493400],
      ['县财政', 10386600],
    ]);
  });

  it('reads the four columns of the 岳阳 template, one cell a line (t702)', async () => {
    expect(await sourcesOf(yueyang('170'))).toEqual([
      ['省财政', 1200000],
      ['市财政', 500000],
    ]);
  });

  it('gives none when the text lists its sources in a sentence, or prints two tables (two projects)', async () => {
    expect(await sourcesOf(`项目资金共170万元，其中省级资金100万元，市级资金70万元。\n${yueyang('170')}`)).toEqual([
      ['省级资金', 1000000],
      ['市级资金', 700000],
    ]);
    expect(await sourcesOf(yueyang('170') + yueyang('170'))).toEqual([]);
  });
});
