/** The roles engine (src/extract/roles/assign.ts): rank-stage features that read several candidates. */
import { describe, expect, it } from 'vitest';
import { decision, recordOf, seen } from './record-of.js';

describe('a total that equals the sum of the amounts before it (any.arithmetic.sum_of_parts)', () => {
  it('takes the total of budgets listed one by one, not the first of them', async () => {
    const r = await recordOf('一批项目县级批复总投资3374.3万元，二批项目县级批复总投资2069.51万元，三批项目县级批复投资778.59万元，合计批复总投资6222.4万元。');
    expect(seen(r.figures.budget)).toEqual([62224000, '6222.4万元']);
    expect(decision(r, 'budget').candidates[0]!.features.map((f) => f.id)).toContain('any.arithmetic.sum_of_parts');
  });

  it('outranks a part that states its role more strongly', async () => {
    const r = await recordOf(
      '中央下达我区专项转移支付预算463142万元；中央下达我区专项转移支付预算163455万元；中央下达我区补贴资金预算44440万元；2021年农业生产发展资金合计671037万元。其中，安排约束性任务资金合计575218万元，安排指导性任务资金合计95819万元。',
    );
    expect(seen(r.figures.budget)).toEqual([6710370000, '671037万元']);
  });

  it('adds nothing when the sum does not hold: the budgets tie and the role abstains', async () => {
    // 3374.3 + 2069.51 + 778.59 = 6222.4, not 6322.4.
    const r = await recordOf('一批项目县级批复总投资3374.3万元，二批项目县级批复总投资2069.51万元，三批项目县级批复投资778.59万元，合计批复总投资6322.4万元。');
    expect(r.figures.budget).toBeNull();
    expect(decision(r, 'budget').reason).toBe('abstained_tie');
  });

  it('needs a total word: an amount that merely equals two before it is not their whole', async () => {
    const r = await recordOf('一批项目县级批复总投资300万元，二批项目县级批复总投资200万元，三批项目县级批复总投资500万元。');
    expect(r.figures.budget).toBeNull();
  });
});

describe('a total stated before its parts', () => {
  it('takes the total a field line states in (万元) when the blocks after it add up to it', async () => {
    const r = await recordOf(
      '预算资金安排 2024年度计划生育转移支付资金预算安排情况。\n计划生育转移支付资金合计(万元) 年度预算资金总额): 1084.25 \n其中:中央补助 668.00 \n农村部分计划生育家庭奖励扶助制度补助资金(万元)\n年度预算资金总额: 763.00 \n计划生育家庭特别扶助制度补助资金(万元)\n年度预算资金总额: 321.25 \n',
    );
    expect(seen(r.figures.budget)).toEqual([10842500, '1084.25']);
    expect(decision(r, 'budget').candidates[0]!.features.map((f) => f.id)).toContain('any.arithmetic.sum_of_parts');
  });
});

describe('each feature is asked once per candidate', () => {
  it('asks a feature of several roles once per amount and decision (the named amounts, the headline roles), however many roles and passes score it', async () => {
    const { FEATURES } = await import('../../../src/extract/roles/features.js');
    const plan = FEATURES.find((f) => f.id === 'money.plan_word')!;
    const test = plan.test;
    const asked: unknown[] = [];
    (plan as { test: typeof test }).test = (c) => {
      asked.push(c);
      return test(c);
    };
    try {
      const r = await recordOf('2023年项目预算资金100万元，实际支出90万元，预算执行率90%。');
      expect(seen(r.figures.budget)).toEqual([1000000, '100万元']);
      expect(asked.length).toBeGreaterThan(0);
      const times = new Map<unknown, number>();
      for (const c of asked) times.set(c, (times.get(c) ?? 0) + 1);
      expect(Math.max(...times.values())).toBeLessThanOrEqual(2);
    } finally {
      (plan as { test: typeof test }).test = test;
    }
  });
});

describe('LABEL_FEATURES (asked by nameAmounts before the candidates are marked)', () => {
  it('read neither mark figures.ts sets afterwards, so assignRoles keeps their answers', async () => {
    const { readFileSync } = await import('node:fs');
    const { readTxt } = await import('../../../src/ingest/read-txt.js');
    const { normalizeDocument } = await import('../../../src/normalize/normalize.js');
    const { segmentDocument } = await import('../../../src/segment/segment.js');
    const { locateNumbers } = await import('../../../src/extract/locate.js');
    const { findCandidates } = await import('../../../src/extract/roles/candidates.js');
    const { LABEL_FEATURES } = await import('../../../src/extract/roles/assign.js');
    const doc = normalizeDocument(readTxt(readFileSync('../shared/seed/huadu-2021-jgdgw.txt')));
    const seg = segmentDocument(doc);
    const candidates = findCandidates(doc, seg, locateNumbers(doc, seg), 'department_overall', new Map(), new Map());
    expect(candidates.length).toBeGreaterThan(10);
    for (const c of candidates) {
      for (const marks of [{ namedAs: 'named.function' }, { wholeAs: 'transfer' }, { wholeAs: 'arranged' }, { wholeAs: 'fund' }]) {
        const marked = { ...c, ...marks };
        for (const f of LABEL_FEATURES) expect([f.id, f.test(marked)]).toEqual([f.id, f.test(c)]);
      }
    }
  });
});
