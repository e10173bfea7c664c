/** Features of src/extract/roles/features.ts, each on the shape it was written for and on one it must not take. */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../../src/analyze.js';
import { fundOfProjectField, fundOfTitle } from '../../../src/extract/roles/candidates.js';
import { decision, recordOf, seen } from './record-of.js';

const firedOn = (r: Awaited<ReturnType<typeof recordOf>>, role: string) => decision(r, role).candidates.flatMap((c) => c.features.map((f) => f.id));
/** The role is left empty, and `feature` fired on a candidate for it: the text is read and turned down, not missed. */
async function expectTurnedDown(text: string, role: 'selfScore' | 'executionRate', feature: string) {
  const r = await recordOf(text);
  expect(r.figures[role]).toBeNull();
  expect(firedOn(r, role)).toContain(feature);
}

describe('budget.whole.其中年初预算', () => {
  it('reads a whole whose parts open with the year-start budget as the budget, whatever its clause calls it', async () => {
    const r = await recordOf('2022年预算收入69.06万元，其中年初预算57.28万元，调整追加11.78万元。2022年支出76.36万元。');
    expect(seen(r.figures.budget)).toEqual([690600, '69.06万元']);
    expect(seen(r.figures.budgetInitial)).toEqual([572800, '57.28万元']);
    expect(seen(r.figures.execution)).toEqual([763600, '76.36万元']);
  });
  it('does not fire on parts that open with something else', async () => {
    const r = await recordOf('2022年收入69.06万元，其中财政拨款57.28万元。');
    expect(r.figures.budget).toBeNull();
    expect(firedOn(r, 'budget')).not.toContain('budget.whole.其中年初预算');
  });
});

describe('execution.label.已拨付资金', () => {
  it('reads a fund already paid out, named after the verb, as the execution', async () => {
    const r = await recordOf('项目总投资1807万元。按照工程进度已拨付中央财政水污染防治资金680万元，专项资金执行率为80%。');
    expect(seen(r.figures.execution)).toEqual([6800000, '680万元']);
    expect(decision(r, 'execution').candidates[0]!.features.map((f) => f.id)).toContain('execution.label.已拨付资金');
  });
  it('takes no transfer a higher level paid (no 已/实际 before the verb) as spending', async () => {
    const r = await recordOf('中央财政拨付宁国市政策性特色险奖补资金7.34万元，中央未下达绩效目标。');
    expect(r.figures.execution).toBeNull();
  });
});

describe('execution.label.完成预算', () => {
  it('reads 支出预算 joined as the expenditure budget, never as money spent (t354)', async () => {
    const r = await recordOf('2024年收入预算23,264.53万元，支出预算23,264.53万元，其中：基本支出14,741.53万元。总支出决算数为35,837.94万元。');
    expect(firedOn(r, 'execution')).not.toContain('execution.label.完成预算');
    expect(seen(r.figures.execution)).toEqual([358379400, '35,837.94万元']);
  });
  it('still reads a budget spent ("支出预算资金" with the verb apart, "完成预算资金")', async () => {
    const r = await recordOf('本年度完成预算资金89.97万元。');
    expect(firedOn(r, 'execution')).toContain('execution.label.完成预算');
  });
});

