import { describe, expect, it } from 'vitest';
import { checkParallelBreakdowns } from '../../src/check/parallel-breakdown.js';

const plan = '本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,村民监督委员会工资28000元,村级事务补助960000元,村级工作目标奖励100000元。';
const done = '本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬152000元,村民监督委员会工资28000元,村级事务补助660000元,村级工作目标奖励50000元。';

describe('checkParallelBreakdowns (the same items listed twice)', () => {
  it('fails a short list definitely when the same items make their whole elsewhere', () => {
    const results = checkParallelBreakdowns(`${plan}\n${done}`);
    expect(results.map((r) => [r.rule, r.status, r.certainty, r.evidence[0]!.text])).toEqual([['sum.breakdown', 'fail', 'definite', '2026400元']]);
    expect(results[0]!.evidence.filter((e) => e.role === 'part')).toHaveLength(5);
  });

  it('says nothing of a short list with no complete twin', () => {
    expect(checkParallelBreakdowns(plan)).toEqual([]);
    // The twin lists other items (or fewer): the first may be partial.
    expect(checkParallelBreakdowns(`${plan}\n${done.replace('村级工作目标奖励50000元', '其他50000元')}`)).toEqual([]);
    expect(checkParallelBreakdowns('共申请资金300万元,其中甲100万元,乙100万元。共完成资金200万元,其中甲100万元,乙100万元。')).toEqual([]);
  });

  it('says nothing when both lists add up, or when both fall short', () => {
    expect(checkParallelBreakdowns(`${done}\n${done}`)).toEqual([]);
    expect(checkParallelBreakdowns(`${plan}\n${plan}`)).toEqual([]);
  });
});
