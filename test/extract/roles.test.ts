/**
 * Headline roles from candidates: the shapes that phrase rules missed on unseen reports, the
 * engine's abstentions, the rate as tie-breaker only, and figures recorded as printed.
 */
import { describe, expect, it } from 'vitest';
import { FEATURES, FEATURE_IDS } from '../../src/extract/roles/features.js';
import { NAMED_RULES, ROLES } from '../../src/extract/roles/rules.js';
import { decision, recordOf, seen } from './roles/record-of.js';

describe('shapes missed on unseen reports', () => {
  it('reads "项目资金共 X，截止…已完成拨付 Y，执行率 Z"', async () => {
    const r = await recordOf('本项目资金共50万元，截止2022年12月31日，已完成拨付45万元，执行率90%。');
    expect(seen(r.figures.budget)).toEqual([500000, '50万元']);
    expect(seen(r.figures.execution)).toEqual([450000, '45万元']);
    expect(seen(r.figures.executionRate)).toEqual([0.9, '90%']);
  });

  it('reads a grant whose next clause states the spending after the date it was counted to ("，截止12月底已支出…")', async () => {
    for (const text of [
      '市财政局下拨我局农村道路维护专项资金120万元，截止12月底已支出108万元，支出率90%。',
      '市财政局下拨我局农村道路维护专项资金1200000元，截至2022年12月31日，累计拨付1080000元，执行率90%。',
    ]) {
      const r = await recordOf(text);
      expect(r.figures.budget?.value, text).toBe(1200000);
      expect(r.figures.execution?.value, text).toBe(1080000);
    }
  });

  it('reads 计划投入资金 as a project budget, as 计划投资', async () => {
    const r = await recordOf('该项目计划投入资金120万元，实际投入108万元。');
    expect(seen(r.figures.budget)).toEqual([1200000, '120万元']);
  });

  it('reads 计划投资 as a project budget', async () => {
    const r = await recordOf('该项目计划投资120万元，主要用于道路硬化。');
    expect(seen(r.figures.budget)).toEqual([1200000, '120万元']);
    expect(decision(r, 'budget').candidates[0]!.features.map((f) => f.id)).toContain('budget.label.计划投资');
  });

  it('prefers the adjusted (全年/调整后) budget over another budget the text explains', async () => {
    const r = await recordOf('2024年部门年初预算1022.89万元，年中调整预算为1781.86万元，全年执行数1767.21万元。主要原因：市财政将原拨款至专户的部分预留总预算资金346.87万元统一计入收入。');
    expect(seen(r.figures.budget)).toEqual([17818600, '1781.86万元']);
    expect(decision(r, 'budget').candidates[0]!.features.map((f) => f.id)).toContain('budget.label.全年调整后');
  });

  it('reads the budget a sentence says its budget was adjusted to ("调整预算后为", "预算调整为", "年中调整为"), not the 年初 one', async () => {
    for (const words of ['调整预算后为', '预算调整为', '年中调整为']) {
      const r = await recordOf(`年初预算300万元，${words}320万元，实际支出200万元，预算执行率为62.5%。`);
      expect(seen(r.figures.budget)).toEqual([3200000, '320万元']);
      expect(r.checks.find((c) => c.rule === 'execution_rate')?.status).toBe('pass');
    }
    // a rate adjusted where no budget is spoken of is no budget
    const standard = await recordOf('补助标准由每人200元调整为300元，全年发放补助资金50万元。');
    expect(seen(standard.figures.budget)?.[1]).not.toBe('300元');
  });

  it('prefers the total spent (总支出/支出总额) over a part spent on one purpose', async () => {
    const r = await recordOf('2024年本级体育彩票公益金总收入221万元，2024年体育彩票公益金总支出221万元。\n（一）本级体育彩票公益金用于全民健身支出198万元，占总数的89.59%。');
    expect(seen(r.figures.execution)).toEqual([2210000, '221万元']);
    expect(decision(r, 'execution').candidates[0]!.features.map((f) => f.id)).toContain('execution.label.总支出');
  });

  it('reads 项目资金 X as the budget of the projects just counted', async () => {
    const r = await recordOf('2021年批复我局项目9个，项目资金1950万元。分别为：重金属污染防治专项资金1000万元；排污许可证核发经费40万元。');
    expect(seen(r.figures.budget)).toEqual([19500000, '1950万元']);
  });

  it('reads the year-start budget listed under 其中 of the adjusted one, not a class\'s', async () => {
    const r = await recordOf('2022年预算收入69.06万元，其中年初预算57.28万元，调整追加11.78万元。');
    expect(seen(r.figures.budgetInitial)).toEqual([572800, '57.28万元']);
    const s = await recordOf('全年预算数100万元，其中：基本支出年初预算60万元。');
    expect(s.figures.budgetInitial).toBeNull();
  });

  it('reads a single 下达…资金 as the budget', async () => {
    const r = await recordOf('2022年，上级下达我局农村公路养护资金80万元，用于县乡道养护。');
    expect(seen(r.figures.budget)).toEqual([800000, '80万元']);
  });

  it.each([
    ['on the next line', '单位：万元\n年初预算数 全年预算数 全年执行数 执行率\n100 120 110 91.67%\n'],
    ['glued to the names, units in brackets', '预算执行情况（万元）\n年初预算数全年预算数(A)全年执行数(B)执行率(B/A)100 120 110 91.67%\n'],
  ])('reads a flattened 基础数据表 with its column names %s', async (_name, table) => {
    const r = await recordOf(`部门整体支出绩效评价基础数据表\n${table}`);
    expect(seen(r.figures.budgetInitial)).toEqual([1000000, '100']);
    expect(seen(r.figures.budget)).toEqual([1200000, '120']);
    expect(seen(r.figures.execution)).toEqual([1100000, '110']);
    expect(seen(r.figures.executionRate)).toEqual([0.9167, '91.67%']);
  });

  it('needs as many values as column names under a flattened header', async () => {
    const r = await recordOf('单位：万元\n年初预算数 全年预算数 全年执行数 执行率\n100 120\n');
    // (the flattened-form reader in flat-form.ts is another matter: only the roles engine is tested here)
    for (const role of ['budget', 'budgetInitial', 'execution'] as const) expect(decision(r, role).chosen).toBeNull();
  });
});

