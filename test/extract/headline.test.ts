/** The headline's parts: which part of a document each kind of figure is read from (src/extract/headline.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';

const recordOf = async (text: string) => (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record;

describe('an evaluation report (第三方, 重点评价) as the document', () => {
  const report =
    '昌都市卡若区2022年度社会福利机构运行及人员经费项目绩效评价报告\n受昌都市卡若区民政局委托，第三方评价机构对该项目开展了绩效评价。\n一、项目基本情况\n(二)项目预算\n' +
    '社会福利机构运行及人员经费项目预算合计为423.38万元(其中:自治区169.35万元,市级254.03万元)。\n二、评价结论\n综合评价得分为92分。\n';

  it('names its project\'s fund sources in its own part, where it states its money (t049)', async () => {
    const r = await recordOf(report);
    expect(r.report.documentKind).toBe('evaluation_report');
    expect(r.figures.fundSources.map((f) => [f.name, f.amount.value])).toEqual([
      ['自治区', 1693500],
      ['市级', 2540300],
    ]);
  });

  it('still reads no fund source from an evaluation report attached to a self-evaluation', async () => {
    const r = await recordOf(
      '2022年度部门整体支出绩效自评报告\n一、部门基本情况\n本部门2022年预算数500万元，实际支出480万元，执行率96%。\n' +
        '附件：社会福利机构运行及人员经费项目绩效评价报告\n第三方评价机构对该项目开展了绩效评价。\n项目预算合计为423.38万元(其中:自治区169.35万元,市级254.03万元)。\n',
    );
    expect(r.report.documentKind).not.toBe('evaluation_report');
    expect(r.figures.fundSources).toEqual([]);
  });
});
