/**
 * Money figures from running text: each rule with a small synthetic text, and the sentences it must
 * leave alone (a wrong figure is worse than a missing one).
 */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import type { Figure, ReportRecord } from '../../src/schema/record.js';

async function figuresOf(text: string): Promise<ReportRecord['figures']> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record.figures;
}

/** The figure's value and the text its evidence quotes. */
const seen = (f: Figure | null | undefined) => (f ? [f.value, f.evidence.quote] : null);
const funds = (f: ReportRecord['figures']) => f.fundSources.map((s) => [s.name, s.amount.value, s.amount.evidence.quote]);

describe('budget and execution labels', () => {
  it('reads 转移支付预算数 as a budget, not a payment', async () => {
    const f = await figuresOf('预算执行情况（万元）\n转移支付预算数(A) 5.8万 预算执行率(B/A) 100%\n转移支付执行数(B) 5.8万\n');
    expect(seen(f.budget)).toEqual([58000, '5.8万']);
    expect(f.execution?.evidence.start).toBeGreaterThan(f.budget!.evidence.start);
    expect(f.executionRate?.value).toBe(1);
  });

  it('reads "安排的…资金合计" as the budget and 资金支付率 as the execution rate', async () => {
    const f = await figuresOf('纳入本次绩效自评资金为2023年度安排的省级交通专项资金合计7505万元。市收到补助资金合计7505万元，已支出2171.13万元，资金支付率28.93%。');
    expect(seen(f.budget)).toEqual([75050000, '7505万元']);
    expect(seen(f.execution)).toEqual([21711300, '2171.13万元']);
    expect(seen(f.executionRate)).toEqual([0.2893, '28.93%']);
  });

  it('reads the amount of projects just counted by the words before the count', async () => {
    const f = await figuresOf('年初批复预算8个项目985万元（含1个年初结转结余项目50万元），调整预算后项目预算861.46万元，年中增加8个项目。');
    expect(seen(f.budgetInitial)).toEqual([9850000, '985万元']);
    expect(seen(f.budget)).toEqual([8614600, '861.46万元']);
  });

  it('reads the form field 计划安排资金（万元） as the budget, but not a plan in prose', async () => {
    const f = await figuresOf('项目起止时间 |\n2020年1月至2020年12月止|||计划安排资金 (万元) |700 |实际到位资金 (万元) |');
    expect(seen(f.budget)).toEqual([7000000, '700']);
    // one cell per line: the value's label is the line above
    const lines = await figuresOf('项目起止时间 |\n2020年1月至2020年12月 |\n计划安排资金 (万元) |\n700 |\n结余 (万元) |\n0 |\n');
    expect(seen(lines.budget)).toEqual([7000000, '700']);
    expect((await figuresOf('下一步，2024年计划安排资金500万元用于水库维修。')).budget).toBeNull();
  });

  it('reads a form\'s 实际使用情况（万元） field as what was spent', async () => {
    const f = await figuresOf('项目类型经常性项目(√)一次性项目()计划投资额(万元)110.00实际到位资金(万元)84.74实际使用情况(万元)84.74其中:中央财政');
    expect(seen(f.budget)).toEqual([1100000, '110.00']);
    expect(seen(f.execution)).toEqual([847400, '84.74']);
  });

  it('reads 发放资金 as what was spent', async () => {
    const f = await figuresOf('县财政局已将补贴资金通过“一卡通”全部发放到农户手中，发放资金960万元。');
    expect(seen(f.execution)).toEqual([9600000, '960万元']);
  });
});