describe('what a figure is not', () => {
  it('never reads income as execution', async () => {
    const r = await recordOf('本年收入合计500万元，本年到位资金500万元。');
    expect(r.figures.execution).toBeNull();
    expect(decision(r, 'execution').chosen).toBeNull();
  });

  it('leaves a plan in the next steps unassigned', async () => {
    const r = await recordOf('下一步，拟申请资金200万元用于设备更新。');
    expect(r.figures.budget).toBeNull();
    expect((await recordOf('下一步，计划投资500万元建设农村公路。')).figures.budget).toBeNull();
    expect((await recordOf('明年将安排资金300万元。')).figures.budget).toBeNull();
  });
});

describe('the engine decides, abstains, and lets the rate break ties only', () => {
  it('abstains when two different budgets are stated equally well', async () => {
    const r = await recordOf('一是预算数100万元。二是预算数120万元。');
    expect(r.figures.budget).toBeNull();
    expect(decision(r, 'budget')).toMatchObject({ reason: 'abstained_tie', chosen: null });
    expect(decision(r, 'budget').candidates.map((c) => c.figure.value)).toEqual([1000000, 1200000]);
  });

  it('lets the printed rate pick the pair it holds for when budgets tie', async () => {
    const r = await recordOf('年初预算数100万元。项目调整后，预算数120万元，执行数110万元，执行率91.67%。');
    // 年初预算数 is the initial budget, so this is no tie
    expect(seen(r.figures.budgetInitial)).toEqual([1000000, '100万元']);
    const tied = await recordOf('一是预算数100万元。二是预算数120万元，执行数110万元，执行率91.67%。');
    expect(seen(tied.figures.budget)).toEqual([1200000, '120万元']);
    const d = decision(tied, 'budget');
    expect(d.reason).toBe('tie_broken_by_rate');
    expect(d.candidates[d.chosen!]!.features.map((f) => f.id)).toContain('any.arithmetic.rate_holds');
  });

  it('lets a rate cut off rather than rounded pick the pair when no pair holds it rounded (r61: 28.92% for 28.929%)', async () => {
    // 2171.13 ÷ 7505.00 = 28.929…%: rounded 28.93%, cut off 28.92%; 2171.13 ÷ 7000.00 = 31.02% fits neither.
    const tied = await recordOf('一是预算数7000.00万元。二是预算数7505.00万元，执行数2171.13万元，执行率28.92%。');
    expect(seen(tied.figures.budget)).toEqual([75050000, '7505.00万元']);
    expect(decision(tied, 'budget').reason).toBe('tie_broken_by_rate');
    expect(tied.checks.filter((c) => c.status !== 'pass' && c.rule.includes('rate')).map((c) => [c.rule, c.status])).toEqual([['rate.truncated', 'warn']]);
    // A rate that fits no pair either way still breaks no tie.
    expect((await recordOf('一是预算数7000.00万元。二是预算数7505.00万元，执行数2171.13万元，执行率27.5%。')).figures.budget).toBeNull();
  });

  it('never replaces a clear winner whose arithmetic fails: the slip stays for the checks', async () => {
    const r = await recordOf('全年预算数100万元，执行数90万元，执行率95%。');
    expect(seen(r.figures.budget)).toEqual([1000000, '100万元']);
    expect(seen(r.figures.execution)).toEqual([900000, '90万元']);
    expect(decision(r, 'budget').reason).toBe('clear');
  });

  it('records for every role its ranked candidates with the features that scored them', async () => {
    const r = await recordOf('全年预算数100万元，执行数90万元。');
    expect(r.roles.map((d) => d.role).sort()).toEqual(ROLES.map((x) => x.id).sort());
    const b = decision(r, 'budget');
    expect(b.chosen).toBe(0);
    expect(b.candidates[0]!.features).toContainEqual({ id: 'budget.label.预算', weight: 8 });
    expect(b.candidates[0]!.score).toBe(b.candidates[0]!.features.reduce((s, f) => s + f.weight, 0));
  });

  it('gives every feature a unique id', () => {
    expect(new Set(FEATURE_IDS).size).toBe(FEATURE_IDS.length);
    expect(FEATURES.every((f) => f.roles.length > 0 && Number.isFinite(f.weight))).toBe(true);
  });

  it('gives every named-amount rule a unique id apart from the features', () => {
    const ids = NAMED_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => FEATURE_IDS.includes(id))).toEqual([]);
  });
});

