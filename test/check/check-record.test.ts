import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { CheckResult, type Count, type ReportRecord } from '../../src/schema/record.js';
import { makeCount, makeCountIn, makeFigure, makeIndicator, makeRecord, named } from './make-figure.js';

/** The seed text with the PDF-dump spaces beside CJK removed, as normalization does. */
const seedText = readFileSync(new URL('../../../shared/seed/huadu-2021-jgdgw.txt', import.meta.url), 'utf8').replace(
  / +(?=[\u4e00-\u9fff（“])|(?<=[\u4e00-\u9fff，。）”]) +/g,
  '',
);

function seedCounts(text: string): Count[] {
  return [
    makeCountIn(text, '2个', { subject: '内设科室', action: '内设', context: '科室2个' }),
    makeCountIn(text, '12个', { subject: '奖项', action: '获得', occurrence: 0 }),
    makeCountIn(text, '774名', { subject: '党组织书记和党务干部', action: '参加能力提升培训', occurrence: 0 }),
    makeCountIn(text, '165名', { subject: '党员', action: '发展' }),
    makeCountIn(text, '10个', { subject: '镇（街）', action: '评议', context: '10个镇' }),
    makeCountIn(text, '70个', { subject: '机关、事业单位', action: '评议' }),
    makeCountIn(text, '380条', { subject: '意见建议', action: '收集整理' }),
    makeCountIn(text, '1762条', { subject: '群众即时评议反馈意见信息', action: '收到' }),
    makeCountIn(text, '10个', { subject: '行风监督组', action: '组织', context: '10个行风' }),
    makeCountIn(text, '12个', { subject: '奖项', action: '获得', occurrence: 1 }),
    makeCountIn(text, '12个', { subject: '奖项', action: '获得', occurrence: 2 }),
    makeCountIn(text, '4个', { subject: '作品、团队和个人', action: '获得', context: '4个作品' }),
    makeCountIn(text, '774名', { subject: '党组织书记和党务工作者', action: '培训', occurrence: 1 }),
    makeCountIn(text, '60支', { subject: '党员突击队', action: '成立' }),
    makeCountIn(text, '80个', { subject: '参评单位', action: '监督' }),
  ];
}

function seedRecord(): ReportRecord {
  return makeRecord(
    {
      budget: makeFigure('890.33万元'),
      execution: makeFigure('714.07万元'),
      executionRate: makeFigure('80.2%'),
      selfScore: makeFigure('91.28分'),
      byFunction: [
        named('一般公共服务支出', '523.39万元', '201'),
        named('社会保障和就业支出', '142.46万元', '208'),
        named('卫生健康支出', '5.01万元', '210'),
        named('住房保障支出', '43.22万元', '221'),
      ],
      byNature: [named('基本支出', '642.19万元'), named('项目支出', '71.88万元')],
      projects: [
        {
          name: '党建工委工作经费',
          budget: makeFigure('25万元'),
          execution: makeFigure('24.99万元'),
          executionRate: makeFigure('100.0%'),
        },
      ],
      counts: seedCounts(seedText),
    },
    { fiscalYear: 2021, title: '中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告' },
  );
}

