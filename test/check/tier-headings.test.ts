/** Nested tier headings of a flattened 自评表 (r38's shape). */
import { describe, expect, it } from 'vitest';
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