describe('figures as printed (plausibility is a check, not a filter)', () => {
  it('keeps a self score above 100', async () => {
    expect(seen((await recordOf('本部门自评得分191.28分。')).figures.selfScore)).toEqual([191.28, '191.28分']);
  });

  it('keeps a rate of 1000% and a negative amount', async () => {
    const r = await recordOf('全年预算数10万元，执行数100万元，执行率1000%。');
    expect(seen(r.figures.executionRate)).toEqual([10, '1000%']);
    const n = await recordOf('全年预算数10万元，执行数-5万元。');
    expect(seen(n.figures.execution)).toEqual([-50000, '-5万元']);
  });
});

describe('a form printed one cell per line', () => {
  it('reads the total row under its column names, each cell its own value', async () => {
    const form = ['项目资金', '(万元)', '年初预算数', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分', '年度资金总额:', '99', '99', '99', '10', '100%', '10', '其中:本年财政拨款'];
    const r = await recordOf(`项目支出绩效自评表\n\n${form.join('\n\n')}\n`);
    expect(seen(r.figures.budgetInitial)).toEqual([990000, '99']);
    expect(seen(r.figures.budget)).toEqual([990000, '99']);
    expect(seen(r.figures.execution)).toEqual([990000, '99']);
    expect(seen(r.figures.executionRate)).toEqual([1, '100%']);
  });
});

describe('numbers that only look like a role', () => {
  it('reads 部门整体支出总额预算数 as a budget, not a spending', async () => {
    const r = await recordOf('部门整体支出总额预算数88,799,814.14元。');
    expect(seen(r.figures.budget)).toEqual([88799814.14, '88,799,814.14元']);
    expect(r.figures.execution).toBeNull();
  });

  it('takes the report score, not the indicators\' scores', async () => {
    const r = await recordOf('因此评价分100分，自评等级为优秀。\n1.免疫密度，年初目标值≥90%，实际完成值≥90%，自评得分20分；\n2.抗体合格率，年初目标值≥70%，实际完成值≥70%，自评得分20分；\n');
    expect(seen(r.figures.selfScore)).toEqual([100, '100分']);
  });

  it('takes no amount that explains another in brackets as the budget', async () => {
    const r = await recordOf('专项资金800万元(财政预算740万元,年底追加60万元),主要用于环境整治。');
    // The bracket's 740 explains the 800; the 800 it explains by its budget is the whole budget (budget.whole.括号预算).
    expect(seen(r.figures.budget)).toEqual([8000000, '800万元']);
    const parts = await recordOf('专项资金800万元(中央资金740万元,县级资金60万元),主要用于环境整治。');
    expect(parts.figures.budget).toBeNull();
  });

  it('takes no 行次 for an amount', async () => {
    const r = await recordOf('资金投入情况\n(万元)\n行次 全年预算数\n年度资金总额(万元): 1 52.800000\n52.800000 100.00%\n');
    expect(decision(r, 'budget').chosen).toBeNull();
  });
});

describe('findColumnValues', () => {
  it('takes the unit from a bracket that lost its closing half ("(万元")', async () => {
    const { findColumnValues } = await import('../../src/extract/locate.js');
    const cols = findColumnValues('年度预算申请\n(万元\n年初预算数\n全年预算数\n全年执行数\n执行率\n861.10\n2100.5\n2050.25\n97.6%\n按收入性质分');
    expect([...cols.values()]).toEqual([
      { name: '年初预算数', unit: '万元' },
      { name: '全年预算数', unit: '万元' },
      { name: '全年执行数', unit: '万元' },
      { name: '执行率', unit: '万元' },
    ]);
  });

  it('reads "执行率 得分" as two columns, and "执行率得分" or spaced glyphs as one', async () => {
    const { findColumnValues } = await import('../../src/extract/locate.js');
    const names = (t: string) => [...findColumnValues(t).values()].map((c) => c.name);
    expect(names('项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额: 100 100 90 10 90% 9\n')).toEqual([
      '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分',
    ]);
    expect(names('全年预算数 全年执行数 执行率得分\n100 90 9\n')).toEqual(['全年预算数', '全年执行数', '执行率得分']);
    expect(names('年 初 预 算 数 全 年 预 算 数\n100 120\n')).toEqual(['年初预算数', '全年预算数']);
  });
});