function only(results: CheckResult[], rule: string): CheckResult {
  const found = results.filter((r) => r.rule === rule);
  expect(found, `exactly one ${rule} in ${results.map((r) => r.rule).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

function lo(r: CheckResult, side: 'expected' | 'actual'): number {
  return Number(r[side]!.lo);
}
function hi(r: CheckResult, side: 'expected' | 'actual'): number {
  return Number(r[side]!.hi);
}

describe('checkRecord on the seed report', () => {
  const results = checkRecord(seedRecord(), { text: seedText });

  it('produces schema-valid results and no failures or warnings', () => {
    for (const r of results) expect(() => CheckResult.parse(r)).not.toThrow();
    expect(results.filter((r) => r.status === 'fail' || r.status === 'warn')).toEqual([]);
  });

  it('passes the functional classes 523.39+142.46+5.01+43.22 = 714.08 against 714.07', () => {
    const r = only(results, 'sum.by_function');
    expect(r.status).toBe('pass');
    expect(r.unit).toBe('万元');
    // A sum's parts and total are read as 四舍五入 printed them: the upper ends are open.
    expect(r.expected).toEqual({ lo: '714.06', hi: '714.1', loOpen: false, hiOpen: true });
    expect(r.actual).toEqual({ lo: '714.065', hi: '714.075', loOpen: false, hiOpen: true });
    expect(r.message.zh).toContain('714.08万元');
    expect(r.message.zh).toContain('[714.06, 714.10)');
    expect(r.message.zh).toContain('714.07万元（区间 [714.065, 714.075)）');
    expect(r.message.zh).toContain('一致');
    expect(r.message.en).toContain('consistent');
    expect(r.evidence.map((e) => e.role)).toEqual(['total', 'part', 'part', 'part', 'part']);
    expect(r.evidence[0]!.text).toBe('714.07万元');
  });

  it('passes 714.07 / 890.33 = 80.2%, intervals in %', () => {
    const r = only(results, 'execution_rate');
    expect(r.status).toBe('pass');
    expect(r.unit).toBe('%');
    expect(r.detail?.denominator).toBe('budget');
    expect(lo(r, 'expected')).toBeCloseTo(80.20183, 4);
    expect(hi(r, 'expected')).toBeCloseTo(80.20386, 4);
    expect(r.actual).toEqual({ lo: '80.15', hi: '80.25', loOpen: false, hiOpen: true });
    expect(r.message.zh).toContain('[80.15, 80.25)');
    expect(r.message.zh).toContain('= 80.203%');
    expect(r.evidence.map((e) => e.role)).toEqual(['rate', 'numerator', 'denominator']);
  });

  it('passes the project 24.99 / 25 = 99.96% stated as 100.0%', () => {
    const r = only(results, 'execution_rate.project');
    expect(r.status).toBe('pass');
    expect(r.detail).toMatchObject({ project: '党建工委工作经费', denominator: 'budget' });
    expect(r.actual).toEqual({ lo: '99.95', hi: '100.05', loOpen: false, hiOpen: true });
    expect(lo(r, 'expected')).toBeLessThan(99.96);
    expect(hi(r, 'expected')).toBeGreaterThan(99.96);
  });

  it('passes 642.19 + 71.88 = 714.07 and the project within 项目支出', () => {
    const r = only(results, 'sum.by_nature');
    expect(r.status).toBe('pass');
    expect(r.expected).toEqual({ lo: '714.06', hi: '714.08', loOpen: false, hiOpen: true });
    expect(only(results, 'sum.projects').status).toBe('pass');
  });

  it('finds 10 + 70 = 80 参评单位 in the text', () => {
    const r = only(results, 'count.parts_whole');
    expect(r.status).toBe('pass');
    expect(r.expected).toEqual({ lo: '80', hi: '80', loOpen: false, hiOpen: false });
    expect(r.actual).toEqual({ lo: '80', hi: '80', loOpen: false, hiOpen: false });
    expect(r.detail?.sharedTerm).toBe('单位');
    expect(r.evidence.map((e) => e.evidence.quote)).toEqual(['80个', '10个', '70个']);
  });

  it('confirms the restated 12个奖项, the 774名 named two ways (党务干部 / 党务工作者) and the fiscal year', () => {
    const restated = results.filter((r) => r.rule === 'count.restated');
    expect(restated.map((r) => [r.status, r.evidence.map((e) => e.text).join(' ')])).toEqual([
      ['pass', '12个 12个 12个'],
      ['pass', '774名 774名'],
    ]);
    const year = only(results, 'year');
    expect(year.status).toBe('pass');
    expect(year.detail?.dominantYear).toBe(2021);
    expect(only(results, 'self_score.range').status).toBe('pass');
  });

  it('reports the department-level plausibility checks as passing (projects only when they warn)', () => {
    const over = results.filter((r) => r.rule === 'plausibility.execution_over_budget');
    expect(over.map((r) => r.status)).toEqual(['pass']);
    const rate = results.filter((r) => r.rule === 'plausibility.rate_over_100');
    expect(rate.map((r) => r.status)).toEqual(['pass']);
  });
});

describe('failing mutations of the seed', () => {
  it('fails the functional sum and the nature sum when the total is 714.17', () => {
    const record = seedRecord();
    record.figures.execution = makeFigure('714.17万元');
    const results = checkRecord(record);
    const byFunction = only(results, 'sum.by_function');
    expect(byFunction.status).toBe('fail');
    expect(byFunction.actual).toEqual({ lo: '714.165', hi: '714.175', loOpen: false, hiOpen: true });
    expect(byFunction.message.zh).toContain('不一致');
    expect(byFunction.message.zh).toContain('[714.06, 714.10)');
    expect(byFunction.message.zh).toContain('[714.165, 714.175)');
    expect(only(results, 'sum.by_nature').status).toBe('fail');
    // fails come first
    expect(results[0]!.status).toBe('fail');
  });

  it('fails a stated rate of 81.2% and shows both intervals', () => {
    const record = seedRecord();
    record.figures.executionRate = makeFigure('81.2%');
    const r = only(checkRecord(record), 'execution_rate');
    expect(r.status).toBe('fail');
    expect(r.actual).toEqual({ lo: '81.15', hi: '81.25', loOpen: false, hiOpen: true });
    expect(lo(r, 'expected')).toBeCloseTo(80.20183, 4);
    expect(r.message.zh).toContain('[80.20183, 80.20386]');
    expect(r.message.zh).toContain('[81.15, 81.25)');
    expect(r.message.en).toContain('disagrees');
  });

  it('fails a project whose rate does not follow from its figures', () => {
    const record = seedRecord();
    record.figures.projects[0]!.executionRate = makeFigure('90.0%');
    const r = only(checkRecord(record), 'execution_rate.project');
    expect(r.status).toBe('fail');
    expect(r.detail?.project).toBe('党建工委工作经费');
  });
});

describe('execution_rate denominators', () => {
  it('falls back to 年初预算 and says so', () => {
    const record = makeRecord({
      budget: makeFigure('950.00万元'),
      budgetInitial: makeFigure('890.33万元'),
      execution: makeFigure('714.07万元'),
      executionRate: makeFigure('80.2%'),
    });
    const r = only(checkRecord(record), 'execution_rate');
    expect(r.status).toBe('pass');
    expect(r.detail?.denominator).toBe('budgetInitial');
    expect(r.message.zh).toContain('年初预算数');
    expect(r.evidence.find((e) => e.role === 'denominator')!.text).toBe('890.33万元');
  });

  it('fails when neither budget gives the rate, naming both', () => {
    const record = makeRecord({
      budget: makeFigure('950.00万元'),
      budgetInitial: makeFigure('900.00万元'),
      execution: makeFigure('714.07万元'),
      executionRate: makeFigure('80.2%'),
    });
    const r = only(checkRecord(record), 'execution_rate');
    expect(r.status).toBe('fail');
    expect(r.detail?.tried).toEqual(['budget', 'budgetInitial']);
    expect(r.message.zh).toContain('年初预算数');
  });

  it('uses the initial budget for projects too', () => {
    const record = makeRecord({
      projects: [
        {
          name: 'A',
          budget: makeFigure('30.00万元'),
          budgetInitial: makeFigure('25.00万元'),
          execution: makeFigure('24.99万元'),
          executionRate: makeFigure('99.96%'),
        },
      ],
    });
    const r = only(checkRecord(record), 'execution_rate.project');
    expect(r.status).toBe('pass');
    expect(r.detail).toMatchObject({ project: 'A', denominator: 'budgetInitial' });
  });

  it('is not applicable when the budget is 0 (r04: 0 / 0)', () => {
    const record = makeRecord({ budget: makeFigure('0'), execution: makeFigure('0'), executionRate: makeFigure('0%') });
    const r = only(checkRecord(record), 'execution_rate');
    expect(r.status).toBe('not_applicable');
  });
});

describe('元/万元 unit slips', () => {
  it('flags a project rate that only holds after ÷10^4 (budget 25 written as 元)', () => {
    const record = makeRecord({
      byNature: [named('基本支出', '642.19万元'), named('项目支出', '71.88万元')],
      projects: [{ name: '党建工委工作经费', budget: makeFigure('25元'), execution: makeFigure('249900元'), executionRate: makeFigure('100.0%') }],
    });
    const results = checkRecord(record);
    const r = only(results, 'unit_slip');
    expect(r.status).toBe('fail');
    expect(r.detail).toMatchObject({ factor: 10000, relation: 'execution_rate.project', project: '党建工委工作经费', adjustment: 'divide' });
    expect(r.message.en).toContain('probable 元/万元 unit error');
    expect(r.message.zh).toContain('疑似元/万元单位错误');
    expect(lo(r, 'expected')).toBeGreaterThan(900000);
    expect(results.filter((x) => x.rule === 'execution_rate.project')).toHaveLength(0);
    const over = only(results, 'plausibility.execution_over_budget');
    expect(over).toMatchObject({ status: 'warn', detail: { project: '党建工委工作经费' } });
    // the 元 execution is shown in the 万元 of 项目支出 with all its digits
    expect(only(results, 'sum.projects').message.zh).toContain('24.99万元');
  });

  it('flags one functional class written in 元 instead of 万元', () => {
    const record = seedRecord();
    record.figures.byFunction[3] = named('住房保障支出', '43.22元', '221');
    const r = only(checkRecord(record), 'unit_slip');
    expect(r.detail).toMatchObject({ factor: 10000, relation: 'sum.by_function', part: '住房保障支出', adjustment: 'multiply' });
  });

  it('flags 基本支出/项目支出 in 元 under a 万元 total (r28)', () => {
    const record = makeRecord({
      execution: makeFigure('6821.09751万元'),
      byNature: [named('基本支出', '2754.869651元'), named('项目支出', '4066.227859元')],
    });
    const r = only(checkRecord(record), 'unit_slip');
    expect(r.status).toBe('fail');
    expect(r.detail).toMatchObject({ factor: 10000, relation: 'sum.by_nature', adjustment: 'multiply' });
    expect(r.detail?.part).toBeUndefined();
  });

  it('hints at a slip when parts in 元 also miss the 万元 total (r28 income)', () => {
    const record = makeRecord({
      execution: makeFigure('6821.09751万元'),
      fundSources: [named('财政拨款资金收入', '5359.668673元'), named('事业性收入', '1456.594624元'), named('其他收入', '4.408577元')],
    });
    const r = only(checkRecord(record), 'sum.fund_sources');
    expect(r.status).toBe('warn');
    expect(r.detail?.suspectedFactor).toBe(10000);
    expect(r.message.zh).toContain('疑似元/万元单位错误');
  });

  it('does not call an ordinary mismatch a unit slip', () => {
    const record = seedRecord();
    record.figures.byFunction[3] = named('住房保障支出', '53.22万元', '221');
    const results = checkRecord(record);
    expect(results.some((r) => r.rule === 'unit_slip')).toBe(false);
    expect(only(results, 'sum.by_function').status).toBe('fail');
  });

  it('accepts mixed units that agree (元 parts, 万元 total)', () => {
    const record = makeRecord({
      execution: makeFigure('714.07万元'),
      byNature: [named('基本支出', '6421900.00元'), named('项目支出', '718800.00元')],
    });
    const r = only(checkRecord(record), 'sum.by_nature');
    expect(r.status).toBe('pass');
    expect(r.unit).toBe('万元');
    // parts printed to the fen are exact
    expect(r.message.zh).toContain('合计 714.07万元（区间 [714.07, 714.07]）');
  });
});

describe('other sums', () => {
  it('fails a fund-source total of 0 over a sub-row of 90 (r04)', () => {
    const record = makeRecord({ fundSources: [named('年度资金总额', '0'), named('其中：本年财政拨款', '90')] });
    const results = checkRecord(record);
    const r = only(results, 'sum.fund_sources');
    expect(r.status).toBe('fail');
    expect(r.expected).toEqual({ lo: '89.5', hi: '90.5', loOpen: false, hiOpen: true });
    // a printed 0 stands for (−0.5, 0.5) under 四舍五入
    expect(r.actual).toEqual({ lo: '-0.5', hi: '0.5', loOpen: true, hiOpen: true });
    expect(results.some((x) => x.rule === 'unit_slip')).toBe(false);
  });

  it('checks fund sources against the budget when no total row exists', () => {
    const record = makeRecord({
      budget: makeFigure('251.89万元'),
      fundSources: [named('财政资金', '251.89万元'), named('财政专户管理资金', '0.00万元'), named('单位资金', '0.00万元')],
    });
    const r = only(checkRecord(record), 'sum.fund_sources');
    expect(r.status).toBe('pass');
    expect(r.detail?.total).toBe('budget');
    record.figures.budget = makeFigure('300.00万元');
    expect(only(checkRecord(record), 'sum.fund_sources').status).toBe('warn');
  });

  it('checks 人员经费 + 公用经费 = 基本支出', () => {
    const record = makeRecord({
      byNature: [named('基本支出', '642.19万元'), named('项目支出', '71.88万元'), named('人员经费', '600.00万元'), named('公用经费', '42.19万元')],
    });
    expect(only(checkRecord(record), 'sum.basic_expenditure').status).toBe('pass');
    record.figures.byNature[3] = named('公用经费', '52.19万元');
    expect(only(checkRecord(record), 'sum.basic_expenditure').status).toBe('fail');
  });

  it('warns when projects add up to more than 项目支出', () => {
    const record = seedRecord();
    record.figures.projects.push({ name: 'B', budget: null, execution: makeFigure('50.00万元'), executionRate: null });
    const r = only(checkRecord(record), 'sum.projects');
    expect(r.status).toBe('warn');
    expect(r.expected).toEqual({ lo: '74.98', hi: '75', loOpen: false, hiOpen: true });
    expect(r.actual).toEqual({ lo: '71.875', hi: '71.885', loOpen: false, hiOpen: false });
    expect(r.message.zh).toContain('74.99万元');
  });

  it('skips the functional sum without any total', () => {
    const record = makeRecord({ byFunction: [named('一般公共服务支出', '523.39万元')] });
    expect(checkRecord(record).some((r) => r.rule === 'sum.by_function')).toBe(false);
  });

  it('reads a bare 0 nature part at its sibling’s precision (t099: 基本支出76.36万元，项目支出0万元 against 76.43)', () => {
    const record = makeRecord({ execution: makeFigure('76.36万元'), byNature: [named('基本支出', '76.36万元'), named('项目支出', '0万元')] });
    expect(only(checkRecord(record), 'sum.by_nature').status).toBe('pass');
    record.figures.execution = makeFigure('76.43万元');
    expect(only(checkRecord(record), 'sum.by_nature')).toMatchObject({ status: 'fail', certainty: 'definite' });
  });

  it('only warns when a single class falls short of the whole expenditure (no stated total closes the list)', () => {
    const record = makeRecord({ execution: makeFigure('878.00万元'), byFunction: [named('其他支出', '5.00万元', '229')] });
    const r = only(checkRecord(record), 'sum.by_function');
    expect(r.status).toBe('warn');
    expect(r.certainty).toBe('possible');
    record.figures.byFunction.push(named('文化旅游体育与传媒支出', '870.00万元', '207'));
    expect(only(checkRecord(record), 'sum.by_function')).toMatchObject({ status: 'fail', certainty: 'definite' });
  });

  it('ignores 款-level rows under coded classes', () => {
    const record = seedRecord();
    record.figures.byFunction.push(named('党委办公厅（室）及相关机构事务', '523.39万元', '20131'));
    expect(only(checkRecord(record), 'sum.by_function').status).toBe('pass');
  });
});

describe('restated figures', () => {
  it('compares a project stated twice, across units', () => {
    const project = (budget: string) => ({ name: 'P', budget: makeFigure(budget), execution: null, executionRate: null });
    const same = checkRecord(makeRecord({ projects: [project('25.00万元'), project('250000.00元')] }));
    expect(only(same, 'restated').status).toBe('pass');
    const differ = checkRecord(makeRecord({ projects: [project('25.00万元'), project('26.00万元')] }));
    const r = only(differ, 'restated');
    expect(r.status).toBe('fail');
    expect(r.detail).toMatchObject({ project: 'P', field: 'budget' });
  });

  it('fails (possible) a count restated with the same subject and a related action but another value', () => {
    const a = makeCount('774名', { subject: '党务干部', action: '培训' });
    const b = makeCount('775名', { subject: '党务干部', action: '培训' });
    const same = only(checkRecord(makeRecord({ counts: [a, b] })), 'count.restated');
    expect(same).toMatchObject({ status: 'fail', certainty: 'possible' });
    const c = makeCount('775名', { subject: '党务干部', action: '参加培训班' });
    const r = only(checkRecord(makeRecord({ counts: [a, c] })), 'count.restated');
    expect(r).toMatchObject({ status: 'fail', certainty: 'possible' });
    expect(r.message.zh).toContain('774名');
    expect(r.message.zh).toContain('775名');
    const d = makeCount('775名', { subject: '党务干部', action: '表彰' });
    expect(checkRecord(makeRecord({ counts: [a, d] })).some((x) => x.rule === 'count.restated')).toBe(false);
  });

  it('does not compare counts of one subject under unrelated actions', () => {
    const a = makeCount('165名', { subject: '党员', action: '发展' });
    const b = makeCount('13000名', { subject: '党员', action: '动员', approx: 'at_least', lo: '13000', hi: '14000' });
    expect(checkRecord(makeRecord({ counts: [a, b] })).some((r) => r.rule === 'count.restated')).toBe(false);
    const c = makeCount('166名', { subject: '党员', action: '发展' });
    expect(only(checkRecord(makeRecord({ counts: [a, b, c] })), 'count.restated').status).toBe('fail');
  });

  it('lets a 多 count agree with an exact one inside its range', () => {
    const a = makeCount('13000名', { subject: '党员', approx: 'at_least', lo: '13000', hi: '14000' });
    const b = makeCount('13500名', { subject: '党员' });
    expect(only(checkRecord(makeRecord({ counts: [a, b] })), 'count.restated').status).toBe('pass');
  });
});

describe('自评表 indicators', () => {
  /** A Chizhou-like form: 产出 50 + 效益 30 + 满意度 10, the 10-point 预算执行率 in the funds part. */
  function chizhouRows(scores: string[] = []) {
    const tiers: [string, string][] = [
      ['产出指标(50分)', '8'],
      ['产出指标(50分)', '8'],
      ['产出指标(50分)', '8'],
      ['产出指标(50分)', '8'],
      ['产出指标(50分)', '8'],
      ['产出指标(50分)', '10'],
      ['效益指标(30分)', '10'],
      ['效益指标(30分)', '10'],
      ['效益指标(30分)', '10'],
      ['满意度指标(10分)', '10'],
    ];
    return tiers.map(([level1, w], i) => makeIndicator(`指标${i + 1}`, w, scores[i] ?? w, { level1 }));
  }

  it('passes weights totalling 90 with the budget-execution row outside, and tier totals', () => {
    const results = checkRecord(makeRecord({ indicators: chizhouRows() }));
    const w = only(results, 'indicator.weights_total');
    expect(w.status).toBe('pass');
    expect(w.detail?.target).toBe('90');
    expect(results.filter((r) => r.rule === 'indicator.tier_total').map((r) => r.status)).toEqual(['pass', 'pass', 'pass']);
    expect(only(results, 'indicator.score_within_weight').status).toBe('pass');
  });

  it('fails a tier whose rows do not add up to its heading', () => {
    const rows = chizhouRows();
    rows[6] = makeIndicator('指标7', '12', '12', { level1: '效益指标(30分)' });
    const tiers = checkRecord(makeRecord({ indicators: rows })).filter((r) => r.rule === 'indicator.tier_total');
    expect(tiers.find((r) => r.detail?.tier === '效益指标(30分)')!.status).toBe('fail');
  });

  it('adds the budget-execution score when the scores sum short of the total', () => {
    const record = makeRecord({ indicators: chizhouRows(), selfScore: makeFigure('100分'), executionRate: makeFigure('100.00%') });
    const r = only(checkRecord(record), 'indicator.scores_total');
    expect(r.status).toBe('pass');
    expect(r.detail?.impliedBudgetExecutionScore).toBeDefined();
  });

  it('fails Σ 得分 ≠ 总分', () => {
    const record = makeRecord({ indicators: chizhouRows(), selfScore: makeFigure('95分') });
    const r = only(checkRecord(record), 'indicator.scores_total');
    expect(r.status).toBe('fail');
    expect(r.expected).toEqual({ lo: '90', hi: '90', loOpen: false, hiOpen: false });
    expect(r.actual).toEqual({ lo: '95', hi: '95', loOpen: false, hiOpen: false });
  });

  it('fails a score above its weight', () => {
    const rows = chizhouRows(['9']);
    const r = checkRecord(makeRecord({ indicators: rows })).find((x) => x.rule === 'indicator.score_within_weight')!;
    expect(r.status).toBe('fail');
    expect(r.detail?.indicator).toBe('指标1');
  });

  it('checks weights against a 合计 row', () => {
    const rows = [...chizhouRows(), makeIndicator('', '100', null, { level1: '合计' })];
    const r = only(checkRecord(makeRecord({ indicators: rows })), 'indicator.weights_total');
    expect(r.status).toBe('fail');
    expect(r.detail?.source).toBe('total_row');
    rows.unshift(makeIndicator('预算执行率', '10', '10'));
    expect(only(checkRecord(makeRecord({ indicators: rows })), 'indicator.weights_total').status).toBe('pass');
  });

  it('warns when weights fall short of 100 and fails above it', () => {
    const short = [makeIndicator('预算执行率', '10', '10'), makeIndicator('a', '50', '50')];
    expect(only(checkRecord(makeRecord({ indicators: short })), 'indicator.weights_total').status).toBe('warn');
    const over = [makeIndicator('预算执行率', '10', '10'), makeIndicator('a', '95', '95')];
    expect(only(checkRecord(makeRecord({ indicators: over })), 'indicator.weights_total').status).toBe('fail');
  });

  it('checks the budget-execution score = min(rate, 100%) × weight, warning on mismatch', () => {
    const row = (score: string) => makeIndicator('预算执行率', '10', score, { actual: '97.19%' });
    const ok = checkRecord(makeRecord({ indicators: [row('9.72')] }));
    const r = only(ok, 'indicator.budget_execution_score');
    expect(r.status).toBe('pass');
    expect(lo(r, 'expected')).toBeCloseTo(9.7185, 6);
    expect(hi(r, 'expected')).toBeCloseTo(9.7195, 6);
    expect(only(checkRecord(makeRecord({ indicators: [row('8')] })), 'indicator.budget_execution_score').status).toBe('warn');
    // capped at the weight when the rate is above 100%
    const capped = makeRecord({
      indicators: [makeIndicator('预算执行率', '10', '10')],
      executionRate: makeFigure('105.00%'),
    });
    expect(only(checkRecord(capped), 'indicator.budget_execution_score').status).toBe('pass');
  });

  it('does not take 政府采购执行率 for the budget-execution row', () => {
    const row = makeIndicator('政府采购执行率', '2', '2', { target: '100%', actual: '72.74%' });
    expect(checkRecord(makeRecord({ indicators: [row] })).some((r) => r.rule === 'indicator.budget_execution_score')).toBe(false);
  });

  it('accepts full points for a met target (预算完成率 76% against 70%)', () => {
    const row = (score: string) => makeIndicator('预算完成率', '2', score, { target: '70%', actual: '76%' });
    const r = only(checkRecord(makeRecord({ indicators: [row('2')] })), 'indicator.budget_execution_score');
    expect(r.status).toBe('pass');
    expect(r.detail?.rule).toBe('target');
    expect(r.expected).toEqual({ lo: '2', hi: '2', loOpen: false, hiOpen: false });
    // 60% against a 70% target: 2 × 60/70 ≈ 1.71, and 2 × 60% = 1.2; a stated 2 fits neither
    const short = makeIndicator('预算执行率', '2', '2', { target: '70%', actual: '60%' });
    expect(only(checkRecord(makeRecord({ indicators: [short] })), 'indicator.budget_execution_score').status).toBe('warn');
  });

  it('warns instead of failing Σ 得分 when the rows look incomplete', () => {
    const rows = [makeIndicator('a', '30', '30'), makeIndicator('b', '40', '40')];
    const r = only(checkRecord(makeRecord({ indicators: rows, selfScore: makeFigure('97.6分') })), 'indicator.scores_total');
    expect(r.status).toBe('warn');
    expect(r.detail?.rowsComplete).toBe(false);
  });

  it('derives the budget-execution score from 执行数/预算数 when the rate cell is blank (r57)', () => {
    const record = makeRecord({
      indicators: chizhouRows(),
      selfScore: makeFigure('100'),
      budget: makeFigure('880万元'),
      execution: makeFigure('880万元'),
    });
    const r = only(checkRecord(record), 'indicator.scores_total');
    expect(r.status).toBe('pass');
    expect(r.detail?.impliedBudgetExecutionWeight).toBe('10');
    record.figures.execution = makeFigure('440万元');
    expect(only(checkRecord(record), 'indicator.scores_total').status).toBe('fail');
  });

  it('warns on a full score while some indicator lost points', () => {
    const rows = chizhouRows(['6']);
    const r = only(checkRecord(makeRecord({ indicators: rows, selfScore: makeFigure('100分') })), 'plausibility.full_score_with_failures');
    expect(r.status).toBe('warn');
    expect(r.detail?.indicators).toEqual(['指标1']);
  });

  it('fails a self score outside 0–100 and the bonus points (加分项) above it', () => {
    expect(only(checkRecord(makeRecord({ selfScore: makeFigure('115分') })), 'self_score.range').status).toBe('fail');
    expect(only(checkRecord(makeRecord({ selfScore: makeFigure('105分') })), 'self_score.range').status).toBe('warn');
  });

  it('is not applicable when the scores are blank (r03)', () => {
    const rows = [makeIndicator('发放(缴纳)覆盖率', '60', null), makeIndicator('足额保障率', '30', null)];
    const record = makeRecord({ indicators: rows, selfScore: makeFigure('90分') });
    expect(checkRecord(record).some((r) => r.rule === 'indicator.scores_total')).toBe(false);
    rows[0] = makeIndicator('发放(缴纳)覆盖率', '60', '60');
    expect(only(checkRecord(record), 'indicator.scores_total').status).toBe('not_applicable');
  });
});

describe('counts: parts and whole', () => {
  const recordFor = (text: string) => makeRecord({ counts: seedCounts(text) });

  it('fails (possible) when the elsewhere whole differs (80 → 90)', () => {
    const text = seedText.replace('对80个参评单位', '对90个参评单位');
    const record = makeRecord({
      counts: seedCounts(seedText).map((c) => (c.text === '80个' ? makeCountIn(text, '90个', { subject: '参评单位', action: '监督' }) : c)),
    });
    const r = only(checkRecord(record, { text }), 'count.parts_whole');
    expect(r).toMatchObject({ status: 'fail', certainty: 'possible' });
    expect(r.expected).toEqual({ lo: '80', hi: '80', loOpen: false, hiOpen: false });
    expect(r.actual).toEqual({ lo: '90', hi: '90', loOpen: false, hiOpen: false });
  });

  it('fails a whole the sentence marks itself (共…其中…)', () => {
    const text = '本年度共90个单位参加评议，其中镇（街）10个和机关70个。';
    const counts = [
      makeCountIn(text, '90个', { subject: '单位' }),
      makeCountIn(text, '10个', { subject: '镇（街）' }),
      makeCountIn(text, '70个', { subject: '机关' }),
    ];
    const r = only(checkRecord(makeRecord({ counts }), { text }), 'count.parts_whole');
    expect(r.status).toBe('fail');
    expect(r.detail?.markedWhole).toBe(true);
    const good = text.replace('90个', '80个');
    const goodCounts = [makeCountIn(good, '80个', { subject: '单位' }), ...counts.slice(1)];
    expect(only(checkRecord(makeRecord({ counts: goodCounts }), { text: good }), 'count.parts_whole').status).toBe('pass');
  });

  it('ties bracketed parts to the whole before the bracket (实有人数63人(公务员50人、…), t705); a mismatch fails possible', () => {
    const text = '共有行政编制54人、机关后勤服务人员2人。2021年底实有人数63人(公务员50人、机关工勤2人、事业人员11人)。';
    const countsIn = (t: string, whole: string) => [
      makeCountIn(t, '54人', { subject: '行政编制' }),
      makeCountIn(t, '2人', { subject: '机关后勤服务人员', context: '服务人员2人' }),
      makeCountIn(t, whole, { subject: '实有人数' }),
      makeCountIn(t, '50人', { subject: '公务员' }),
      makeCountIn(t, '2人', { subject: '机关工勤', context: '机关工勤2人' }),
      makeCountIn(t, '11人', { subject: '事业人员' }),
    ];
    const partsWhole = (t: string, whole: string) => checkRecord(makeRecord({ counts: countsIn(t, whole) }), { text: t }).filter((r) => r.rule === 'count.parts_whole');
    const held = partsWhole(text, '63人');
    expect(held.map((r) => [r.status, r.evidence[0]!.evidence.quote])).toEqual([['pass', '63人']]);
    // 64 ≠ 63: a bracket may list only some groups, or overlapping ones: a possible fail, and the 编制 line's 54人 is not compared.
    const other = text.replace('63人', '64人');
    expect(partsWhole(other, '64人').map((r) => [r.status, r.certainty, r.evidence[0]!.evidence.quote])).toEqual([['fail', 'possible', '64人']]);
  });

  it('reports nothing without the text, or without a related whole', () => {
    expect(checkRecord(recordFor(seedText)).some((r) => r.rule === 'count.parts_whole')).toBe(false);
    const text = seedText.replace('对80个参评单位', '对85个参评单位');
    const counts = seedCounts(seedText).filter((c) => c.text !== '80个');
    expect(checkRecord(makeRecord({ counts }), { text }).some((r) => r.rule === 'count.parts_whole')).toBe(false);
  });

  it('does not list "4个作品、团队和个人分别获得省市比赛12个奖项" as parts', () => {
    const results = checkRecord(recordFor(seedText), { text: seedText });
    expect(results.filter((r) => r.rule === 'count.parts_whole')).toHaveLength(1);
  });
});

describe('year and plausibility', () => {
  it('warns when the body reports on another year than the record', () => {
    const record = seedRecord();
    record.report.fiscalYear = 2022;
    const r = only(checkRecord(record, { text: seedText }), 'year');
    expect(r.status).toBe('warn');
    expect(r.detail).toMatchObject({ fiscalYear: 2022, dominantYear: 2021 });
  });

  it('ignores dates of writing', () => {
    const text = '2021年度部门预算执行情况。2021年预算数100万元。报告日期：2022年3月1日，2022年3月2日，2022年3月3日。';
    const r = only(checkRecord(makeRecord({}, { fiscalYear: 2021 }), { text }), 'year');
    expect(r.status).toBe('pass');
  });

  it('warns when execution exceeds the budget and when a rate exceeds 100%', () => {
    const record = makeRecord({ budget: makeFigure('194.9万元'), execution: makeFigure('200.0万元'), executionRate: makeFigure('290%') });
    const results = checkRecord(record);
    expect(only(results, 'plausibility.execution_over_budget').status).toBe('warn');
    expect(only(results, 'plausibility.rate_over_100').status).toBe('warn');
    expect(only(results, 'execution_rate').status).toBe('fail');
    const statuses = results.map((r) => r.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => order(a) - order(b)));
  });
});

function order(s: CheckResult['status']): number {
  return { fail: 0, warn: 1, pass: 2, not_applicable: 3 }[s];
}
