import { describe, expect, it } from 'vitest';
import { checkMatchedLists, checkParallelBreakdowns } from '../../src/check/parallel-breakdown.js';

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

/** t776's paragraph: four allocations that make the fund's 1000万元, then what was spent of each, in another order and words. */
const allocated = '2020年财政预算1000万元的科技专项资金,分4批次下达至本局。分别是科技型企业建设项目22.65万元、科技项目管理经费50万元、评估工作经费20万元、2020年科技计划项目款907.35万元。';
const spent = (plan: string) => `截止2020年12月31日,已使用696.5万元(其中,科技项目管理经费使用50万元,科技型企业建设项目22.65万元、评估工作经费5万元〈结余15万元已上缴财政〉、科技计划项目${plan}万元),结转结余303.35万元。`;

describe('checkMatchedLists (the same items listed twice, in any order, in other words)', () => {
  it('fails a list short of its whole whose items are every item of a list of the paragraph that makes its whole (t776: 681.65 against 696.5)', () => {
    const results = checkMatchedLists(allocated + spent('604'));
    expect(results.map((r) => [r.rule, r.status, r.certainty, r.evidence[0]!.text])).toEqual([['sum.breakdown', 'fail', 'definite', '696.5万元']]);
    // The aside's 15万元 is no item; the first list's whole is the sentence before's one amount.
    expect(results[0]!.evidence.map((e) => `${e.role} ${e.text}`)).toEqual(['total 696.5万元', 'part 50万元', 'part 22.65万元', 'part 5万元', 'part 604万元', 'parallel_total 1000万元']);
  });

  it('passes both lists when each makes its whole', () => {
    expect(checkMatchedLists(allocated + spent('618.85')).map((r) => `${r.status} ${r.evidence[0]!.text}`)).toEqual(['pass 1000万元', 'pass 696.5万元']);
  });

  it('says nothing when the twin does not make its whole, names other items, or stands in another paragraph', () => {
    expect(checkMatchedLists(allocated.replace('907.35', '807.35') + spent('604'))).toEqual([]);
    expect(checkMatchedLists(allocated + spent('604').replace('评估工作经费5万元', '宣传经费5万元'))).toEqual([]);
    expect(checkMatchedLists(`${allocated}\n${spent('604')}`)).toEqual([]);
  });

  it('takes no whole from a sentence before that states two amounts', () => {
    expect(checkMatchedLists(allocated.replace('的科技专项资金', '的科技专项资金(上年结转20万元)') + spent('604'))).toEqual([]);
  });
});