describe('transfers (下达)', () => {
  it('takes a single transfer as the budget even when the label lost its 达 ("共下达")', async () => {
    const f = await figuresOf('（一）某县水务局2022年衔接资金共下达105万元，用于实施蔬菜园产业项目。');
    expect(seen(f.budget)).toEqual([1050000, '105万元']);
  });

  it('takes a transfer followed by its 其中 as the whole, and a transfer named by a level of government as a fund source', async () => {
    const f = await figuresOf(
      '2023年上级财政下达我区耕地地力保护补贴资金9765万元，其中：计税耕地面积10万亩，补贴标准89.34元/亩。\n2023年中央财政耕地地力保护补贴资金（某财农〔2023〕4号）下达资金8887万元。',
    );
    expect(seen(f.budget)).toEqual([97650000, '9765万元']);
    expect(funds(f)).toEqual([['中央财政耕地地力保护补贴资金', 88870000, '8887万元']]);
  });

  it('lets a labelled budget win over a narrative whole', async () => {
    const f = await figuresOf('2023年上级下达补助资金300万元，其中：中央资金200万元，省级资金100万元。\n全年预算数320万元，执行数310万元。');
    expect(seen(f.budget)).toEqual([3200000, '320万元']);
    expect(f.fundSources.map((s) => s.amount.value)).toEqual([2000000, 1000000]);
  });

  it('reads a single transfer named by its paying level as the whole, not a source', async () => {
    const f = await figuresOf('2021年度中央财政农业相关转移支付资金下达我县动物防疫专项补助经费725.63万元，用于强制免疫。');
    expect(f.fundSources).toEqual([]);
  });

  it('reads transfers from several paying levels as the sources', async () => {
    const f = await figuresOf('2023年省级下达资金804万元，用于项目建设；市县下达资金2040.56万元，用于配套。');
    expect(funds(f).map(([name, value]) => [name, value])).toEqual([['省级下达资金', 8040000], ['市县下达资金', 20405600]]);
  });

  it('reads a transfer the unit received from a paying level among the sources', async () => {
    const f = await figuresOf('2021年我局共收到中央下达困难群众救助补助资金9056万元。\n省级下达资金804万元，用于城乡低保。');
    expect(funds(f).map(([, value]) => value)).toEqual([90560000, 8040000]);
  });

  it('never reads a form row\'s 行次 as a fund amount', async () => {
    const f = await figuresOf(
      '资金投入情况\n(万元)\n\n行次 全年预算数\n(A)\n全年执行资金\n(E)\n预算执行\n(E/C×100%)\n佐证材料\n列次 0 1 2 3 所需材料 上传端口\n年度资金总额(万元): 1 52.800000\n52.800000 30.800000 58.33%\n其中:中央财政资金(万元) 2 52.800000\n52.800000 30.800000 58.33% 预算下达文件\n',
    );
    expect(f.fundSources.map((s) => s.amount.text)).not.toContain('2');
    // An empty row prints only its 行次 after its label's unit.
    const g = await figuresOf(
      '资金投入情况\n(万元)\n\n行次 全年预算数\n(A)\n全年执行资金\n(E)\n年度资金总额(万元): 1 52.800000\n52.800000 30.800000\n其中:中央财政资金(万元) 2 52.800000\n52.800000 30.800000\n地方财政资金(万元) 3\n\n\n\n其他资金(万元,自有资金、社会资本等) 4\n\n\n资金管理情况\n',
    );
    expect(g.fundSources.map((s) => s.amount.text)).not.toContain('3');
    expect(g.fundSources.map((s) => s.amount.text)).not.toContain('4');
  });

  it('lists a fund only as a part: after 其中 (items may end with "；") or in brackets after an amount', async () => {
    const f = await figuresOf('某项目2023年度绩效自评报告\n2023年度收入合计6567.06万元，较上年减少710.50万元。其中：财政拨款收入6567.06万元，占100.00%；事业收入0.00万元，占0.00%；其他收入0.00万元，占0.00%。');
    expect(funds(f).map(([name, value]) => [name, value])).toEqual([['财政拨款收入', 65670600], ['事业收入', 0], ['其他收入', 0]]);
    const g = await figuresOf('我县及时将基本公共卫生服务项目预拨资金3608万元(中央资金2855万元、省级资金753万元)分配到各项目实施机构。');
    expect(funds(g).map(([, value]) => value)).toEqual([28550000, 7530000]);
    const h = await figuresOf('中央核定我省粮食风险基金规模为36121.00万元(不含粮食直补)，其中：中央补助15150.00万元，地方自筹20971.00万元。');
    expect(funds(h).map(([, value]) => value)).toEqual([151500000, 209710000]);
  });

  it('reads the one source an amount comes from ("X万元，全部为县级配套资金"), the amount still the budget', async () => {
    const f = await figuresOf('2023年度我校教育专项工作经费项目财政资金总额16.20万元，全部为县级配套资金，拨付使用16.20万元，预算执行率100%。');
    expect(funds(f)).toEqual([['县级配套资金', 162000, '16.20万元']]);
    expect(seen(f.budget)).toEqual([162000, '16.20万元']);
    // Two amounts each from one source are two wholes: neither is listed.
    const g = await figuresOf('甲项目资金16.20万元，全部为县级配套资金。乙项目资金20万元，全部为市级资金。');
    expect(g.fundSources).toEqual([]);
  });

  it('lists no fund named on its own, stated as a total, or part of an estimate', async () => {
    for (const text of [
      '市级统筹中央财政资金1000万元用于项目建设。',
      '2021年度我局食品监管资金上年结转结余资金2万元，用于检测。',
      '2024年部门预算财政安排公共财政拨款资金共157.71万元，实际支出157.71万元。',
      '项目建设预计总投资7450万元，其中中央财政资金6000万元，县(市、区)财政配套资金1450万元。',
    ])
      expect((await figuresOf(text)).fundSources).toEqual([]);
  });

  it('reads the parts named by paying level after a total of funds and its 其中', async () => {
    const f = await figuresOf('纳入绩效评价的资金共43485.32万元，其中：中央资金10401.21万元，地方资金33084.11万元。');
    expect(funds(f).map(([, value]) => value)).toEqual([104012100, 330841100]);
  });

  it('reads the sources of a budget stated with its 其中, own funds included', async () => {
    const f = await figuresOf('项目总投资39.2696万元，其中：中央财政衔接资金39万元，自筹资金2696元。');
    expect(funds(f)).toEqual([
      ['中央财政衔接资金', 390000, '39万元'],
      ['自筹资金', 2696, '2696元'],
    ]);
  });

  it('lists no parts of an estimate, nor one level\'s fund twice under two names', async () => {
    expect((await figuresOf('项目建设预计总投资7450万元，其中中央财政资金6000万元，县(市、区)财政配套资金1450万元。')).fundSources.map((s) => s.rule)).not.toContain('named.fund.part_after_whole');
    const f = await figuresOf('项目总投资1807万元，其中中央财政水污染防治专项资金850万元。\n污水处理厂项目，其中中央资金850万元，地方自筹957万元。');
    expect(funds(f).map(([, value]) => value)).toEqual([8500000, 9570000]);
  });

  it('records on each named amount the rule that found it', async () => {
    const f = await figuresOf('2023年上级下达补助资金300万元，其中：中央资金200万元，省级资金100万元。\n全年预算数320万元，执行数310万元。');
    expect(f.fundSources.map((s) => s.rule)).toEqual(['named.fund.part_after_whole', 'named.fund.part_after_whole']);
  });

  it('leaves the budget null when several transfers are parts of an unstated total', async () => {
    const f = await figuresOf('2023年下达第一批补助资金30万元，下达第二批补助资金20万元，用于残疾人康复。');
    expect(f.budget).toBeNull();
    expect(f.fundSources).toEqual([]);
  });
});