describe('budget.label.标题资金', () => {
  const read = async (text: string) => (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record;

  it('finds the fund of a document\'s one 项目名称 field, and none when it names several projects', () => {
    expect(fundOfProjectField('项目名称:2018年度少数民族工作专项经费\n项目单位: 某局')).toBe('2018年度少数民族工作专项经费');
    expect(fundOfProjectField('项目名称 义务教育营养改善计划专项资金 主管部门 某局 项目名称 村级补助及运转经费 主管部门')).toBe('');
    expect(fundOfProjectField('项目名称:道路硬化工程')).toBe('');
  });

  it('finds the fund a title is about', () => {
    expect(fundOfTitle('2021年中央动物防疫等补助经费项目支出绩效自评报告')).toBe('2021年中央动物防疫等补助经费');
    expect(fundOfTitle('谢家集区2024年度转移支付财政衔接推进乡村振兴补助资金绩效评价自评报告')).toBe('谢家集区2024年度转移支付财政衔接推进乡村振兴补助资金');
    expect(fundOfTitle('2022年度部门整体支出绩效自评报告')).toBe('');
    expect(fundOfTitle(null)).toBe('');
  });

  it('reads the amount of a clause that names the title\'s fund as the budget', async () => {
    const r = await read('2021年中央动物防疫等补助经费项目支出绩效自评报告\n一、自评结论\n通过项目的实施，重大动物群体免疫密度达90%以上。在全乡范围内实施2021年中央动物防疫等补助经费9.55万元。\n');
    expect(seen(r.figures.budget)).toEqual([95500, '9.55万元']);
    expect(decision(r, 'budget').candidates[0]!.features.map((f) => f.id)).toContain('budget.label.标题资金');
  });

  it('needs six characters of the fund\'s name, not a shared 补助资金, and no part word', async () => {
    const other = await read('2021年中央动物防疫等补助经费项目支出绩效自评报告\n一、自评结论\n在全乡范围内发放养殖户补助经费9.55万元。\n');
    expect(other.figures.budget).toBeNull();
    const part = await read('2021年中央动物防疫等补助经费项目支出绩效自评报告\n一、自评结论\n项目总投资30万元，其中中央动物防疫等补助经费9.55万元。\n');
    expect(part.figures.budget?.value).not.toBe(95500);
  });
});

describe('budget.whole.括号预算', () => {
  it('reads a fund whose bracket explains it by its budget as the whole budget, not the bracket\'s budget', async () => {
    const r = await recordOf('一、专项资金概况\n环境整治行动资金800万元(财政预算740万元,年底追加家庭清洁行动村资金60万元)，主要用于以奖促治。');
    expect(seen(r.figures.budget)).toEqual([8000000, '800万元']);
  });
  it('does not fire on a bracket that explains something else', async () => {
    const r = await recordOf('一、专项资金概况\n环境整治行动资金800万元(中央资金740万元,县级资金60万元)，主要用于以奖促治。');
    expect(firedOn(r, 'budget')).not.toContain('budget.whole.括号预算');
  });
});

describe('money.plan_word', () => {
  it('takes no plan from a name that only looks like one (计划生育)', async () => {
    const r = await recordOf('2024年度计划生育转移支付资金预算安排情况：计划生育转移支付资金预算总额1084.25万元。');
    expect(seen(r.figures.budget)).toEqual([10842500, '1084.25万元']);
    const plan = await recordOf('下一年度计划安排资金预算总额1084.25万元。');
    expect(plan.figures.budget).toBeNull();
  });
  it('reads what a self-evaluation says was planned (计划安排) as budgeted, and a request or next year\'s plan as no budget', async () => {
    const r = await recordOf('2023年新化县学校建设项目计划安排资金共计7,747.00万元，涉及6所学校的建设。');
    expect(seen(r.figures.budget)).toEqual([77470000, '7,747.00万元']);
    expect((await recordOf('2023年申请资金7,747.00万元，涉及6所学校的建设。')).figures.budget).toBeNull();
    expect((await recordOf('明年计划安排资金7,747.00万元，涉及6所学校的建设。')).figures.budget).toBeNull();
  });
});

describe('budget.label.预算支出', () => {
  it('reads the spending budgeted as the budget and the spending made as the execution', async () => {
    const r = await recordOf('年初下达预算支出910.47万元，年底决算支出1060.30万元，实际支出比预算增加149.83万元。');
    expect(seen(r.figures.budget)).toEqual([9104700, '910.47万元']);
    expect(seen(r.figures.execution)).toEqual([10603000, '1060.30万元']);
  });
  it('reads 一般公共预算支出 as spending from that account, not a budget', async () => {
    const r = await recordOf('2022年一般公共预算支出1035.83万元。');
    expect(r.figures.budget).toBeNull();
    expect(firedOn(r, 'budget')).not.toContain('budget.label.预算支出');
  });
});

describe('selfScore.list.分别', () => {
  it('takes none of the scores a sentence lists item by item as the report\'s', async () => {
    await expectTurnedDown('2021年我县城镇保障性安居工程财政资金绩效自评得分分别为：租赁住房保障90分，老旧小区改造93分，城市棚户区改造100分。', 'selfScore', 'selfScore.list.分别');
  });
  it('does not fire on 分别 that lists something else before the one score', async () => {
    const r = await recordOf('对照转移支付绩效自评表，分别对2024年度绩效目标完成情况、绩效情况分析等方面进行了自我评价，自评得分100分。');
    expect(seen(r.figures.selfScore)).toEqual([100, '100分']);
  });
});

describe('budgetInitial.before_addition and budget.label.追加', () => {
  it('reads a budget followed by its addition as the year-start budget, and the addition as no budget', async () => {
    const r = await recordOf('年初结余19.8万元；\n预算1922.76万元，本年追加预算767.86万元；\n年末结余数19.8万元。');
    expect(seen(r.figures.budgetInitial)).toEqual([19227600, '1922.76万元']);
    expect(r.figures.budget).toBeNull();
    expect(firedOn(r, 'budget')).toContain('budget.label.追加');
  });
  it('reads it inside the bracket that explains the whole', async () => {
    const r = await recordOf('一、专项资金概况\n环境整治行动资金800万元(财政预算740万元,年底追加家庭清洁行动村资金60万元)，主要用于以奖促治。');
    expect(seen(r.figures.budget)).toEqual([8000000, '800万元']);
    expect(seen(r.figures.budgetInitial)).toEqual([7400000, '740万元']);
  });
  it('does not fire on a budget followed by something else', async () => {
    const r = await recordOf('项目预算1922.76万元，本年支出1900万元。');
    expect(seen(r.figures.budget)).toEqual([19227600, '1922.76万元']);
    expect(r.figures.budgetInitial).toBeNull();
  });
});

describe('any.listed_part', () => {
  const text = '2019年度城镇保障性安居工程中央和省级财政资金用于公租房保障和棚户区改造共计128.79亿元,其中,中央财政专项资金49.24亿元,中央预算内基建投资65.50亿元,省级财政安排补助资金14.05亿元。';
  it('never takes a later item of a 其中 list for the budget, although its name says 安排 (t553)', async () => {
    const r = await recordOf(text);
    expect(r.figures.budget?.value).not.toBe(1405000000);
    const part = decision(r, 'budget').candidates.find((c) => c.figure.text === '14.05亿元');
    expect(part?.features.map((f) => f.id)).toContain('any.listed_part');
  });
  it('leaves an execution stated after the list alone', async () => {
    const r = await recordOf('下达资金100万元，其中中央资金60万元、省级资金40万元，实际支出95万元。');
    expect(seen(r.figures.execution)).toEqual([950000, '95万元']);
    expect(firedOn(r, 'execution')).not.toContain('any.listed_part');
  });
});

describe('budgetInitial.named_part', () => {
  it('takes no part\'s 年初预算 for the report\'s (t828: a court\'s 8 projects, then 其中，法院执行年初预算数6万元)', async () => {
    const r = await recordOf('2018年度支出5560.46万元。我院2018年共有8个支出项目，所有项目皆按照年初预算执行。其中，法院执行年初预算数6万元，年末结算支出6万元，项目资金支出进度比率为100%。');
    expect(r.figures.budgetInitial).toBeNull();
    expect(firedOn(r, 'budgetInitial')).toContain('budgetInitial.named_part');
  });
  it('leaves the whole\'s 其中年初预算 and the year\'s own alone', async () => {
    const r = await recordOf('2022年预算69.06万元，其中年初预算57.28万元，调整追加11.78万元。');
    expect(seen(r.figures.budgetInitial)).toEqual([572800, '57.28万元']);
    const own = await recordOf('全年预算100万元，其中，本年年初预算数80万元，追加20万元。');
    expect(firedOn(own, 'budgetInitial')).not.toContain('budgetInitial.named_part');
  });
});

describe('budget.special_allocation', () => {
  const text = (title: string) => `${title}\n一、基本情况\n根据市财政局《关于下达2016年财政经费支出预算的通知》文件批复，专门安排党校事业发展经费183万元，为党校正常办学提供了保障。\n`;
  it('takes no special allocation for a department-wide report\'s budget (t679)', async () => {
    const r = await recordOf(text('中共某市委党校2016年度部门整体支出绩效自评报告'));
    expect(r.figures.budget).toBeNull();
    expect(firedOn(r, 'budget')).toContain('budget.special_allocation');
  });
  it('leaves a project report\'s own allocation alone', async () => {
    const r = await recordOf(text('党校事业发展经费2016年度项目支出绩效自评报告'));
    expect(firedOn(r, 'budget')).not.toContain('budget.special_allocation');
  });
});

describe('money.listed_use', () => {
  it('never takes an amount of a 用于 list for the budget, although its name says 项目资金 (t937)', async () => {
    const r = await recordOf('根据省财政厅3个资金文件，共下达我县2020年度移民后扶资金800万元，其中：中央资金500万元，省级资金300万元；用于直发直补资金200万元、项目扶持资金100万元、切块项目资金500万元，县局编制了项目计划。');
    expect(seen(r.figures.budget)).toEqual([8000000, '800万元']);
    const part = decision(r, 'budget').candidates.find((c) => c.figure.text === '500万元' && c.features.some((f) => f.id === 'budget.label.预算'));
    expect(part?.features.map((f) => f.id)).toContain('money.listed_use');
  });
  it('leaves a single amount of a 用于 clause, and an amount after the list, alone', async () => {
    const r = await recordOf('本年度安排项目资金120万元，用于农村道路维护；用于村道、桥梁修缮项目资金90万元，实际支出85万元。');
    expect(firedOn(r, 'budget')).not.toContain('money.listed_use');
    expect(firedOn(r, 'execution')).not.toContain('money.listed_use');
  });
});

describe('any.listed_part on scores', () => {
  it('takes the total score, not a later part listed after its 其中 (t540)', async () => {
    const r = await recordOf('本项目评价等级为“合格”,总得分为72.21分,其中:投入得分13.10分、过程得分25.41分、产出得分16.70分、效果得分17.00分。');
    expect(seen(r.figures.selfScore)).toEqual([72.21, '72.21分']);
  });
});

describe('executionRate: 资金使用率 and targets', () => {
  it('reads 资金使用率 as the execution rate (t574)', async () => {
    const r = await recordOf('年初预算1086.95万元,资金到位率100%。截止2023年12月31日,项目实际使用资金1076.47万元,资金使用率99%。');
    expect(seen(r.figures.executionRate)).toEqual([0.99, '99%']);
  });
  it('reads 预算完成X% as the execution rate, as 完成预算的X% (t663)', async () => {
    const r = await recordOf('燃油税转移支付资金项目决策程序严密、使用合规、执行有效，预算完成100%，保障了全县农村公路的养护。');
    expect(seen(r.figures.executionRate)).toEqual([1, '100%']);
  });
  it('never takes a rate set as a target (投入目标：…财政资金使用率100%, t542)', async () => {
    const r = await recordOf('其中,投入目标:市级财政投入金额2000万元,财政资金到位率100%,财政资金使用率100%。');
    expect(r.figures.executionRate).toBeNull();
    expect(firedOn(r, 'executionRate')).toContain('executionRate.target_clause');
  });
});

describe('budget.label.下达', () => {
  it('reads a transfer of a lottery fund (公益金) as the budget, its 其中 items as parts', async () => {
    const r = await recordOf('根据《关于下达2024年中央集中彩票公益金支持社会福利事业资金预算的通知》，共下达我市中央福彩公益金870.2万元，其中老年人福利类675.2万元，残疾人福利类90万元，儿童福利类105万元。');
    expect(seen(r.figures.budget)).toEqual([8702000, '870.2万元']);
    expect(firedOn(r, 'budget')).toContain('budget.label.下达');
  });
});

describe('selfScore.near.自评', () => {
  it('reads a 综合评分 stated for the report as its self-score', async () => {
    const r = await recordOf('经对照评价指标体系逐项打分，本项目综合评分为92.5分，评价等级为优。');
    expect(seen(r.figures.selfScore)).toEqual([92.5, '92.5分']);
  });
  it('reads a 评价结果 stated in points as the self-score', async () => {
    const r = await recordOf('经对照评价指标体系逐项打分，该项目绩效评价结果为95.5分，等级为优。');
    expect(seen(r.figures.selfScore)).toEqual([95.5, '95.5分']);
  });
});

describe('budget.raw.资金共', () => {
  it('reads 经费共计 as a total of the money, as 资金共', async () => {
    const r = await recordOf('2018年，省级法律援助办案补助经费共计1400万元，全部为财政经费拨款。');
    expect(seen(r.figures.budget)).toEqual([14000000, '1400万元']);
    expect(firedOn(r, 'budget')).toContain('budget.raw.资金共');
  });
  it('takes no 三公经费 total for the budget', async () => {
    const r = await recordOf('2022年度“三公”经费共计21.8万元，比上年下降5%。');
    expect(r.figures.budget).toBeNull();
  });
});

describe('budget.whole.资金共计其中', () => {
  it('reads a total of money named earlier in its clause, its parts following, as the budget', async () => {
    const r = await recordOf('2019年度城镇保障性安居工程中央和省级财政资金用于公租房保障和棚户区改造共计128.79亿元，其中，中央财政专项资金49.24亿元，省级财政安排补助资金14.05亿元。');
    expect(seen(r.figures.budget)).toEqual([12879000000, '128.79亿元']);
    expect(firedOn(r, 'budget')).toContain('budget.whole.资金共计其中');
  });
  it('takes no total without parts after it', async () => {
    const r = await recordOf('2019年度财政资金用于公租房保障和棚户区改造共计128.79亿元，惠及群众10万户。');
    expect(r.figures.budget).toBeNull();
  });
});

describe('execution.heading.预算说明', () => {
  it('takes no spending stated under a 部门预算 explanation for the execution', async () => {
    const r = await recordOf('五、一般公共预算支出情况说明\n2025年本年一般公共预算支出1085203.63元，同比减少43506.06元，下降3.85%。\n');
    expect(r.figures.execution).toBeNull();
    expect(firedOn(r, 'execution')).toContain('execution.heading.预算说明');
  });
  it('still reads the spending under a heading about the budget\'s execution', async () => {
    const r = await recordOf('二、预算执行情况说明\n2023年本年一般公共预算支出108万元，预算执行率90%。\n');
    expect(seen(r.figures.execution)).toEqual([1080000, '108万元']);
  });
});

describe('money.clause.上年', () => {
  it('takes no amount of the year before for this year\'s spending', async () => {
    const r = await recordOf('2023年项目预算100万元，实际支出80万元；比上年累计支出70万元增加10万元。');
    expect(seen(r.figures.execution)).toEqual([800000, '80万元']);
    expect(firedOn(r, 'execution')).toContain('money.clause.上年');
  });
  it('still reads what the year before carried into this one as its own (上一年度结转资金)', async () => {
    const r = await recordOf('2023年项目预算100万元，其中上一年度结转资金20万元。');
    expect(firedOn(r, 'budget')).not.toContain('money.clause.上年');
  });
});

describe('a self-score printed without 分', () => {
  it('reads points right after 自评分数 as the self-score', async () => {
    const r = await recordOf('(一)自评分数。\n对照《项目绩效自评指标评分表》逐项自评打分，自评分数100。\n');
    expect(r.figures.selfScore).toMatchObject({ value: 100, unit: '分', kind: 'score', text: '100' });
  });
  it('takes no bare number after another word, nor one above 100', async () => {
    expect((await recordOf('经逐项打分，完成指标数12，自评结果为优。')).figures.selfScore).toBeNull();
    expect((await recordOf('经逐项打分，自评得分120。')).figures.selfScore).toBeNull();
  });
});

describe('money.target_sentence', () => {
  it('takes no amount an indicator or a target states for the budget', async () => {
    const r = await recordOf('指标1：甲村日间照料中心项目，建筑面积750平方米，总投资216.42万元。\n指标2：乙村日间照料中心项目，建筑面积750平方米，总投资203.71万元。\n申报预算资金173万元，已完成批复。');
    expect(seen(r.figures.budget)).toEqual([1730000, '173万元']);
    expect(firedOn(r, 'budget')).toContain('money.target_sentence');
  });
});

describe('budget.label.中期', () => {
  it('reads the year\'s total over the term\'s in a target declaration printed one cell a line between borders', async () => {
    const r = await recordOf('项目支出绩效目标表\n|\n项目资金\n(万元)\n|\n中期资金总额:\n|\n449.8万\n|\n年度资金总额:\n|\n189.8万\n|\n|\n');
    expect(seen(r.figures.budget)).toEqual([1898000, '189.8万']);
    expect(firedOn(r, 'budget')).toContain('budget.label.中期');
  });
  it('still takes the term\'s total when it is the only one', async () => {
    const r = await recordOf('项目支出绩效目标表\n实施期资金总额：100万元\n');
    expect(seen(r.figures.budget)).toEqual([1000000, '100万元']);
  });
});

describe('selfScore.heading.自评得分', () => {
  it('reads the score under a 自评得分 heading as the self-score, over an item score stated later', async () => {
    const r = await recordOf('一、自评结论\n(一)自评得分99分\n(二)绩效目标完成情况\n1.执行率情况。\n年初预算300万元，全年执行300万元，执行率100%，自评分20分。\n');
    expect(seen(r.figures.selfScore)).toEqual([99, '99分']);
    expect(firedOn(r, 'selfScore')).toContain('selfScore.heading.自评得分');
  });
  it('does not fire under a heading about something else', async () => {
    const r = await recordOf('一、自评结论\n(一)绩效目标完成情况\n1.执行率情况。\n年初预算300万元，全年执行300万元，执行率100%，自评分20分。\n2.产出指标，自评分30分。\n');
    expect(firedOn(r, 'selfScore')).not.toContain('selfScore.heading.自评得分');
  });
});

describe('budget.label.预算 (the size of the fund)', () => {
  it('reads 批复资金 as the budget, and a payment\'s pace (支付进度) as no execution rate', async () => {
    const r = await recordOf('该项目批复资金100万元，实际到位100万元，实际支付80万元，支付进度80%。');
    expect(seen(r.figures.budget)).toEqual([1000000, '100万元']);
    expect(r.figures.executionRate).toBeNull();
  });
  it('reads a granted 预算指标 as the budget, over the arrangement it adjusts', async () => {
    const r = await recordOf('县财政预算安排“四好农村公路”建设工程项目174万元，实际实施并下达预算指标173.65万元。');
    expect(seen(r.figures.budget)).toEqual([1736500, '173.65万元']);
  });
  it('reads 预算批复 as the budget and 已报账 as the execution', async () => {
    const r = await recordOf('2023年该项目预算批复100万元，已报账80万元。');
    expect(seen(r.figures.budget)).toEqual([1000000, '100万元']);
    expect(seen(r.figures.execution)).toEqual([800000, '80万元']);
  });
  it('reads a bare 执行 after the budget as the execution, 完成年度预算的 as the rate', async () => {
    expect(seen((await recordOf('2023年项目预算100万元，实际支出80万元，支出完成率80%。')).figures.executionRate)).toEqual([0.8, '80%']);
    const r = await recordOf('XX项目预算100万元，执行80万元，截止年底完成年度预算的80%。');
    expect(seen(r.figures.execution)).toEqual([800000, '80万元']);
    expect(seen(r.figures.executionRate)).toEqual([0.8, '80%']);
  });
  it('reads 资金额度 / 预算规模 as the budget', async () => {
    expect(seen((await recordOf('2023年度农业生产发展预算规模为560万元，全部用于耕地地力保护。')).figures.budget)).toEqual([5600000, '560万元']);
    expect(seen((await recordOf('区域绩效目标表 资金额度 4623 万 年度目标 提高残疾人生活质量。')).figures.budget)).toEqual([46230000, '4623万']);
  });
});

describe('any.part_context', () => {
  it('takes a total the clause states (资金共) as a whole, whatever fund it names', async () => {
    const r = await recordOf('2024年部门预算财政安排公共财政拨款资金共157.71万元，实际支出157.71万元。其中基本支出148.26万元，项目支出9.45万元。');
    expect(seen(r.figures.budget)).toEqual([1577100, '157.71万元']);
  });
  it('takes the budget of all appropriations (财政拨款收支总预算, 财政拨款预算) as a whole, a part after 其中', async () => {
    const r = await recordOf('2025年财政拨款收支总预算1085203.63元。收入包括：一般公共预算拨款1085203.63元。');
    expect(seen(r.figures.budget)).toEqual([1085203.63, '1085203.63元']);
    const q = await recordOf('2023年部门预算总额200万元，其中财政拨款预算150万元。');
    expect(seen(q.figures.budget)).toEqual([2000000, '200万元']);
  });
  it('still reads a part named after 其中 as a part', async () => {
    const r = await recordOf('2024年收入合计200万元，其中财政拨款资金共157.71万元。');
    expect(r.figures.budget?.exact).not.toBe('1577100');
  });
});

describe('any.part_context: 公用经费 as a school programme\'s name', () => {
  it('reads a budget named by a school\'s 公用经费 programme as the budget, not a nature part (t807)', async () => {
    for (const text of [
      '2023年特殊教育公用经费项目资金总额6.46万元，拨付使用资金6.46万元，预算执行率100%。',
      '2023年义务教育公用经费项目预算资金120万元，实际支出118万元。',
      '本年度初中公用经费预算资金64.8万元，全年执行数64.8万元。',
    ]) {
      const r = await recordOf(text);
      expect(r.figures.budget, text).not.toBeNull();
      expect(firedOn(r, 'budget'), text).not.toContain('any.part_context');
    }
  });
  it('still reads the nature class 公用经费 after 其中 or beside 人员经费 as a part', async () => {
    const r = await recordOf('2023年基本支出预算100万元，其中人员经费80万元，公用经费20万元。');
    expect(r.figures.budget?.value ?? null).not.toBe(200000);
    const q = await recordOf('2023年部门预算200万元。公用经费预算20万元，人员经费预算180万元。');
    expect(seen(q.figures.budget)).toEqual([2000000, '200万元']);
  });
});

describe('budget.sole_initial', () => {
  it('takes the year-start budget as the budget when the text states no other', async () => {
    const r = await recordOf('二、项目资金使用及管理情况：年初预算1086.95万元，资金到位率100%，实际使用资金1076.47万元。');
    expect(seen(r.figures.budgetInitial)).toEqual([10869500, '1086.95万元']);
    expect(seen(r.figures.budget)).toEqual([10869500, '1086.95万元']);
    expect(decision(r, 'budget').candidates[0]!.features.map((f) => f.id)).toContain('budget.sole_initial');
  });
  it('leaves the budget to its own ranking when another budget is stated', async () => {
    const r = await recordOf('年初预算100万元，年中追加预算20万元，调整后预算120万元，实际支出118万元。');
    expect(seen(r.figures.budget)).toEqual([1200000, '120万元']);
  });
});

describe('any.part_context in a project report', () => {
  it('takes the project\'s own 项目支出 as its spending, not a part', async () => {
    const r = await recordOf('某县2017年度专项资金绩效自评报告\n一、项目基本情况\n二、专项资金使用及管理情况\n我单位2017年项目支出决算为150万元，主要用于校舍维修和设备购置。');
    expect(seen(r.figures.execution)).toEqual([1500000, '150万元']);
  });
});

describe('selfScore: items scored beside their weight or in brackets', () => {
  it('takes the report\'s total, not the items scored beside their own 分值', async () => {
    const r = await recordOf('对照绩效自评得分表进行了自评，自评得分92.5分，具体得分情况如下：(一)资金保障情况(分值10分),自评10分。1、县级预算安排情况(分值5分),自评5分。');
    expect(seen(r.figures.selfScore)).toEqual([92.5, '92.5分']);
    expect(decision(r, 'selfScore').candidates.flatMap((c) => c.features.map((f) => f.id))).toContain('selfScore.item_weight');
  });
  it('keeps the whole\'s weight (总分值100分) from making its score an item\'s', async () => {
    const r = await recordOf('我局认真梳理总计，进行自评，总分值为100分，自评分为96分。');
    expect(seen(r.figures.selfScore)).toEqual([96, '96分']);
  });
  it('reads a score word inside an open bracket as an item\'s score', async () => {
    const r = await recordOf('一、自评结论：自评得分99分。二、绩效目标完成情况：A产出指标(自评分19分)，数量指标全部完成。');
    expect(seen(r.figures.selfScore)).toEqual([99, '99分']);
  });
});

describe('execution.label.支出 and the economic classes', () => {
  it('reads no economic class (其他资本性支出, 商品和服务支出) as the spending, even out of its 其中 clause (t691)', async () => {
    const r = await recordOf('2017年电视专题节目制作经费项目50万元,其中:商品和服务支出39.98万元(其中:办公费2.25万元,差旅费11.45万元),占总支出的79.96%;其他资本性支出10.02万元(其中:办公设备购置5.55万元)。');
    expect(r.figures.execution).toBeNull();
    expect(decision(r, 'execution').candidates.filter((c) => c.features.some((f) => f.id === 'execution.label.支出'))).toEqual([]);
  });
  it('still reads a spending that is no class', async () => {
    const r = await recordOf('2017年电视专题节目制作经费项目50万元,项目实际支出48.5万元。');
    expect(seen(r.figures.execution)).toEqual([485000, '48.5万元']);
  });
});

describe('budget.label.预算: the plan a self-evaluation reports on and the year\'s money', () => {
  it('reads 资金计划总额, 投资计划安排 and 年度资金 as the budget (t218, t378, t221)', async () => {
    expect(seen((await recordOf('项目涉及5个区，共6个项目，财政资金计划总额2200万元。')).figures.budget)).toEqual([22000000, '2200万元']);
    expect(seen((await recordOf('2020年项目投资计划安排480万元用于推介交流宣传项目工作。')).figures.budget)).toEqual([4800000, '480万元']);
    expect(seen((await recordOf('年度资金40.83万元，执行率100%。')).figures.budget)).toEqual([408300, '40.83万元']);
  });
  it('still leaves a plan of the next year, and a request, unassigned', async () => {
    expect((await recordOf('下一步，资金计划总额500万元。')).figures.budget).toBeNull();
    expect((await recordOf('申请年度资金300万元。')).figures.budget).toBeNull();
  });
});

describe('budgetInitial.clause.年初预算安排', () => {
  it('reads a clause opened by 年初预算安排/年初批复预算安排 as the year-start budget, its amount closing it (t548)', async () => {
    for (const [text, value] of [
      ['年初预算安排我中心农村公路建设工程项目174万元，实际下达预算指标173.65万元。', 1740000],
      ['2023年初预算安排我中心农村公路建设工程项目174万元，实际下达预算指标173.65万元。', 1740000],
      ['县财政年初预算安排我中心2023年度农村公路建设工程项目1740000元，实际下达预算指标1736500元。', 1740000],
      ['年初批复预算安排 农村公路建设工程 174 万元，实际下达预算指标173.65万元。', 1740000],
    ] as const) {
      const r = await recordOf(text);
      expect(r.figures.budgetInitial?.value, text).toBe(value);
      expect(firedOn(r, 'budgetInitial'), text).toContain('budgetInitial.clause.年初预算安排');
    }
  });
  it('reads nothing when another amount stands in the clause before it', async () => {
    const r = await recordOf('年初预算安排3个项目共174万元，实际下达预算指标173.65万元。');
    expect(firedOn(r, 'budgetInitial')).not.toContain('budgetInitial.clause.年初预算安排');
  });
});

describe('budgetInitial.label.年初预算', () => {
  it('reads the spending budgeted at the year\'s start (年初下达预算支出) as the year-start budget, and as the budget when it is the only one (t120)', async () => {
    const r = await recordOf('年初下达预算支出910.47万元，年底决算支出1060.30万元，实际支出比预算增加149.83万元。');
    expect(seen(r.figures.budgetInitial)).toEqual([9104700, '910.47万元']);
    expect(seen(r.figures.budget)).toEqual([9104700, '910.47万元']);
  });
});

describe('budget.label.计划投资', () => {
  it('reads what a government invests as the budget, over a transfer that is a part of it (t374)', async () => {
    const r = await recordOf('市政府投资2657万元实施校安改薄工程。市财政局下达校安改薄专项资金指标1984万元。');
    expect(seen(r.figures.budget)).toEqual([26570000, '2657万元']);
  });
});

describe('executionRate.scoring_rule', () => {
  it('takes no threshold of an indicator table\'s 评价标准 ("100%计满分") as the rate reached (t507)', async () => {
    await expectTurnedDown('过程61预算执行20预算完成率5100%计满分,每低于5%扣2分。', 'executionRate', 'executionRate.scoring_rule');
  });
  it('still reads the rate the table reports beside it', async () => {
    expect(seen((await recordOf('预算完成率 100%计满分，每低于5%扣2分。本单位预算执行率99.27%。')).figures.executionRate)).toEqual([0.9927, '99.27%']);
  });
});

describe('selfScore.part_context', () => {
  it('takes a score whose project is named by a money part word (公用经费) as the report\'s score (t807)', async () => {
    const r = await recordOf('一、项目基本情况\n(一)自评得分\n经自评,2023年特殊教育公用经费资金项目自评得分为100分。\n');
    expect(seen(r.figures.selfScore)).toEqual([100, '100分']);
  });
  it('still turns down a score after 其中', async () => {
    await expectTurnedDown('本项目资金100万元。其中公用经费部分自评得分为90分。\n', 'selfScore', 'selfScore.part_context');
  });
});

/** Features that turn down what is not the report's money: the shape they were written for, and the figure they must still read. */
describe.each([
  {
    feature: 'money.label.费用项目',
    part: '二、支出情况\n我院机关运行经费支出204.48万元。\n公务接待费支出0.45万元。\n',
    // 会议经费, not 会议费: a project's own fund
    whole: '领导小组会议经费预算0.26万元，支出0.26万元，执行率100%。',
    spent: [2600, '0.26万元'],
  },
  {
    feature: 'money.numbered_item',
    part: '(二)项目资金使用及管理情况:1、档案管理支出30万元用于日常管理。2、档案馆建设支出100万元。\n',
    // the item names nothing but the whole
    whole: '(2)资金使用情况\n1、项目实际支出总额153.55万元。\n',
    spent: [1535500, '153.55万元'],
  },
  {
    feature: 'money.share_of_whole',
    part: '本年度人员支出300万元，占总支出的60%。\n',
    // a share of the budget is the spending's rate
    whole: '全年支出500万元，占全年预算的95%。\n',
    spent: [5000000, '500万元'],
  },
  {
    feature: 'any.part_context',
    // in a project's report 项目支出 is its own spending, unless the sentence breaks spending down by nature
    part: '2022年度本部门基本支出决算数为300万元，项目支出决算数为200万元。\n',
    whole: '二、专项资金使用及管理情况：我单位2017年项目支出决算为150万元，主要用于房屋建筑物购建。\n',
    spent: [1500000, '150万元'],
  },
  {
    feature: 'money.label.人均',
    part: '本年度为困难家庭发放补助，户均发放2500元。\n',
    whole: '本年度为困难家庭发放补助，全年发放2500元。\n',
    spent: [2500, '2500元'],
  },
  {
    feature: 'budget.revenue_share',
    role: 'budgetInitial',
    part: '1-6月份全区一般公共预算收入累计完成61646万元，占年初预算数109466万元的56.3%，同比增长10.7%。\n',
    // the base a spending is measured against
    whole: '全年支出完成80万元，占年初预算数100万元的80%。\n',
    spent: [1000000, '100万元'],
  },
  {
    feature: 'budget.whole.其中标题资金',
    role: 'budget',
    titled: true,
    // a whole whose 其中 names the title's fund is a larger total than the report's money
    part: '2020年度中央财政水污染防治专项资金转移支付绩效自评报告\n一、基本情况\n涉及本县项目1个，项目总投资1807万元，其中中央财政水污染防治专项资金850万元。\n',
    whole: '2020年度中央财政水污染防治专项资金转移支付绩效自评报告\n一、基本情况\n项目总投资1807万元，其中地方自筹957万元。\n',
    spent: [18070000, '1807万元'],
  },
] as { feature: string; role?: 'execution' | 'budgetInitial' | 'budget'; titled?: boolean; part: string; whole: string; spent: [number, string] }[])('$feature', ({ feature, role = 'execution', titled = false, part, whole, spent }) => {
  // A text with its own title is read as it is; a fragment after an opening sentence.
  const read = async (text: string) => (titled ? (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record : recordOf(text));
  it('takes no figure that is not the report\'s', async () => {
    const r = await read(part);
    expect(r.figures[role]).toBeNull();
    expect(firedOn(r, role)).toContain(feature);
  });
  it('still reads the report\'s own', async () => {
    const r = await read(whole);
    expect(seen(r.figures[role])).toEqual(spent);
    expect(firedOn(r, role)).not.toContain(feature);
  });
});


describe('execution.label.支出', () => {
  it('reads the funds executed ("全年执行资金") as the spending, like 使用资金 and 拨付资金', async () => {
    const r = await recordOf('共投入资金1987.08万元。全年执行资金1847.85万元，执行率92.9%。\n');
    expect(seen(r.figures.execution)).toEqual([18478500, '1847.85万元']);
  });
});

describe('money.label.人均', () => {
  it('leaves the total paid to the prose once the average after it is turned down', async () => {
    const r = await recordOf('本年度共计发放补贴资金500万元，惠及农户2000户，户均发放2500元。\n');
    expect(seen(r.figures.execution)).toEqual([5000000, '500万元']);
  });
});
