/** Nested tier headings of a flattened 自评表 (r38's shape). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { checkTierHeadings } from '../../src/check/tier-headings.js';

const form = (goal: string, output: string, benefit: string) =>
  `三级指标 年初目标值 (A) 实际完成值 (B) 得分 服务外包在岸 20000 23333.56 10 二级指标 数量指标 年度 绩效 目标 (${goal} 分) 产出指标 (${output} 分) 时效指标 效益指标 (${benefit} 分) 总分 20 20 100`;

describe('checkTierHeadings', () => {
  it('fails 一级 headings whose points add up above their goal heading, citing all three (r38: 60 + 40 > 80)', () => {
    const [r] = checkTierHeadings(form('80', '60', '40'));
    expect(r).toMatchObject({ rule: 'indicator.tier_total', status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.role)).toEqual(['total', 'part', 'part']);
    expect(r!.evidence[1]!.text).toBe('产出指标 (60 分)');
  });

  it('passes headings that make their goal, and says nothing of a sum below it (a tier may print no points)', () => {
    expect(checkTierHeadings(form('80', '50', '30')).map((r) => r.status)).toEqual(['pass']);
    expect(checkTierHeadings(form('80', '50', '20'))).toEqual([]);
  });

  it('says nothing when a tier heading stands twice near the goal (two forms)', () => {
    expect(checkTierHeadings(`${form('80', '60', '40')} 产出指标 (50 分)`)).toEqual([]);
  });
});

describe('checkTiersWithBudgetExecution', () => {
  /** A flattened form (t224's layout) whose fund block scores 预算执行 10 points and whose tiers carry the given points. */
  const withFundBlock = (output: string, benefit: string, satisfaction: string) =>
    [
      '项目支出绩效自评表(2022年度)',
      '项目名称 水标尺制作安装项目',
      '主管部门 某县水利局 实施单位 某县水利局',
      '资金情况(万元) 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分',
      '年度资金总额 20 20 10 100.00% 10',
      '其中:本年财政拨款 20 20',
      '绩效指标 一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分',
      `产出指标(${output}分) 数量指标 安装水标尺 40 ≥266米 ≥266米 40`,
      `效益指标(${benefit}分) 社会效益指标 群众生产生活条件改善状况 20 显著提升 显著提升 20`,
      `满意度指标(${satisfaction}分) 服务对象满意度指标 受益户满意度 10 ≥95% ≥95% 10`,
      '总分 100 100',
    ].join('\n');
  const tierChecks = async (text: string) =>
    (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record.checks.filter((c) => c.rule === 'indicator.tier_total' && c.detail?.budgetExecutionWeight !== undefined);

  it('fails tiers that make 100 with the fund block’s 预算执行 10 points on top (t224: 70 + 20 + 10 + 10), citing the 分值', async () => {
    const [r, ...rest] = await tierChecks(withFundBlock('70', '20', '10'));
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite', part: 'form:1' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['产出指标(70分)', '效益指标(20分)', '满意度指标(10分)', '10']);
  });

  it('passes tiers that leave the 预算执行 part its points, and says nothing of a sum below 100', async () => {
    expect((await tierChecks(withFundBlock('50', '30', '10'))).map((r) => r.status)).toEqual(['pass']);
    expect(await tierChecks(withFundBlock('50', '20', '10'))).toEqual([]);
  });
});