describe('a whole and its 其中 parts', () => {
  it('reads the parts listed in the next sentence ("X万。其中，央省…") or in brackets', async () => {
    const f = await figuresOf('2023年，用于巩固拓展脱贫攻坚成果任务安排资金19204.096万。其中，央省14059.11万元、市级1299万元、县级3845.986万元，资金已全部到位。');
    expect(funds(f).map(([, value]) => value)).toEqual([140591100, 12990000, 38459860]);
    const g = await figuresOf('2022年度项目预算合计为423.38万元（其中：自治区169.35万元，市级254.03万元）。');
    expect(funds(g).map(([, value]) => value)).toEqual([1693500, 2540300]);
    // A stop with no 其中 after it closes the whole: the next sentence's amounts are not its parts.
    const h = await figuresOf('2022年度项目预算合计为423.38万元。市级254.03万元用于设备购置。');
    expect(h.fundSources).toEqual([]);
  });

  it('reads parts printed with 万 alone and parts whose level has a bracketed qualifier', async () => {
    const f = await figuresOf('共筹集城乡医疗救助补助资金1384.06万元，其中：中央财政医疗救助补助资金663万，省级财政医疗救助补助资金65万，旗县(区)本级医疗救助补助资金656.06万元。');
    expect(funds(f)).toEqual([
      ['中央财政医疗救助补助资金', 6630000, '663万'],
      ['省级财政医疗救助补助资金', 650000, '65万'],
      ['旗县(区)本级医疗救助补助资金', 6560600, '656.06万元'],
    ]);
  });

  it('reads the transfer of a level (中央级资金转移支付) as a fund source, as its 资金 is', async () => {
    const f = await figuresOf('2023年度下达上级资金转移支付755.19万元。其中:中央级资金转移支付124.23万元,省级资金转移支付370.83万元,市级资金260.3万元,资金共分为10个项目。');
    expect(funds(f)).toEqual([
      ['中央级资金转移支付', 1242300, '124.23万元'],
      ['省级资金转移支付', 3708300, '370.83万元'],
      ['市级资金', 2603000, '260.3万元'],
    ]);
  });

  it('reads "按…安排，共计X，其中上级资金…，本级…" as the budget with its fund sources', async () => {
    const f = await figuresOf('我校2022年按生均800元安排，共计120万元，其中上级资金90万元，本级30万元，项目绩效目标是保证学校正常运转。');
    expect(seen(f.budget)).toEqual([1200000, '120万元']);
    expect(funds(f)).toEqual([
      ['上级资金', 900000, '90万元'],
      ['本级', 300000, '30万元'],
    ]);
  });

  it('needs the 其中: an arranged total alone, and parts that are not sources, stay unassigned', async () => {
    expect((await figuresOf('我校按生均800元安排，共计120万元，主要用于办公费。')).budget).toBeNull();
    const f = await figuresOf('我校按生均800元安排，共计120万元，其中设备购置90万元，维修30万元。');
    expect(seen(f.budget)).toEqual([1200000, '120万元']);
    expect(f.fundSources).toEqual([]);
  });

  it('reads level-named parts after "收到财政资金共X，其中：" and stops at the next statement', async () => {
    const f = await figuresOf('2023年收到财政资金共200万元，其中：中央资金120万元，地方资金50万元，其他资金30万元2023年支出190万元，其中中央资金110万元。');
    expect(seen(f.budget)).toEqual([2000000, '200万元']);
    expect(funds(f)).toEqual([
      ['中央资金', 1200000, '120万元'],
      ['地方资金', 500000, '50万元'],
      ['其他资金', 300000, '30万元'],
    ]);
    expect(seen(f.execution)).toEqual([1900000, '190万元']);
  });

  const incomeParagraph = '本单位2021年收入500万元。其中：财政拨款收入400万元，占80%；事业收入60万元；其他收入40万元。';

  it("reads a self-evaluation's income by source (财政拨款收入, 事业收入, 其他收入) as its fund sources", async () => {
    const f = await figuresOf(`某局2021年度部门整体支出绩效自评报告\n${incomeParagraph}`);
    expect(funds(f)).toEqual([
      ['财政拨款收入', 4000000, '400万元'],
      ['事业收入', 600000, '60万元'],
      ['其他收入', 400000, '40万元'],
    ]);
  });

  it("lists no fund sources from a 决算's income paragraph (kind unknown: the unit's income by type, t061, t316, r28)", async () => {
    expect((await figuresOf(`某局2021年度部门决算\n${incomeParagraph}`)).fundSources).toEqual([]);
    expect((await figuresOf('2022年度收入合计562.21万元,较上年决算数减少70.62万元。\n其中:财政拨款收入560.44万元,占99.7%;事业收入1.77万元,占0.3%。')).fundSources).toEqual([]);
    // A fund that is no income is still listed from a document of kind unknown.
    const g = await figuresOf('我县及时将基本公共卫生服务项目预拨资金3608万元(中央资金2855万元、省级资金753万元)分配到各项目实施机构。');
    expect(funds(g).map(([, value]) => value)).toEqual([28550000, 7530000]);
  });
});

