/**
 * Over-fulfilment and completion percentages (src/check/over-fulfilment.ts): checked against their own
 * target and actual only when one sentence (or one form row) holds exactly one of each.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { checkFulfilment } from '../../src/check/over-fulfilment.js';
import { makeRecord } from './make-figure.js';

const run = (text: string) => checkFulfilment(makeRecord(), text);
const statuses = (text: string) => run(text).map((r) => [r.rule, r.status]);

describe('over-fulfilment percentage', () => {
  it('passes (actual − target) ÷ target within the printed precision', () => {
    expect(statuses('培训人数指标值120人，实际完成150人，超额完成25%。')).toEqual([['indicator.over_fulfilment', 'pass']]);
    // 4 / 3 − 1 = 33.33…%: "33.3%" and "33%" are its roundings.
    expect(statuses('新建站点目标值3个，实际完成4个，超额完成33.3%。')[0]?.[1]).toBe('pass');
    expect(statuses('新建站点目标值3个，实际完成4个，超额完成33%。')[0]?.[1]).toBe('pass');
  });

  it('fails a wrong percentage, citing it, and warns when only truncation explains it', () => {
    const [r] = run('培训人数指标值120人，实际完成150人，超额完成30%。');
    expect(r).toMatchObject({ rule: 'indicator.over_fulfilment', status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['30%', '150人', '120人']);
    expect(r!.expected).toMatchObject({ lo: '25', hi: '25' });
    // 5 / 3 − 1 = 66.67%: 66% is truncated, not rounded.
    expect(statuses('新建站点目标值3个，实际完成5个，超额完成66%。')[0]?.[1]).toBe('warn');
    // The ratio printed where the excess was meant: 150 ÷ 120 = 125%, stated as 超额完成.
    expect(statuses('培训人数指标值120人，实际完成150人，超额完成125%。')[0]?.[1]).toBe('fail');
  });

  it('reads a year\'s task as the target and 超任务 as over-fulfilment (project reports)', () => {
    expect(statuses('全年任务1000人，实际完成1200人，超额完成25%。')).toEqual([['indicator.over_fulfilment', 'fail']]);
    expect(statuses('年度任务500户，实际完成600户，超任务20%。')).toEqual([['indicator.over_fulfilment', 'pass']]);
  });

  it('reads a plan and its outturn stated with one verb (计划培训…实际培训), and the work done after a task (任务数…完成…)', () => {
    expect(statuses('计划培训100人，实际培训120人，超额完成30%。')).toEqual([['indicator.over_fulfilment', 'fail']]);
    expect(statuses('计划培训100人，实际培训120人，超额完成20%。')).toEqual([['indicator.over_fulfilment', 'pass']]);
    expect(statuses('计划改造100户，实际改造120户，完成率为130%。')).toEqual([['indicator.completion_rate', 'fail']]);
    expect(statuses('任务数100亩，完成120亩，完成率130%。')).toEqual([['indicator.completion_rate', 'fail']]);
    expect(statuses('任务数100亩，完成120亩，完成率120%。')).toEqual([['indicator.completion_rate', 'pass']]);
    // another unit, another verb, or a second plan: not surely one quantity
    expect(run('计划培训100人，实际培训120人次，超额完成30%。')).toEqual([]);
    expect(run('计划培训100人，实际发放120人，超额完成30%。')).toEqual([]);
    expect(run('计划培训100人，计划改造50户，实际培训120人，超额完成30%。')).toEqual([]);
  });

  it('reads no finding in a completion rate printed 100% of a target met or exceeded (it may be capped)', () => {
    expect(run('计划改造100户，实际改造120户，完成率为100%。')).toEqual([]);
    expect(run('目标值100人，实际完成120人，完成率100%。')).toEqual([]);
    expect(statuses('目标值100人，实际完成80人，完成率100%。')).toEqual([['indicator.completion_rate', 'fail']]);
  });

  it('reads a lone 超任务 percentage against the one task and actual another sentence states (t363)', () => {
    const pair = '我市2022年农村危房改造任务数为115户,实际完成农村危房改造264户,发放补助资金为278.8万元。';
    const [r] = run(`${pair}由于多种原因,我市实际改造数超任务43%。`);
    expect(r).toMatchObject({ rule: 'indicator.over_fulfilment', status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['43%', '264户', '115户']);
    // (264 − 115) ÷ 115 = 129.57%
    expect(statuses(`${pair}我市实际改造数超任务129.6%。`)).toEqual([['indicator.over_fulfilment', 'pass']]);
  });

  it('reads no lone percentage when the identity is guessed: two tasks, no 实际, no shared object, no kind named', () => {
    const pair = '农村危房改造任务数为115户,实际完成农村危房改造264户。';
    expect(run(`${pair}另一批任务数为120户。我市实际改造数超任务43%。`)).toEqual([]);
    expect(run(`${pair}我市改造数超任务43%。`)).toEqual([]);
    expect(run(`${pair}我市实际发放数超任务43%。`)).toEqual([]);
    expect(run(`${pair}我市实际改造数超额43%。`)).toEqual([]);
  });

  it('reads each sentence that holds a rate word, wherever it stands: at the text\'s start and end, and after a sentence with two', () => {
    expect(statuses('培训人数指标值120人，实际完成150人，超额完成25%')).toEqual([['indicator.over_fulfilment', 'pass']]);
    const text = '执行率与完成率均已公布；新建站点目标值3个，实际完成4个，超额完成33%\n培训人数指标值120人，实际完成150人，完成率125%';
    expect(statuses(text)).toEqual([
      ['indicator.over_fulfilment', 'pass'],
      ['indicator.completion_rate', 'pass'],
    ]);
    expect(run(text)[1]!.evidence[0]!.evidence.start).toBe(text.lastIndexOf('125%'));
  });

  it('checks 完成率 as actual ÷ target', () => {
    expect(statuses('指标值为不少于120人，实际完成值150人，完成率125%。')).toEqual([['indicator.completion_rate', 'pass']]);
    expect(statuses('指标值为不少于120人，实际完成值150人，完成率120%。')[0]?.[1]).toBe('fail');
  });

  it('checks the rate of money due and paid in one sentence (t132: 应配套 … 实际配套到位 … 执行率)', () => {
    const text = '2022年我省粮食风险基金地方应配套20971.00万元,实际配套到位资金104880.14万元,超规模配套83909.14万元,执行率为400.12%。';
    const [r] = run(text);
    // 104880.14 ÷ 20971.00 = 500.12%: 400.12% is the excess 83909.14 ÷ 20971.00.
    expect(r).toMatchObject({ rule: 'execution_rate.clause', status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['400.12%', '104880.14万元', '20971.00万元']);
    expect(statuses(text.replace('400.12%', '500.12%'))).toEqual([['execution_rate.clause', 'pass']]);
    // A budget's 执行率 has no due amount: not read here (execution_rate's).
    expect(run('全年预算数100万元，实际支出80万元，执行率为80%。')).toEqual([]);
  });

  it('abstains unless one sentence holds one target, one actual and one percentage of one unit', () => {
    // target in another sentence
    expect(run('培训人数指标值120人。实际完成150人，超额完成30%。')).toEqual([]);
    // two actuals
    expect(run('指标值120人，实际完成150人，实际完成值160人，超额完成30%。')).toEqual([]);
    // different units
    expect(run('指标值120人，实际完成150人次，超额完成30%。')).toEqual([]);
    // percentages as target and actual: "超出目标5%" may be points
    expect(run('满意度目标值90%，实际完成95%，超出目标5%。')).toEqual([]);
    // an actual stated as a bound
    expect(run('指标值120人，实际完成超过150人，超额完成30%。')).toEqual([]);
  });

  it('reads no rate of another row of a flattened form as a row\'s (r38: 预算资金执行率 90% rows later)', async () => {
    const text =
      '项目支出绩效自评表 三级指标 年初目标值 (A) 实际完成值 (B) 得分 服务外包在岸(万美元) 20000 23333.56 10 服务外包离岸(万美元) 4500 4557.51 10 支持服务贸易、服务外 包企业数量 3 3 10 企业国际质量提升 获得目的国 (地区)受 众欢迎 受目的国受 众欢迎显著 10 预算资金执行率 90% 100% 10 资金拨付及时性 98%以上 100% 10 总分 100 100';
    const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'r38-shape.txt' });
    expect(record.checks.filter((c) => /over_fulfilment|completion_rate|execution_rate\.clause/u.test(c.rule))).toEqual([]);
  });

  it('reads a form row whose deviation column prints the percentage', async () => {
    const text = [
      '项目支出绩效自评表',
      '| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |',
      '| 产出指标 | 数量指标 | 培训人数 | ≥120人 | 150人 | 10 | 10 | 超额完成30% |',
      '| 总分 | | | | | 10 | 10 | |',
    ].join('\n');
    const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'row.txt' });
    const found = record.checks.filter((c) => c.rule === 'indicator.over_fulfilment');
    expect(found.map((c) => [c.status, c.certainty])).toEqual([['fail', 'definite']]);
  });
});

describe('a works report\'s 完工率 over its task and the work done (t664)', () => {
  const clause = (done: string, rate: string) => `深化农村公路管理养护体制改革,实施农村公路养护工程380公里,完成总投资5964万元,截止9月底,完成${done}公里建设任务,完工率为${rate}%。`;

  it('fails a rate the clause\'s task and work do not give: 200.031 ÷ 380 = 52.64%, printed 100%', () => {
    const [r] = run(clause('200.031', '100'));
    expect(r).toMatchObject({ rule: 'indicator.completion_rate', status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['100%', '200.031公里', '380公里']);
    expect(statuses(clause('200.031', '52.64'))).toEqual([['indicator.completion_rate', 'pass']]);
  });

  it('abstains with two tasks, two pieces of work, other units, or the work after the rate', () => {
    expect(run('实施养护工程380公里,实施改造工程200公里,完成200公里建设任务,完工率为100%。')).toEqual([]);
    expect(run('实施养护工程380公里,完成200公里,完成180公里,完工率为100%。')).toEqual([]);
    expect(run('实施养护工程380公里,完成200个建设任务,完工率为100%。')).toEqual([]);
    expect(run('实施养护工程380公里,完工率为100%,完成200公里建设任务。')).toEqual([]);
  });
});

describe('a form row’s 偏差原因 cell', () => {
  it('ends where the next row starts: a date row is not checked against the next row’s 完成率 (t304)', async () => {
    const text =
      '项目支出绩效自评表 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施\n指标值 完成值\n' +
      '  产出指标 时效指标 完成时限 2019年 2019年 15 15  \n    成本指标 计划完成率 90% 60% 20 10 部分项目延续至下年\n总分 100 90';
    const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' });
    expect(record.figures.indicators.map((i) => i.level3)).toContain('完成时限');
    expect(record.checks.filter((c) => c.rule === 'indicator.completion_rate')).toEqual([]);
  });
});
