/** The roles engine (src/extract/roles/assign.ts): rank-stage features that read several candidates. */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../../src/analyze.js';
import { decision, recordOf, seen } from './record-of.js';

describe('the amounts a later "N项合计Y" counts (any.arithmetic.part_of_counted_total)', () => {
  const text = (total: string) =>
    `2018年省财政厅下达我市新农村现代流通网络工程资金134万元(其中专项示范社项目补助资金40万元)，2018年市本级预算安排“新网工程”专项经费20万元，${total}，实际拨付114万元。`;
  it('takes neither of two amounts "两项合计154万元" adds up for the budget (t956): abstains', async () => {
    const r = await recordOf(text('两项合计154万元'));
    expect(r.figures.budget).toBeNull();
    const marked = decision(r, 'budget').candidates.filter((c) => c.features.some((f) => f.id === 'any.arithmetic.part_of_counted_total'));
    expect(marked.map((c) => c.figure.text).sort()).toEqual(['134万元', '20万元']);
  });
  it('marks nothing when the count or the sum does not hold', async () => {
    for (const total of ['两项合计150万元', '三项合计154万元']) {
      const r = await recordOf(text(total));
      expect(decision(r, 'budget').candidates.flatMap((c) => c.features.map((f) => f.id))).not.toContain('any.arithmetic.part_of_counted_total');
    }
  });
});

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

  it('gives nothing to a total of zero: zero parts add up to it whatever it totals (t758)', async () => {
    const text = "国内公务接待支出6.77万元,主要用于市局监督检查、食品药品监督检查、各区县交流学习等费用。国内公务接待88批次,903人次(不包括陪同人员),共计支出6.77万元,具体内容包括:市场监督管理专项1.29万元,市场监督执法3.1万元;消费者权益保护0.17;药品事务0.18万元;其他市场监督管理事务0.41;卫生健康0.2万元;行政运行1.25万元;事业运行0.17万元。\n外事接待支出0万元,外事接待0批次,0人,共计支出0万元。\n八、政府性基金预算支出决算情况说明\n2019年政府性基金预算拨款支出0万元。\n九、国有资本经营预算支出决算情况说明\n2019年国有资本经营预算拨款支出0万元。\n十、其他重要事项的情况说明\n(一)机关运行经费支出情况\n2019年,大英县市场监督管理局机关运行经费支出156.38万元,比2018年减少231.64万元,下降59.7%。主要原因是机构改革,单位合并。人员减少。\n(二)政府采购支出情况\n2019年,我局政府采购支出总额121万元,其中:政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出100万元。主要用于食品药品抽检、特种设备巡诊、购买办公物资。授予中小企业合同金额21万元,占政府采购支出总额的17.36%,其中:授予小微企业合同金额21万元,占政府采购支出总额的17.36%。\n";
    const r = (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 't758.txt' })).record;
    const features = decision(r, 'execution').candidates.flatMap((c) => c.features.map((f) => f.id));
    expect(features).not.toContain('any.arithmetic.sum_of_parts');
    expect(r.figures.execution?.value ?? null).not.toBe(0);
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