describe('parts received after a whole and its 其中', () => {
  const text = (part: string) =>
    `纳入本次绩效自评资金为2023年度安排的省级交通专项资金合计7505万元。\n市收到省补助资金合计7505万元，已支出2171.13万元，资金支付率28.93%。${part}\n收到普通国省道建设（普通国省道改造11.94公里、国省道桥涵标维护5座）补助资金2666万元，已支出39万元，资金支付率1.46%。`;

  it('reads each part received as a sub-project with its spending and rate', async () => {
    const f = await figuresOf(text('其中：'));
    expect(f.projects.map((p) => [p.name, p.budget?.value, p.execution?.value, p.executionRate?.value])).toEqual([['普通国省道建设', 26660000, 390000, 0.0146]]);
    expect(f.projects[0]!.budget?.evidence.quote).toBe('2666万元');
    expect(seen(f.execution)).toEqual([21711300, '2171.13万元']);
  });

  it('needs the 其中: without it, a later receipt is no part', async () => {
    expect((await figuresOf(text(''))).projects).toEqual([]);
  });
});

describe('projects listed after their count and whole', () => {
  const projects = (f: ReportRecord['figures']) => f.projects.map((p) => [p.name, p.budget?.value ?? null, p.execution?.value ?? null]);

  it('reads each listed project\'s amount when they add up to the whole', async () => {
    const f = await figuresOf('2021年批复我局项目3个，项目资金1270万元。分别为：重金属污染防治专项资金1000万元，资金直接拨付至市财政局；排污许可证核发经费40万元；大气污染联防联治专项资金230万元。\n1.项目背景');
    expect(projects(f)).toEqual([
      ['重金属污染防治专项资金', 10000000, null],
      ['排污许可证核发经费', 400000, null],
      ['大气污染联防联治专项资金', 2300000, null],
    ]);
  });

  it('takes a listed project\'s spending from the paragraph its name opens', async () => {
    const f = await figuresOf('2020年市财政共计下达单位市级项目资金60万元，涉及2个项目，分别为：青少年管理事务工作经费30万元；团代会费用30万元。\n1.青少年管理事务工作经费。该项目财政拨入资金30万元，截止2020年12月31日，支出资金28万元。\n2.团代会费用。该项目财政拨入资金30万元，支出资金30万元。');
    expect(projects(f)).toEqual([
      ['青少年管理事务工作经费', 300000, 280000],
      ['团代会费用', 300000, 300000],
    ]);
  });

  it('keeps none when the listed amounts do not add up to the whole', async () => {
    const f = await figuresOf('2021年批复我局项目3个，项目资金1300万元。分别为：重金属污染防治专项资金1000万元；排污许可证核发经费40万元；大气污染联防联治专项资金230万元。');
    expect(f.projects).toEqual([]);
  });
});

describe('pathological text', () => {
  // Found by fuzzing: label regexes with ambiguous alternations (共计 | 共 | 计) under + backtracked
  // exponentially on a long run of 共计 that does not end the label: one report took minutes.
  it.each([
    ['a run of 共计 before an amount', `${'计共'.repeat(40)}金0整，预算数100万元。`],
    ['a run of 共计 after a label word', `预算${'共计'.repeat(60)}：执行数${'共计'.repeat(60)}5万元。`],
    ['filler words before an amount', `年度执行数${'共计达'.repeat(50)}元整 8万元。`],
  ])('analyzes %s at once', { timeout: 20_000 }, async (_name, text) => {
    // Before the fix these took minutes to hours; the test's timeout is the guard.
    const f = await figuresOf(text);
    expect(f.counts.every((c) => Number.isFinite(c.value))).toBe(true);
  });
});
