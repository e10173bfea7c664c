/** The fund block of a 自评表 flattened into text (src/extract/flat-form.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { splitGluedCells, splitMixedCells } from '../../src/extract/flat-form.js';
import type { Figure, ReportRecord } from '../../src/schema/record.js';

async function recordOf(text: string): Promise<ReportRecord> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record;
}
const seen = (f: Figure | null | undefined) => (f ? [f.value, f.evidence.quote] : null);
const texts = (cuts: ReturnType<typeof splitGluedCells>) => cuts?.map((c) => c.text) ?? null;

describe('splitGluedCells', () => {
  const money3 = ['budget', 'execution', 'executionRate'] as const;
  it('reads 0% over nothing spent when no other rate holds', () => {
    // 1|0|200% and 10|20|0% hold no rate; 102|0|0% is nothing spent of 102.
    expect(texts(splitGluedCells('10200%', money3))).toEqual(['102', '0', '0%']);
    // A rate that holds still wins over a 0% reading.
    expect(texts(splitGluedCells('4646100%', money3))).toEqual(['46', '46', '100%']);
  });
  it('splits a run whose money cells share their decimals in one way only', () => {
    expect(texts(splitGluedCells('194.9194.9100%', money3))).toEqual(['194.9', '194.9', '100%']);
    expect(splitGluedCells('194.9194.9100%', money3)?.map((c) => c.start)).toEqual([0, 5, 10]);
    expect(texts(splitGluedCells('12.5012.50100%', money3))).toEqual(['12.50', '12.50', '100%']);
    // A changed cell still reads as printed: the rate does not choose the split.
    expect(texts(splitGluedCells('195.6194.9100%', money3))).toEqual(['195.6', '194.9', '100%']);
  });
  it('lets the printed rate pick among splits that fit equally (130|130|100% or 1301|30|100%)', () => {
    expect(texts(splitGluedCells('130130100%', money3))).toEqual(['130', '130', '100%']);
    // (40004000|10|0% and 400040001|0|0% hold too: a 0% rate holds for any small spending, so it yields)
    expect(texts(splitGluedCells('40004000100%', money3))).toEqual(['4000', '4000', '100%']);
    expect(texts(splitGluedCells('390390100%', money3))).toEqual(['390', '390', '100%']);
  });
  it('reads the split whose money cells are most alike when the rate holds for none, so the slip stays visible', () => {
    // 130|130 is 100%, 1301|30 is 2.31%: neither is the printed 77%; 130|130 is read and the rate check will fail.
    expect(texts(splitGluedCells('13013077%', money3))).toEqual(['130', '130', '77%']);
    // A mutated cell: 397|390 (98.2%) rather than 3973|90.
    expect(texts(splitGluedCells('397390100%', money3))).toEqual(['397', '390', '100%']);
    // A mutated rate: 390|390|107% rather than 3903|9010|7% (as alike, but the rate cell takes its digits).
    expect(texts(splitGluedCells('390390107%', money3))).toEqual(['390', '390', '107%']);
    // 1301|30 holds 2.31%: the rate picks it over the more alike 130|130.
    expect(texts(splitGluedCells('1301302.31%', money3))).toEqual(['1301', '30', '2.31%']);
  });
  it('gives no reading when no split fits', () => {
    expect(splitGluedCells('194.9194.9', money3)).toBeNull();
    expect(splitGluedCells('0194.9100%', money3)).toBeNull();
  });
  it('reads a lone 0% split as printed', () => {
    // 100|0|0% (0 spent): 10|00 and 1|000 are not well formed.
    expect(texts(splitGluedCells('10000%', money3))).toEqual(['100', '0', '0%']);
  });
});

describe('flattened fund block', () => {
  it('reads a header whose labels wrap inside a cell and cells that print their 万元 (t180)', async () => {
    const r = await recordOf(
      '部门整体支出绩效自评表\n年度预\n算申请\n(万元)\n年初\n预算数\n全年预算数\n全年\n执行数\n分值\n执行率\n得分\n年度资金总额\n4753.66万元\n4753.66万元\n3824.26万元\n10\n100%\n10\n按收入性质分:\n年度总体目标\n',
    );
    expect(seen(r.figures.budget)).toEqual([47536600, '4753.66万元']);
    expect(seen(r.figures.execution)).toEqual([38242600, '3824.26万元']);
    // The printed 100% against 3824.26 / 4753.66 = 80.45%: a published slip, now visible.
    expect(r.checks.find((c) => c.rule === 'form.execution_rate')).toMatchObject({ status: 'fail', certainty: 'definite' });
  });

  it.each([
    [
      'the 按收入性质分 rows of a 部门整体支出绩效自评表, one amount each (t153 shape)',
      '部门整体支出绩效自评表\n年度预算申请\n(万元\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n自评得分\n年度资金总额\n800.10\n900.50\n900.50\n10\n100%\n10\n按收入性质分:900.50\n按支出性质分:900.50\n其中:一般公共预算:600.30\n其中:基本支出:500.50\n政府性基金拨款:100.00\n项目支出:400.00\n纳入专户管理的非税收入拨款:\n其他资金:200.20\n年度总体目标\n',
      [['年度资金总额', '900.50'], ['一般公共预算', '600.30'], ['政府性基金拨款', '100.00'], ['其他资金', '200.20']],
    ],
    [
      'a level\'s fund row named 中央补助 under 其中 (t138 shape)',
      '项目支出绩效自评表\n项目资金\n(万元)\n\n全年预算数(A)全年执行数(B)预算执行率(B/A)\n年度资金总额:30003000100%\n 其中:中央补助30003000100%\n地方资金\n\n\n 其他资金\n\n\n总体目标完成情况\n',
      [['年度资金总额', '3000'], ['中央补助', '3000']],
    ],
  ])('reads %s', async (_name, text, sources) => {
    const r = await recordOf(text);
    expect(r.figures.fundSources.map((s) => [s.name, s.amount.text])).toEqual(sources);
  });

  it('reads the 按支出性质分 rows of a department form as its natures, never as fund sources', async () => {
    const t153 = '部门整体支出绩效自评表\n年度预算申请\n(万元\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n自评得分\n年度资金总额\n800.10\n900.50\n900.50\n10\n100%\n10\n按收入性质分:900.50\n按支出性质分:900.50\n其中:一般公共预算:600.30\n其中:基本支出:500.50\n政府性基金拨款:100.00\n项目支出:400.00\n纳入专户管理的非税收入拨款:\n其他资金:200.20\n年度总体目标\n';
    const r = await recordOf(t153);
    expect(r.figures.byNature.map((s) => [s.name, s.amount.text])).toEqual([['基本支出', '500.50'], ['项目支出', '400.00']]);
    expect(r.forms[0]!.fundRows.map((f) => f.name)).toEqual(['一般公共预算', '政府性基金拨款', '其他资金']);
    // Rows printed with the block's money columns and no 按支出性质分 (t541 shape) are neither natures nor fund rows:
    // the checks would add their budget column up against the execution first.
    const rows = await recordOf(
      '部门整体支出绩效自评表\n部门(单位)总体资金(万元) | 资金来源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 |\n年度资金总额: | 1172.55 | 1268.72 | 10 | 10 |\n基本支出 | 985.19 | 914.97 |\n项目支出 | 187.36 | 353.75 |\n年度总体目标\n',
    );
    expect(rows.figures.byNature).toEqual([]);
    expect(rows.forms[0]!.fundRows).toEqual([]);
  });

  it('reads a two-column block whose (万元) follows the rows, level fund rows and a bracketed 其他资金 (t028)', async () => {
    const r = await recordOf(
      '附件1 就业补助资金绩效目标自评表 (2022年度) 全年预算数(A) 全年执行数(B) 7165.32 6992.95 其中:中央财政资金 3144.00 3144.00 自治区财政资金 570.17 570.17 盟市财政资金 433.00 432.10 旗县财政资金 1426.90 1294.84 其他资金 (包括以前年度结转资 金) 1591.22 1551.84 年度资金总额 资金投入情况 (万元) 地方主管部门 某区财政局',
    );
    expect(seen(r.figures.budget)).toEqual([71653200, '7165.32']);
    expect(r.figures.fundSources.map((s) => [s.name, s.amount.text])).toEqual([
      ['年度资金总额', '7165.32'],
      ['中央财政资金', '3144.00'],
      ['自治区财政资金', '570.17'],
      ['盟市财政资金', '433.00'],
      ['旗县财政资金', '1426.90'],
      ['其他资金', '1591.22'],
    ]);
  });

  it('keeps a dash printed for an empty cell in its column (其中:本年财政拨款 99 99 99 - 100% -)', async () => {
    const r = await recordOf(
      '项目支出绩效自评表\n项目资金\n(万元)\n年初预算数\n全年预算数(A)\n全年执行数(B)\n分值\n执行率(B/A)\n得分\n年度资金总额:\n99\n99\n99\n10\n100%\n10\n其中:本年财政拨款\n99\n99\n99\n-\n100%\n-\n上年结转资金\n-\n其他资金\n-\n年度总体目标\n',
    );
    expect(r.figures.fundSources.map((s) => [s.name, s.amount.text])).toEqual([
      ['年度资金总额', '99'],
      ['本年财政拨款', '99'],
    ]);
  });

  it.each([
    [
      'at the start of a cell',
      '医疗救助补助资金转移支付项目绩效目标自评表 | |||\n资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||\n年度资金总额: | 3359.62万 | 3359.62万 | 100% | ||||\n其中:中央财政资金 | 829.3万 | 829.3万 | 100% | ||||\n地方资金 | 2530.32万 | 2530.32万 | 100% | ||||\n其他资金 | |||||||\n资金管理情况 | 情况说明 |\n',
      [['年度资金总额', 33596200], ['中央财政资金', 8293000], ['地方资金', 25303200]],
    ],
    [
      'glued right after the rate that ends the row before it (t406)',
      '宣城市转移支付区域(项目)绩效目标自评表(2023年度)资金投入情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A×100%)年度资金总额:1484631.00%其中:中央财政资金10200%地方资金4646100%其他资金资金管理情况情况说明\n',
      [['年度资金总额', 1480000], ['中央财政资金', 1020000], ['地方资金', 460000]],
    ],
  ])('reads a level\'s own fund row (地方资金) %s', async (_, text, sources) => {
    const r = await recordOf(text as string);
    expect(r.figures.fundSources.map((s) => [s.name, s.amount.value])).toEqual(sources);
  });

  it('reads 2030.12 under a money header as an amount, not a month (t153, 自评得分 column)', async () => {
    const r = await recordOf('部门整体支出绩效自评表\n年度预算申请\n(万元\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n自评得分\n年度资金总额\n861.10\n2030.12\n2030.12\n10\n100%\n10\n年度总体目标\n');
    expect(seen(r.figures.budget)).toEqual([20301200, '2030.12']);
    expect(seen(r.figures.execution)).toEqual([20301200, '2030.12']);
  });

  it('reads column names broken over lines and cells that print their unit', async () => {
    const r = await recordOf(
      '项目支出绩效自评表\n（2021年度）\n\n预算单位名称\n\n 某区林业局\n\n年度预\n\n算申请\n\n(万元)\n\n年初\n\n预算数\n\n全年预算数\n\n全年\n\n执行数\n\n分值\n\n执行率\n\n得分\n\n年度资金总额\n\n4753.66万元\n\n4753.66万元\n\n3824.26万元\n\n10\n\n80.45%\n\n10\n\n按收入性质分:\n\n',
    );
    const f = r.figures;
    expect(seen(f.budgetInitial)).toEqual([47536600, '4753.66万元']);
    expect(seen(f.budget)).toEqual([47536600, '4753.66万元']);
    expect(seen(f.execution)).toEqual([38242600, '3824.26万元']);
    expect(seen(f.executionRate)).toEqual([0.8045, '80.45%']);
    expect(f.budget!.evidence.start).toBeGreaterThan(f.budgetInitial!.evidence.start);
  });

  it('reads glued cells of the total and a 其中 row named by its source', async () => {
    const r = await recordOf(
      '专项资金名称县级储备粮主管部门某县商务局项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%其中:中央、省、市补助县级资金194.9194.9100%其他资金年度总体目标保持储备规模',
    );
    const f = r.figures;
    expect(seen(f.budget)).toEqual([1949000, '194.9']);
    expect(seen(f.execution)).toEqual([1949000, '194.9']);
    expect(seen(f.executionRate)).toEqual([1, '100%']);
    expect(f.execution!.evidence.start).toBeGreaterThan(f.budget!.evidence.start);
    expect(f.fundSources.map((s) => [s.name, s.amount.value])).toEqual([
      ['年度资金总额', 1949000],
      ['中央、省、市补助县级资金', 1949000],
    ]);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('reads glued whole amounts by the rate that holds for one split, up to the % that ends the header (t138, t164 shapes)', async () => {
    const r = await recordOf(
      '项目资金\n(万元)\n全年预算数(A)全年执行数(B)预算执行率(B/A)\n年度资金总额:40004000100%\n 其中:中央补助40004000100%\n地方资金\n总体目标完成情况',
    );
    expect(seen(r.figures.budget)).toEqual([40000000, '4000']);
    expect(seen(r.figures.execution)).toEqual([40000000, '4000']);
    expect(seen(r.figures.executionRate)).toEqual([1, '100%']);
    // A 得分 cell the garbled header did not name follows the rate: the header's cells end at the %.
    const s = await recordOf('预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A1得分(20分*执行率)年度财政 资金总额10001000100%20度效标 一级指标');
    expect(seen(s.figures.budget)).toEqual([10000000, '1000']);
    expect(seen(s.figures.executionRate)).toEqual([1, '100%']);
    // A rate that holds for no split: the most alike split (130|130) is read and the slip shows.
    const slip = await recordOf('项目资金\n(万元)\n全年预算数(A)全年执行数(B)预算执行率(B/A)\n年度资金总额:13013077%\n地方资金\n总体目标完成情况');
    expect(seen(slip.figures.budget)).toEqual([1300000, '130']);
    expect(slip.checks.find((c) => c.rule === 'form.execution_rate' || c.rule === 'execution_rate')).toMatchObject({ status: 'fail' });
  });

  it('reads a bare number in the 执行率 column as a percentage when the row fills every column', async () => {
    const r = await recordOf(
      '项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 130 130 130 10 100 10 其中:当年财政拨款 130 130 - 100 - 上年结转资金 - - 其他资金 年度总体目标',
    );
    const f = r.figures;
    expect(seen(f.executionRate)).toEqual([1, '100']);
    expect(f.executionRate).toMatchObject({ unit: '%', kind: 'percent', exact: '1', precision: 0 });
    expect(seen(f.execution)).toEqual([1300000, '130']);
    expect(r.checks.find((c) => c.rule === 'execution_rate')?.status).toBe('pass');
    // Spending over budget prints a rate over 100: it is read, and the rate check judges it.
    const over = await recordOf('项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 130 130 130 10 107 10 年度总体目标');
    expect(seen(over.figures.executionRate)).toEqual([1.07, '107']);
    expect(over.checks.find((c) => c.rule === 'execution_rate')?.status).toBe('fail');
  });

  it('reads a row whose 年初预算数 cell was left empty when its percent then lands under 执行率 and the rate holds (t072 shape)', async () => {
    const r = await recordOf('| 项目资金 (元) |\n| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |\n| — | 其他资金 | — |\n| 年度 总体 目标 |');
    expect(seen(r.figures.budget)).toEqual([387664.62, '387664.62']);
    expect(seen(r.figures.execution)).toEqual([387664.62, '387664.62']);
    expect(seen(r.figures.executionRate)).toEqual([1, '100%']);
    expect(r.figures.budgetInitial).toBeNull();
    // The rate is not asked to hold: 300 / 387664.62 against the printed 100% is read as printed, and the check fails.
    const s = await recordOf('| 项目资金 (元) |\n| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n| 387664.62 | 300 | 10 | 100% | 10 | 其中:当年财政 拨款 |\n| — | 其他资金 | — |\n| 年度 总体 目标 |');
    expect(seen(s.figures.execution)).toEqual([300, '300']);
    expect(s.checks.find((c) => c.rule === 'execution_rate')).toMatchObject({ status: 'fail' });
  });

  it('drops a row that lost a cell rather than shift a bare number into the 执行率 column', async () => {
    const r = await recordOf('项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 130 130 10 100 10 年度总体目标');
    expect(r.figures.executionRate).toBeNull();
    expect(r.figures.execution).toBeNull();
  });
});

describe('flattened forms in real layouts (fixtures/retyped sources)', () => {
  it('reads a header broken over lines (年初|预算数, 全年|执行数) and cells that carry 万元 (零陵, t180)', async () => {
    const r = await recordOf(
      ['部门整体支出绩效自评表', '一级预算单位名称', '零陵区林业局', '年度预', '算申请', '(万元)', '年初', '预算数', '全年预算数', '全年', '执行数', '分值', '执行率', '得分',
        '年度资金总额', '4753.66万元', '4753.66万元', '3824.26万元', '10', '100%', '10', '年度总体目标'].join('\n'),
    );
    const f = r.forms[0]!;
    expect([f.budgetInitial, f.budget, f.execution].map((x) => x?.value ?? null)).toEqual([47536600, 47536600, 38242600]);
    expect(seen(f.execution)).toEqual([38242600, '3824.26万元']);
    expect(f.executionRate?.value).toBe(1);
  });

  it('reads a money cell that looks like a year and month (2030.12) as money, in a 决算 attachment (衡山, t153)', async () => {
    const r = await recordOf(
      ['某乡2023年部门决算公开', '附件二', '2023年度部门整体支出绩效自评表', '预算部门、单位名称', '衡山县贯塘乡人民政府', '年度预算申请', '(万元', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '自评得分',
        '年度资金总额', '861.10', '2030.12', '2030.12', '10', '100%', '10', '年度总体目标'].join('\n'),
    );
    const f = r.forms.find((x) => x.formKind === 'department_overall')!;
    expect([f.budgetInitial, f.budget, f.execution].map((x) => x?.value ?? null)).toEqual([8611000, 20301200, 20301200]);
  });

  it('finds a form whose title a dump glued to the words before it, and ends each field at the next label (池州, t093)', async () => {
    const r = await recordOf(
      '15.00 9300 22370 0 0 False False False附件: 项目支出绩效自评表 (2022年度) 项目名称 村级补助及运转经费主管部门 219-池州市贵池区棠溪镇人民政府 实施单位 219001-池州市贵池区棠溪镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 202.64 132.912 132.912 上年结转资金 其他资金 年度总体目标',
    );
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0]!;
    expect([f.projectName, f.department]).toEqual(['村级补助及运转经费', '池州市贵池区棠溪镇人民政府']);
    // The 年度资金总额 row prints 0: the money is its only fund row's (as corpus r04 is read).
    expect([f.budget, f.execution].map((x) => x?.value ?? null)).toEqual([1329120, 1329120]);
  });
});

describe('a form as a PDF layout dump prints it (wrapped header cells and row labels)', () => {
  it('reads 全年预算/数 and 全年执行/数 wrapped onto the next line, the unit under the first cell and 年度资金总/额', async () => {
    const r = await recordOf(
      [
        '                   部门整体支出绩效自评表',
        '一级预算单位名称       零陵区林业局',
        '年度预算申          年初预算数      全年预算    全年执行    分值     执行率 得分',
        '请（万元）                     数       数',
        '       年度资金总 4753.66 万元 4753.66   3824.26 10     100% 10',
        '       额                  万元      万元',
        '年度总体目标 预期目标                        实际完成情况',
      ].join('\n'),
    );
    const f = r.forms[0]!;
    expect([f.budgetInitial, f.budget, f.execution, f.executionRate].map((x) => x?.value ?? null)).toEqual([47536600, 47536600, 38242600, 1]);
  });
});

describe('splitGluedCells with a rate cut off', () => {
  it('reads the split a cut-off rate holds for when none holds it rounded (t408\'s row with 49% for 154.74 ÷ 310.2 = 49.88%)', () => {
    const columns = ['budgetInitial', 'execution', 'weight', 'executionRate', 'score'] as const;
    expect(splitGluedCells('310.2154.741049%4.9', columns)?.map((c) => c.text)).toEqual(['310.2', '154.74', '10', '49%', '4.9']);
    // Neither rounded nor cut off does 48% hold: the shared-decimals reading stands.
    expect(splitGluedCells('310.2154.741048%4.8', columns)?.map((c) => c.text)).toEqual(['310.21', '54.74', '10', '48%', '4.8']);
  });
});

describe('splitMixedCells', () => {
  const columns = ['budget', 'execution', 'executionRate'] as const;
  const cells = (t: string) => splitMixedCells(t, columns)?.map((c) => [c.text, c.start]) ?? null;

  it('reads a cell that prints its unit as one column and splits the glued run after it (t225: 50万元 | 47.68 | 95.00%)', () => {
    // 47.6|895.00% and 47.689|5.00% fit as well; the rate holds for none, 95.00% is nearest 47.68 ÷ 50.
    expect(cells('50万元47.6895.00%')).toEqual([['50万元', 0], ['47.68', 4], ['95.00%', 9]]);
    // The split the rate holds for.
    expect(cells('50万元47.5095.00%')).toEqual([['50万元', 0], ['47.50', 4], ['95.00%', 9]]);
    // The split whose money shares the unit cell's decimals.
    expect(cells('50.00万元47.6895.00%')?.map((c) => c[0])).toEqual(['50.00万元', '47.68', '95.00%']);
  });

  it('asks the rate of bare cells read in the block\'s unit, not in 元 (50万元 beside 47.68 is not 500000 beside 47.68)', () => {
    // In 元 the bare 60.505 over 120万元 is 0.005%, which a printed 0% holds: the slip reading won.
    const mixed = (t: string, unit: string) => splitMixedCells(t, columns, unit)?.map((c) => c.text) ?? null;
    expect(mixed('120万元60.5050%', '万元')).toEqual(['120万元', '60.50', '50%']);
    expect(mixed('100万元100.5100%', '万元')).toEqual(['100万元', '100.5', '100%']);
    expect(mixed('10万元110%', '万元')).toEqual(['10万元', '1', '10%']);
  });

  it('gives no reading to rows glued throughout, told apart everywhere, or with two glued runs', () => {
    expect(cells('5047.6895.00%')).toBeNull();
    expect(cells('50万元47.68万元95.00%')).toBeNull();
    expect(splitMixedCells('50万元4750100%20万元1010', ['budgetInitial', 'budget', 'execution', 'executionRate', 'weight', 'score'])).toBeNull();
  });

  it('reads the row in a flattened fund block', async () => {
    const r = await recordOf('项目支出绩效自评表\n项目名称 福彩APP系统改版升级\n项目资金 (万元)全年预算数全年执行数执行率\n年度资金总额50万元47.6895.00%\n其中:中央财政补助50万元47.6895.00%\n总体目标完成情况\n');
    expect(seen(r.figures.execution)).toEqual([476800, '47.68']);
    expect(seen(r.figures.executionRate)).toEqual([0.95, '95.00%']);
  });
});

describe('findFormTotalScore', () => {
  it('takes no score from a score table\'s header: the number after 自评得分 is the next row\'s 序号', async () => {
    const r = await recordOf('2023年度部门整体支出绩效评价自评表\n序号|一级指标|二级指标|三级指标|指标分值|指标解释|指标说明及评分标准|自评得分|1 |规划(15分) |基础信息(3分) |基础信息完整性| 3 |部门预算基础信息是否完整。|基础数据信息是否真实(1分)。|3 |\n');
    expect(r.figures.selfScore).toBeNull();
  });
  it('still reads a 总分 row after the indicator rows', async () => {
    const r = await recordOf('项目支出绩效自评表\n一级指标|二级指标|三级指标|分值|得分|\n产出指标|数量指标|完成数量|50|48|\n效益指标|社会效益|群众满意|50|47|\n总分|100|95|\n');
    expect(seen(r.figures.selfScore)).toEqual([95, '95']);
  });
  it('takes the 得分 after the 100 each tier\'s 分值 column prints in the 总分 row (t811), and 100 when it is the score', async () => {
    const table = (total: string) => `项目绩效评价报告\n二、绩效评价指标评分 一级指标 分值 二级指标 分值 三级指标 分值 得分 项目决策 20 项目目标 4 目标内容 4 4 项目效益 80 社会效益 80 群众满意 80 74 ${total} 评价等次 中\n`;
    expect(seen((await recordOf(table('总分 100 100 100 78'))).figures.selfScore)).toEqual([78, '78']);
    expect(seen((await recordOf(table('总分 100 100 100 100'))).figures.selfScore)).toEqual([100, '100']);
  });
  it('takes no score from a bare 总分 over a lone 100 (the full marks, its 得分 cell lost: t305), but a lone 96, or 100 under 自评总分', async () => {
    const table = (total: string) => `项目支出绩效自评表\n一级指标 二级指标 三级指标 年初目标值 实际完成值 分值 得分 产出指标 数量指标 补贴渔船数 6 6 20 效益指标 满意度指标 服务对象满意度 90% 90% 40 ${total}偏差大或目标未完成原因分析无\n`;
    expect((await recordOf(table('总分100'))).figures.selfScore).toBeNull();
    expect((await recordOf(table('总分 100 '))).figures.selfScore).toBeNull();
    expect(seen((await recordOf(table('总分96'))).figures.selfScore)).toEqual([96, '96']);
    expect(seen((await recordOf(table('自评总分100'))).figures.selfScore)).toEqual([100, '100']);
    expect(seen((await recordOf(table('总分100100'))).figures.selfScore)).toEqual([100, '100']);
  });
});

describe('a form row whose 预算数 reads 0 under money spent at a printed rate', () => {
  const form = (header: string, row: string) =>
    `某县项目支出绩效自评表 (2021年度) 项目名称 农村饮水安全维护 主管部门 某县水利局 实施单位 某县水务站 项目资金 (万元) ${header} 年度资金总额 ${row} 其中:当年财政拨款 上年结转资金 其他资金 年度总体目标 一级指标`;
  it('abstains on the budget: no rate is computed over nothing, the cells stand under other columns (t311)', async () => {
    const r = await recordOf(form('全年预算数 全年执行数 分值 执行率 得分', '0 58.2 10 100% 10'));
    expect(r.figures.budget).toBeNull();
    expect(seen(r.figures.execution)).toEqual([582000, '58.2']);
  });
  it('keeps a 0 under 年初预算数 beside a filled 全年预算数', async () => {
    const r = await recordOf(form('年初预算数 全年预算数 全年执行数 分值 执行率 得分', '0 58.2 58.2 10 100% 10'));
    expect(seen(r.figures.budget)).toEqual([582000, '58.2']);
    expect(seen(r.figures.budgetInitial)).toEqual([0, '0']);
  });
});

describe('glued cells of a flattened form (a dump that drops the cells\' spaces)', () => {
  const form = (total: string) =>
    `项目支出绩效自评表(2020年度)\n项目名称 演出设备更新专项经费 主管部门 某区文化和旅游局 实施单位 某区剧团\n项目资金(万元)年初预算数全年预算数全年执行分值执行率得分年度资金总额303010100%其中:当年财政拨款303030100%上年结转资金其他资金年度总体目标预期目标 更新剧团设备\n绩效指标 一级指标 二级指标 三级指标 分值 得分 产出指标 数量指标 更新设备 50 48 满意度指标 演员满意度 50 48 ${total}项目名称 青年演员培训经费`;
  it('reads a fund row\'s glued run as its money and rate cells: the row prints no 分值 or 得分', async () => {
    const r = await recordOf(form('总分10096'));
    expect(seen(r.figures.budget)).toEqual([300000, '30']);
    expect(seen(r.figures.execution)).toEqual([300000, '30']);
    expect(r.figures.executionRate?.value).toBe(1);
  });
  it('reads a fund row whose cell breaks its rate as printed (303033100% is 30|30|33|100%, not 3030|3|3|100%)', async () => {
    const r = await recordOf(form('总分10096').replace('当年财政拨款303030100%', '当年财政拨款303033100%'));
    expect(seen(r.figures.budget)).toEqual([300000, '30']);
    expect(seen(r.figures.execution)).toEqual([330000, '33']);
    expect(r.checks.some((c) => c.rule === 'execution_rate' && c.status === 'fail')).toBe(true);
  });
  it('reads the 分值 100 and the 得分 glued after 总分', async () => {
    expect(seen((await recordOf(form('总分10096'))).figures.selfScore)).toEqual([96, '96']);
    expect(seen((await recordOf(form('总分100100'))).figures.selfScore)).toEqual([100, '100']);
  });
});

describe('flattened forms whose column names stand on one line and the values on the next (issue 15)', () => {
  it('skips the notes after column names ((A), (B/A)) and reads a 年初预算数-only form\'s budget from that column (t409)', async () => {
    const r = await recordOf(
      [
        '区级部门预算项目支出绩效自评表',
        '( 2019 年度)',
        '主管部门(盖章):                                       单位:万元',
        '项目名称 商品和服务支出 主管部门 某区文化和旅游局',
        '项目实施单位 某区文化馆 项目负责人 田某 联系电话 88894492',
        '年度总体目标 年初设定目标 年度总体目标完成情况综述',
        '某区文化馆免费开放 用于全年免费开放,主要支付招聘合同人员工资,确保全年正常免费开放。',
        '项目预算',
        '执行情况',
        '(10分)',
        '  年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 得分计算方法',
        '年度资金总额 45 45 10 100% 10 执行率*该指标分值,最高不得超过分值上限。',
        '其中:财政拨款 45 45 - - -',
        '      其他资金     - - -',
        '一级指标 二级指标 三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分',
      ].join('\n'),
    );
    const f = r.forms[0]!;
    expect([f.budgetInitial, f.budget, f.execution].map((x) => seen(x))).toEqual([[450000, '45'], [450000, '45'], [450000, '45']]);
    expect(seen(f.executionRate)).toEqual([1, '100%']);
    expect([f.budgetExecutionWeight?.value, f.budgetExecutionScore?.value]).toEqual([10, 10]);
    expect(f.fundRows.map((x) => [x.name, x.budget?.value, x.execution?.value])).toEqual([['财政拨款', 450000, 450000]]);
    // "主管部门(盖章):" over the form is a stamp line; the field is printed again below it.
    expect(f.department).toBe('某区文化和旅游局');
    // Two fields on one line: the value ends at the next field's label.
    expect(f.implementer).toBe('某区文化馆');
    expect(seen(r.figures.budget)).toEqual([450000, '45']);
  });

  it('splits glued cells whose money dropped a trailing zero when exactly one such split holds the rate (t408: 310.2|154.74|10|50%|5)', () => {
    const columns = ['budgetInitial', 'execution', 'weight', 'executionRate', 'score'] as const;
    // 310.21|54.74 shares its decimals but holds 17.6%, not 50%; 310.2|154.74 holds 49.88% ≈ 50%.
    expect(texts(splitGluedCells('310.2154.741050%5', columns))).toEqual(['310.2', '154.74', '10', '50%', '5']);
    // No split of any decimals holds the printed rate: the shared-decimals reading stands, its slip visible.
    expect(texts(splitGluedCells('310.2154.741090%9', columns))).toEqual(['310.21', '54.74', '10', '90%', '9']);
  });

  it('reads the glued row in a form (t408)', async () => {
    const r = await recordOf(
      '项目支出绩效自评表(2016年度)\n项目名称某道路清扫保洁外包工作经费主管部门及代码某区人民政府某街道办事处实施单位:某街道城市运行服务中心项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算方法年度资金总额:310.2154.741050%5执行率*该指标分值,最高不得超过分值上限。其中:本年一般公共预算拨款 310.2154.74   其他资金     年度总体目标通过规范工作\n',
    );
    const f = r.forms[0]!;
    expect([seen(f.budgetInitial), seen(f.budget), seen(f.execution), seen(f.executionRate)]).toEqual([[3102000, '310.2'], [3102000, '310.2'], [1547400, '154.74'], [0.5, '50%']]);
    expect(f.department).toBe('某区人民政府某街道办事处');
  });

  it('matches a row that printed its 执行率 elsewhere to the columns by kind, and abstains when cells could stand in several columns (t160)', async () => {
    const page = (first: string, second: string) =>
      `某中心2022年度项目自评价.pdf\n财政项目支出绩效自评表 (2022 年度) 某场馆与委托运营方结 算费用 项目名称 主管部门 某区体育局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 ${first} — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 某区体育 事业管理中心 实施单位 其中:当年财政拨款 预期目标 年度 总体 目标 86.19% 实际完成情况 已完成结算。 一级指标 二级指标 数量指标 总分 -1- 偏差原因分析及 改进措施 财政项目支出绩效自评表 (2022 年度) 项目名称 援滇经费 主管部门 某区体育局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 ${second} 其中:当年财政拨款 0 0 — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 某区体育 事业管理中心 实施单位 9,034 预期目标 年度 总体 目标 10 45.17% 实际完成情况 已完成。 总分 -2-`;
    const r = await recordOf(page('250000.00 250000.00 215,457.6 10 8.62 250000.00 250000.00 215457.6', '20000.00 20000.00 4.52'));
    expect(r.forms).toHaveLength(2);
    const [a, b] = r.forms;
    // 8.62 as a rate does not hold for 215,457.6 ÷ 250000.00: it is the 得分 after the 分值 10.
    expect([seen(a!.budgetInitial), seen(a!.budget), seen(a!.execution)]).toEqual([[250000, '250000.00'], [250000, '250000.00'], [215457.6, '215,457.6']]);
    expect([a!.budgetExecutionWeight?.value, a!.budgetExecutionScore?.value]).toEqual([10, 8.62]);
    // The 执行率 set apart after the block, the one computed percent before the indicator table, is the
    // row's: 10 × 86.19% gives its 得分 8.62. Its own arithmetic fails: 215,457.6 ÷ 250000.00 = 86.183%.
    expect(seen(a!.executionRate)).toEqual([0.8619, '86.19%']);
    expect(r.checks.filter((c) => c.rule === 'form.execution_rate' && c.status === 'fail').map((c) => c.evidence[0]!.text)).toEqual(['86.19%']);
    expect(a!.implementer).toBeNull();
    // The 当年财政拨款 row's cells ran on after the total, its label printed elsewhere: no fund rows to add up.
    expect(a!.fundRows).toEqual([]);
    expect(r.checks.filter((c) => c.rule === 'form.fund_rows' && c.status === 'fail')).toEqual([]);
    // 4.52 may stand under 全年执行数, 分值 or 得分: no reading.
    expect([b!.budget, b!.execution]).toEqual([null, null]);
  });

  it('places a rate set apart from its row only when it is the one computed percent there and the row\'s 得分 follows from it (t160)', async () => {
    const form = (tail: string) =>
      `财政项目支出绩效自评表 (2022 年度) 某场馆运营费用 项目名称 主管部门 某区体育局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 250000.00 250000.00 215,457.6 10 8.62 250000.00 250000.00 215457.6 — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 实施单位 其中:当年财政拨款 预期目标 年度 总体 目标 ${tail} 一级指标 二级指标 数量指标 总分`;
    const rateOf = async (tail: string) => (await recordOf(form(tail))).forms[0]?.executionRate?.text ?? null;
    expect(await rateOf('86.18% 实际完成情况 已完成结算。')).toBe('86.18%');
    // a round target is no computed cell; two percents, or one the 得分 does not follow from, are not placed
    expect(await rateOf('结算完成率100% 实际完成情况 已完成结算。')).toBeNull();
    expect(await rateOf('86.18% 实际完成情况 完成率99.50%。')).toBeNull();
    expect(await rateOf('96.18% 实际完成情况 已完成结算。')).toBeNull();
  });

  it('ends the header at a unit note: 年度预算数（万元） over 年初预算 | 调整后预算数 is the block\'s label, not a column (r03)', async () => {
    const r = await recordOf('项目支出绩效自评表\n项目名称 工资性支出\n预算执行情况(10分) |\n年度预算数(万元) |\n年初预算 |\n调整后预算数 |\n预算执行数 |\n预算执行率 |\n权重 |\n得分 |\n原因 |\n总额 |\n238.93 |\n251.89 |\n251.89 |\n100.00% |\n10 |\n|\n年度总体目标\n');
    const f = r.forms[0]!;
    expect([f.budgetInitial?.value, f.budget?.value, f.execution?.value]).toEqual([2389300, 2518900, 2518900]);
  });

  it('reads a total row without its 执行率 cell when its points fit one way only (880 880 880 10 10)', async () => {
    const r = await recordOf('项目支出绩效自评表\n项目名称 防汛经费\n项目资金(万元)\n    年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分\n    年度资金总额: 880 880 880 10 10\n     其中:本年财政拨款 880 880 880 - -\n    年度总体目标完成情况\n');
    const f = r.forms[0]!;
    expect([f.budget?.value, f.execution?.value, f.executionRate]).toEqual([8800000, 8800000, null]);
    expect([f.budgetExecutionWeight?.value, f.budgetExecutionScore?.value]).toEqual([10, 10]);
  });
});
