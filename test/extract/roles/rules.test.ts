/**
 * Named-amount rules for sub-projects (rules.ts NAMED_RULES, run by assign.ts): numbered items that
 * name a project with its budget, and lists opened by an enumeration mark without a count of projects.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../../src/analyze.js';
import { recordOf } from './record-of.js';

const projectsOf = async (text: string) =>
  (await recordOf(text)).figures.projects.map((p) => [p.name, p.budget?.value ?? null, p.execution?.value ?? null, p.rule]);

describe('named.project.numbered', () => {
  it('reads numbered items that name a project and state its budget, the sentence giving its spending', async () => {
    const p = await projectsOf('我处2023年度共有2个项目1、道路维修项目：预算30万元，2023年全年实际支付28万元，使用率93.33%。2、2023年路灯改造工程项目：预算20万元，全年实际支付20万元。');
    expect(p).toEqual([
      ['道路维修项目', 300000, 280000, 'named.project.numbered'],
      ['2023年路灯改造工程项目', 200000, 200000, 'named.project.numbered'],
    ]);
  });

  it('reads "一是…项目，安排项目预算资金 X"', async () => {
    const p = await projectsOf('安排医院管理项目预算资金 900.00 万元。政策任务 2 个，具体如下：\n一是高水平医院建设项目，安排项目预算资金 600.00 万元，主要用于重点建设医院。');
    expect(p).toEqual([['高水平医院建设项目', 6000000, null, 'named.project.numbered']]);
  });

  it('reads "1.…项目，投资 X" (投资 with no role word of its own) as the item\'s budget', async () => {
    const p = await projectsOf('1.道路硬化项目，投资50万元，已完成。2.桥梁维修工程，投资30万元。');
    expect(p).toEqual([
      ['道路硬化项目', 500000, null, 'named.project.numbered'],
      ['桥梁维修工程', 300000, null, 'named.project.numbered'],
    ]);
  });

  it('leaves a numbered item without a project word or without a budget clause', async () => {
    expect(await projectsOf('1、办公设备购置：预算30万元，全年实际支付28万元。')).toEqual([]);
    expect(await projectsOf('1、道路维修项目：已支付30万元。')).toEqual([]);
    // A group of projects named by its budget line is no project ("一是…年初预算内项目资金6152万元").
    expect(await projectsOf('一是管理处年初预算内项目资金600万元。')).toEqual([]);
  });
});

describe('the report\'s own project', () => {
  it('is no sub-project when a single project\'s report numbers it: its budget stays the headline budget', async () => {
    const r = (await analyzeBytes(Buffer.from('XX县道路硬化项目绩效自评报告\n一、基本情况\n1、道路硬化项目：预算50万元，全年实际支付45万元。', 'utf8'), { fileName: 'synthetic.txt' })).record;
    expect(r.figures.projects).toEqual([]);
    expect(r.figures.budget?.value).toBe(500000);
  });
});

describe('lists opened by 具体是/分别为 without a count of projects', () => {
  it('keeps an enumeration whose items each name a project, even when they do not add up to the whole (a slip left for the checks)', async () => {
    const p = await projectsOf('区直单位下达预算资金100万元。具体是：河堤加固工程项目30万元；古籍保护二期项目50万元。');
    expect(p.map(([name, budget]) => [name, budget])).toEqual([
      ['河堤加固工程项目', 300000],
      ['古籍保护二期项目', 500000],
    ]);
  });

  it('keeps an enumeration that adds up to its whole', async () => {
    const p = await projectsOf('市财政下达专项经费80万元，分别为：对口支援工作经费30万元；区域协作办公经费50万元。');
    expect(p.map(([name, budget]) => [name, budget])).toEqual([
      ['对口支援工作经费', 300000],
      ['区域协作办公经费', 500000],
    ]);
  });

  it('takes no fund sources or unnamed items as projects', async () => {
    expect(await projectsOf('收到资金100万元，分别为：中央财政资金60万元；省级财政资金40万元。')).toEqual([]);
    expect(await projectsOf('下达资金100万元。具体是：河堤加固工程项目30万元；办公设备购置50万元。')).toEqual([]);
  });
});

describe('fund sources named by their level', () => {
  it('keeps the level in a part\'s name, so one level\'s fund stated twice is one source', async () => {
    const r = await recordOf('项目批复总投资61.8万元。其中：依据《关于提前下达资金预算的通知》下达中央财政资金30.9万元，县财政资金30.9万元，共计下达61.8万元。\n项目批复总投资61.8万元，其中中央财政资金30.9万元，县财政配套资金30.9万元。');
    expect(r.figures.fundSources.map((f) => [f.name, f.amount.value])).toEqual([
      ['中央财政资金', 309000],
      ['县财政资金', 309000],
    ]);
  });
});

const sourcesOf = async (text: string) => (await recordOf(text)).figures.fundSources.map((f) => [f.name, f.amount.value]);

describe('fund sources named by their level, with the year or the kind of grant', () => {
  it.each([
    ['a level\'s fund whose name opens with its year (t234)', '项目累计支付资金合计795333.77元，其中2025年中央农村综合性改革转移支付资金630000元、村集体资金135333.77元。', [['2025年中央农村综合性改革转移支付资金', 630000], ['村集体资金', 135333.77]]],
    ['a level\'s 奖补, the first one in a bracket opened after the whole (t412)', '奖补项目总额投资为867万元，其中财政基本奖补资金348万元(市财政奖补262万元，区财政奖补86万元)，约占投资总额的40%。', [['市财政奖补', 2620000], ['区财政奖补', 860000]]],
    ['the level of a part whose own name holds a closed bracket', '下达资金100万元，其中中央资金(含结转)60万元、省级资金40万元。', [['中央资金', 600000], ['省级资金', 400000]]],
  ])('reads %s', async (_, text, sources) => {
    expect(await sourcesOf(text as string)).toEqual(sources);
  });
});

describe('fund sources of a numbered item', () => {
  it('takes no amount of a later item as a part of an earlier item\'s 其中 (t733)', async () => {
    expect(await sourcesOf('1、档案管理项目资金：2016年县财政安排30万元在当年都按时到位，其中国重档案10万元；2、县档案馆建设项目资金：2016年县财政拨款427.36万元，于2016年当年全部到位。')).toEqual([]);
  });

  it('still reads items that a 其中 opens', async () => {
    expect(await sourcesOf('下达资金100万元，其中：1、中央资金60万元；2、省级资金40万元。')).toEqual([
      ['中央资金', 600000],
      ['省级资金', 400000],
    ]);
  });
});

describe('parts that are not the report\'s sources, whatever their names', () => {
  it('takes no split of an item of an earlier list (the item\'s own funds or uses: t631, t795, t796)', async () => {
    // a whole, 其中, numbered items each with its amount, and an item's own 分别为 / 即: list
    expect(await sourcesOf('2023年项目支出安排预算300万元，其中：一是粮食风险基金200万元，分别为州级粮食风险基金专项资金150万元、县级储备粮专项资金50万元；二是业务经费100万元。')).toEqual([]);
    expect(await sourcesOf('项目支出预算资金为300万元，其中:1.本年项目8个，预算资金为200万元，即:州级储备粮专项资金150万元、县级储备粮专项资金50万元。2.其他项目2个，预算资金为100万元。')).toEqual([]);
    // the whole and its mark end the line above the items, one a line; an item\'s 其中 splits the item
    const items = '学生资助共投入500万元，具体情况为：\n1、学前教育。投入200万元，惠及学生4000人，其中上级资金150万元，本级资金50万元。\n2、高中教育。投入300万元，其中上级资金200万元，本级资金100万元。';
    expect(await sourcesOf(items)).toEqual([]);
  });

  it('still reads the sources a whole\'s own 其中 lists, numbered or not, under an outline number', async () => {
    expect(await sourcesOf('下达资金100万元，其中：1、中央资金60万元；2、省级资金40万元。')).toEqual([['中央资金', 600000], ['省级资金', 400000]]);
    expect(await sourcesOf('资金总额50万元，其中：中央资金20万元，省级资金30万元。\n1、资金投入情况。项目总投资100万元，其中市级资金60万元，县级资金40万元。')).toEqual([
      ['中央资金', 200000], ['省级资金', 300000], ['市级资金', 600000], ['县级资金', 400000],
    ]);
  });

  it('takes no split of an amount stated as spent (t854)', async () => {
    expect(await sourcesOf('各级财政共下达补贴资金4186万元，其中省级配套1100万元、市级配套1086万元、县级配套2000万元。全年共发放3957万元(当年资金3900万元,上年结转资金57万元)。')).toEqual([
      ['省级配套', 11000000], ['市级配套', 10860000], ['县级配套', 20000000],
    ]);
  });

  it('takes no part after a 其中 its own bracket closed (t776)', async () => {
    expect(await sourcesOf('已使用696.5万元(其中,科技项目管理经费使用50万元,科技计划项目600万元),结转结余303.5万元(高新技术企业培育项目)。')).toEqual([]);
  });

  it('takes no sole source that says only that the money is public (t784), a level\'s still (t162)', async () => {
    expect(await sourcesOf('项目总投资1000万元，实际到位资金1000万元，全部为财政拨款资金。')).toEqual([]);
    expect(await sourcesOf('项目财政资金总额16.20万元，全部为县级配套资金。')).toEqual([['县级配套资金', 162000]]);
  });
});

describe('fund sources named by the budget kind, a level\'s investment, or with the whole\'s verb', () => {
  it.each([
    ['a budget kind\'s fund (t556)', '现将补助资金134.39万元下达给你们，其中：一般公共预算资金50.29万元、政府性基金预算资金84.1万元。', [['一般公共预算资金', 502900], ['政府性基金预算资金', 841000]]],
    ['a budget kind\'s income in a self-evaluation (t354)', '市文旅局2024年收入预算23,264.53万元，其中：一般公共预算收入19,885.53万元，政府性基金预算收入3,379.00万元。', [['一般公共预算收入', 198855300], ['政府性基金预算收入', 33790000]]],
    ['a level\'s budgeted investment (t553, t825)', '用于棚户区改造共计114.74亿元，其中，中央财政专项资金49.24亿元，中央预算内基建投资65.50亿元。', [['中央财政专项资金', 4924000000], ['中央预算内基建投资', 6550000000]]],
    ['a village collective\'s own money (t234)', '项目累计支付资金合计100万元，其中中央资金60万元、村集体资金40万元。', [['中央资金', 600000], ['村集体资金', 400000]]],
    ['parts that repeat the whole\'s verb after the fund (t900)', '补助共投入资金1000万元。其中中央资金投入500万元，省级资金投入300万元，地方资金投入200万元。', [['中央资金', 5000000], ['省级资金', 3000000], ['地方资金', 2000000]]],
  ])('reads %s', async (_, text, sources) => {
    expect(await sourcesOf(text as string)).toEqual(sources);
  });

  it('takes no split of a level\'s part by kind (t900), but the levels that split a part no level names (t412)', async () => {
    expect(await sourcesOf('下达补助资金1067.2万元。其中，中央资金776.84万元(一般公共预算资金:323.97万元;彩票公益金:452.87万元)；省级资金290.36万元。')).toEqual([['中央资金', 7768400], ['省级资金', 2903600]]);
  });
});

describe('fund sources of a complete list', () => {
  it('takes no amount after the parts already listed add up to the whole', async () => {
    // 1516.64 + 170.81 = 1687.45: the zero 经营收入/其他收入 that follow are no sources of this whole.
    expect(await sourcesOf('2017年度，本单位收入为1687.45万元，其中：财政拨款收入1516.64万元，占89.88%；事业收入170.81万元，占10.12%；经营收入0万元，占0%；其他收入0万元，占0%。')).toEqual([
      ['财政拨款收入', 15166400],
      ['事业收入', 1708100],
    ]);
    // 18,879.06 + 16,812.20 + 129.03 = 35,820.29: the carry-over stands beside the whole (政府性基金预算收入 is a
    // budget kind's income, a source of a self-evaluation as t354's label lists it).
    expect(await sourcesOf('收入决算数为35,820.29万元(含部分上级资金),其中,一般公共预算财政拨款收入18,879.06万元,政府性基金预算收入16,812.20万元,其他收入129.03万元;年初结转结余41.34万元。')).toEqual([
      ['财政拨款收入', 188790600],
      ['政府性基金预算收入', 168122000],
      ['其他收入', 1290300],
    ]);
    // A part not named as a source still counts.
    expect(await sourcesOf('收入决算数为35,820.29万元(含部分上级资金),其中,一般公共预算财政拨款收入18,879.06万元,专项转入16,812.20万元,其他收入129.03万元;年初结转结余41.34万元。')).toEqual([
      ['财政拨款收入', 188790600],
      ['其他收入', 1290300],
    ]);
  });

  it('keeps a carry-over the whole still needs', async () => {
    expect(await sourcesOf('全年实际收入1699.12万元，其中财政拨款收入1435.22万元，上年结转结余263.90万元；全年实际支出1595.59万元。')).toEqual([
      ['财政拨款收入', 14352200],
      ['结转结余', 2639000],
    ]);
  });

  it('never takes the year-end carry-over as a source', async () => {
    expect(await sourcesOf('总支出决算数为35,837.94万元。其中:基本支出13,819.134万元,项目支出22,018.81万元;年末结转结余23.68万元。')).toEqual([]);
  });
});

describe('named.project.listed: the marks a list of projects opens with, and where it ends', () => {
  const budgets = async (text: string) => (await projectsOf(text)).map(([name, budget]) => `${name} ${budget}`);

  it('reads a counted list opened by 即: (t795)', async () => {
    expect(await budgets('本年安排项目3个，预算资金为100万元，即：冻猪肉储备费用补助经费50万元、粮库网络租用费项目经费30万元、粮食质量安全监测经费20万元。')).toEqual([
      '冻猪肉储备费用补助经费 500000', '粮库网络租用费项目经费 300000', '粮食质量安全监测经费 200000',
    ]);
  });

  it('reads a list counted as 涉及项目N个 (t795)', async () => {
    expect(await budgets('年中追加项目资金60万元，涉及项目2个，其中：一次性抚恤金及丧葬费补助资金40万元；物资储备工作会议经费20万元。')).toEqual([
      '一次性抚恤金及丧葬费补助资金 400000', '物资储备工作会议经费 200000',
    ]);
  });

  it('ends a list where its items add up to its whole: the next whole opens its own, 分别为 with no colon (t796)', async () => {
    expect(await budgets('项目支出安排预算为100万元，其中：一是粮食风险基金60万元，分别为成品粮调控储备经费40万元、食用植物油储备经费20万元；二是本局粮食专项业务经费40万元，分别为粮食流通监督检查经费15万元、粮油质量安全监测经费25万元。')).toEqual([
      '成品粮调控储备经费 400000', '食用植物油储备经费 200000', '粮食流通监督检查经费 150000', '粮油质量安全监测经费 250000',
    ]);
  });

  it('counts for a list\'s sum an item an earlier list named, the project keeping its first statement (t795)', async () => {
    expect(await budgets('上年结转项目2个，预算资金为10万元，即：救灾物资调运经费6万元、往年结余补助资金4万元。\n年中追加项目资金30万元，涉及项目2个，其中：物资储备工作会议经费15万元；救灾物资调运经费15万元。')).toEqual([
      '救灾物资调运经费 60000', '往年结余补助资金 40000', '物资储备工作会议经费 150000',
    ]);
  });
});

describe('named.project.summed_part: a whole, "其中", and parts that add up to it exactly', () => {
  it('lists projects whose amounts add up to the whole before their 其中, the last one in 万 alone', async () => {
    const p = await projectsOf('2023年中央财政下达我市救助补助资金100万元,其中,甲县道路项目50万元;乙县桥梁项目30.5万元;救助站建设项目19.5万。');
    expect(p).toEqual([
      ['甲县道路项目', 500000, null, 'named.project.summed_part'],
      ['乙县桥梁项目', 305000, null, 'named.project.summed_part'],
      ['救助站建设项目', 195000, null, 'named.project.summed_part'],
    ]);
  });

  it('leaves allocations named by a place or a category (an unsettled label convention), though they add up', async () => {
    expect(await projectsOf('2023年中央财政下达我市救助补助资金100万元,其中,甲县50万元;乙县30.5万元;救助站19.5万。')).toEqual([]);
    expect(await projectsOf('共下达资金100万元，其中老年人福利类60万元；残疾人福利类30万元；儿童福利类10万元。')).toEqual([]);
  });

  it('lists three parts or more named by the works they pay for, none by a place or a category', async () => {
    const p = await projectsOf('投入民生设施建设的公益金达100万元。其中敬老院建设配套资金50万元；儿童中心建设经费30万元；老年设施改造15万元；儿童之家5万元。');
    expect(p.map(([name, budget]) => `${name} ${budget}`)).toEqual(['敬老院建设配套资金 500000', '儿童中心建设经费 300000', '老年设施改造 150000', '儿童之家 50000']);
    expect(new Set(p.map((x) => x[3]))).toEqual(new Set(['named.project.summed_part']));
    // one part named by a place, or fewer than two thirds naming a work: no list
    expect(await projectsOf('投入公益金100万元。其中敬老院建设配套资金50万元；甲县30万元；老年设施改造20万元。')).toEqual([]);
    expect(await projectsOf('投入公益金100万元。其中敬老院建设配套资金50万元；儿童之家30万元；老年活动室20万元。')).toEqual([]);
  });

  it('lists parts of a whole that names them projects (项目资金), though no part prints 项目 or a work', async () => {
    const p = await projectsOf('2021年，我单位共申报项目资金215.00万元，其中：政务运作工作经费15.00万元，环境监测经费100.00万元，生态环境专项整治行动资金100.00万元。');
    expect(p.map(([name, budget]) => `${name} ${budget}`)).toEqual(['政务运作工作经费 150000', '环境监测经费 1000000', '生态环境专项整治行动资金 1000000']);
    // or names them between itself and the mark
    const q = await projectsOf('2021年，我单位共获得资金215.00万元，用于3个项目，其中：政务运作工作经费15.00万元，环境监测经费100.00万元，生态环境专项整治行动资金100.00万元。');
    expect(q.map(([name]) => name)).toEqual(['政务运作工作经费', '环境监测经费', '生态环境专项整治行动资金']);
    // a whole that names no projects, or parts named by a place: no list
    expect(await projectsOf('2021年，我单位共申报资金215.00万元，其中：政务运作工作经费15.00万元，环境监测经费100.00万元，生态环境专项整治行动资金100.00万元。')).toEqual([]);
    expect(await projectsOf('共下达项目资金100万元，其中：甲县50万元，乙县30万元，丙镇20万元。')).toEqual([]);
    // fees are the spending's economic classes, not projects
    expect(await projectsOf('2023年项目支出300万元，其中：专项业务费150万元，设备购置费100万元，委托业务费50万元。')).toEqual([]);
  });

  it('names a part stated by its verb alone (安排使用X，重点保障Y) by the use after its amount', async () => {
    const p = await projectsOf('本级彩票公益金控制使用额度为100万元。其中，安排使用60万元，重点保障老年人供养工作；安排使用30万元，重点支持儿童福利机构；安排使用10万元，支持社会公益事业发展，提高服务水平。');
    expect(p.map(([name, budget]) => `${name} ${budget}`)).toEqual(['保障老年人供养工作 600000', '支持儿童福利机构 300000', '支持社会公益事业发展 100000']);
    // with no use after its amount a verb names nothing: no list
    expect(await projectsOf('本级彩票公益金控制使用额度为100万元。其中，安排使用60万元；安排使用30万元；安排使用10万元。')).toEqual([]);
  });

  it('reads the parts of a spending as spent, the whole a sentence before its 其中', async () => {
    const p = await projectsOf('用于群众体育支出20万元，占总数的100.0%。其中:用于援建公共体育场地和设施12.5万元；用于资助或组织开展全民健身活动7.5万元。');
    expect(p).toEqual([
      ['援建公共体育场地和设施', null, 125000, 'named.project.summed_part'],
      ['资助或组织开展全民健身活动', null, 75000, 'named.project.summed_part'],
    ]);
  });

  it('names a part by the text before its count, and pairs a part\'s second amount stated as spent', async () => {
    const p = await projectsOf('资助项目12个，资金90万元，其中，敬老院建设项目5个，金额40万元，支出38万元；文化场所项目4个，金额30万元；其他3个，金额20万元。');
    expect(p).toEqual([
      ['敬老院建设项目', 400000, 380000, 'named.project.summed_part'],
      ['文化场所项目', 300000, null, 'named.project.summed_part'],
      ['其他', 200000, null, 'named.project.summed_part'],
    ]);
  });

  it('abstains when the parts miss the whole, or are funds, income, levels or the budget\'s own steps', async () => {
    expect(await projectsOf('下达资金100万元，其中，甲县50万元；乙县30万元；丙县10万元。')).toEqual([]);
    expect(await projectsOf('收到资金100万元，其中：中央财政资金60万元；省级资金30万元；县级资金10万元。')).toEqual([]);
    expect(await projectsOf('本年收入100万元，其中：财政拨款收入60万元；事业收入30万元；其他收入10万元。')).toEqual([]);
    expect(await projectsOf('共筹集公益金100万元。其中市本级留成60万元；各县留成40万元。')).toEqual([]);
    expect(await projectsOf('筹集公益金100万元，其中：上缴中央50万元；省级留成30万元；市县20万元。')).toEqual([]);
    expect(await projectsOf('安排公益金100万元，其中：福彩公益金50万元；体彩公益金30万元；残疾人事业项目20万元。')).toEqual([]);
    expect(await projectsOf('2022年预算69.06万元，其中年初预算57.28万元，调整追加11.78万元。')).toEqual([]);
    // An income's parts are its sources, whatever they are called.
    expect(await projectsOf('本年收入100万元，其中：甲项目60万元；乙项目30万元；丙项目10万元。')).toEqual([]);
  });

  it('takes two parts only when both name a project or a use', async () => {
    expect(await projectsOf('政府债务余额100亿元，其中：一般债务60亿元，专项债务40亿元。')).toEqual([]);
    expect(await projectsOf('下达资金100万元，其中：河道治理工程60万元，水库维修项目40万元。')).toHaveLength(2);
  });
});

describe('named.project.restated: a listed project\'s budget stated again', () => {
  it('gives the sentence that restates it its spending', async () => {
    const p = await projectsOf('共下达资金100万元，其中老年人福利项目60万元，用于养老机构；残疾人福利项目30万元；儿童福利项目10万元。\n1.老年福利项目资金60万元，资金使用28.8万元。\n2.残疾人福利项目资金30万元，资金使用6.81万元。');
    expect(p).toEqual([
      ['老年人福利项目', 600000, 288000, 'named.project.summed_part'],
      ['残疾人福利项目', 300000, 68100, 'named.project.summed_part'],
      ['儿童福利项目', 100000, null, 'named.project.summed_part'],
    ]);
  });

  it('leaves an amount two projects share, or one whose sentence does not echo the name', async () => {
    const shared = await projectsOf('共下达资金90万元，其中甲县道路项目30万元；乙县桥梁项目30万元；丙县水利项目30万元。\n1.道路资金30万元，资金使用20万元。');
    expect(shared.every((x) => x[2] === null)).toBe(true);
    const unnamed = await projectsOf('共下达资金100万元，其中老年人福利类60万元；残疾人福利类30万元；儿童福利类10万元。\n1.本批资金60万元，资金使用28.8万元。');
    expect(unnamed.every((x) => x[2] === null)).toBe(true);
  });
});

describe('a department\'s report naming a spending by its project', () => {
  it('reads "(1)X项目支出Y元" as the project\'s spending, and the amounts its use lists as no project\'s', async () => {
    const r = await recordOf('某图书馆2023年部门整体支出绩效自评报告\n2、项目支出\n(1)免费开放项目支出251384.66元,主要用于商品和服务支出中办公费支出34000.00元,维修(护)费61200.00元。');
    expect(r.figures.projects.map((p) => [p.name, p.budget?.value ?? null, p.execution?.value ?? null, p.rule])).toEqual([
      ['免费开放', null, 251384.66, 'named.project.spending'],
    ]);
    expect(r.figures.byNature).toEqual([]);
  });

  it('leaves the nature 项目支出 of a fund or of the year alone', async () => {
    const r = await recordOf('某局2023年部门整体支出绩效自评报告\n本年支出合计300万元，其中基本支出200万元，财政拨款项目支出100万元。');
    expect(r.figures.projects).toEqual([]);
  });
});

describe('named.project.clause: the project named in the amount\'s own clause', () => {
  it('reads "X项目全年预算数 Y" and leaves a project named in an earlier clause of the sentence', async () => {
    expect(await projectsOf('某局2023年部门整体支出绩效自评报告\n党建工作经费项目全年预算数50万元。')).toEqual([['党建工作经费', 500000, null, 'named.project.clause']]);
    expect(await projectsOf('关于下达彩票公益金预算的通知\n根据收支规划和2021年项目安排的意见,现下达彩票公益金预算292800万元。')).toEqual([]);
  });
});

describe('named.project.announced_part: parts announced by name after their whole, then stated in order', () => {
  it('lists the stated parts when they repeat the announced names and add up to the whole', async () => {
    const p = await projectsOf(
      '去年共销售福利彩票38.08亿元，共使用5.04亿元，主要用于养老服务类和困难群众保障、社区公益类项目、其他社会福利类项目等三类支出。\n养老服务类和困难群众保障的支出为3.96亿元，使用范围包括老年公寓等。社区公益类支出0.79亿元，占总支出的16%。其他社会福利类支出0.29亿元，用于儿童福利院等。',
    );
    expect(p).toEqual([
      ['养老服务类和困难群众保障', null, 396000000, 'named.project.announced_part'],
      ['社区公益类', null, 79000000, 'named.project.announced_part'],
      ['其他社会福利类', null, 29000000, 'named.project.announced_part'],
    ]);
  });

  it('lists nothing when the parts do not add up, a name is not repeated, or the count disagrees', async () => {
    const text = (whole: string, third: string, count: string) =>
      `去年共销售福利彩票38.08亿元，共使用${whole}亿元，主要用于养老服务类和困难群众保障、社区公益类项目、其他社会福利类项目等${count}类支出。\n养老服务类和困难群众保障的支出为3.96亿元。社区公益类支出0.79亿元。${third}支出0.29亿元。`;
    expect(await projectsOf(text('5.14', '其他社会福利类', '三'))).toEqual([]);
    expect(await projectsOf(text('5.04', '救助管理站', '三'))).toEqual([]);
    expect(await projectsOf(text('5.04', '其他社会福利类', '四'))).toEqual([]);
  });
});

describe('named.project.line: one project a line, three lines or more, each stating its budget', () => {
  const line = (i: number, name: string, amount: string, clause = '总投资') => `指标${i}:${name}项目,占地面积500平方米,设置床位20张,${clause}${amount}万元。`;
  it('lists each line\'s project and budget', async () => {
    const p = await projectsOf(['一、项目概况', line(1, '甲村日间照料中心', '216.42'), line(2, '乙村日间照料中心', '203.71'), line(3, '丙村日间照料中心', '203.09'), '二、绩效目标'].join('\n'));
    expect(p).toEqual([
      ['甲村日间照料中心项目', 2164200, null, 'named.project.line'],
      ['乙村日间照料中心项目', 2037100, null, 'named.project.line'],
      ['丙村日间照料中心项目', 2030900, null, 'named.project.line'],
    ]);
  });

  it('lists nothing from two lines, or when a line states no budget or two amounts', async () => {
    expect(await projectsOf([line(1, '甲村日间照料中心', '216.42'), line(2, '乙村日间照料中心', '203.71')].join('\n'))).toEqual([]);
    expect(await projectsOf([line(1, '甲村日间照料中心', '216.42'), line(2, '乙村日间照料中心', '203.71', '已支付'), line(3, '丙村日间照料中心', '203.09')].join('\n'))).toEqual([]);
    expect(await projectsOf([line(1, '甲村日间照料中心', '216.42'), line(2, '乙村日间照料中心', '203.71', '预算100万元,总投资'), line(3, '丙村日间照料中心', '203.09')].join('\n'))).toEqual([]);
  });
});

describe('named.project.enumerated: three projects or works enumerated with 、 after an allocation verb', () => {
  it('lists each enumerated project with its budget', async () => {
    const p = await projectsOf('下达专项资金指标1984万元。另外单独下达戴南高中校园供水系统改造110万元、董北实小校园建设300万元、新生中心小学基建项目263万元。');
    expect(p).toEqual([
      ['戴南高中校园供水系统改造', 1100000, null, 'named.project.enumerated'],
      ['董北实小校园建设', 3000000, null, 'named.project.enumerated'],
      ['新生中心小学基建项目', 2630000, null, 'named.project.enumerated'],
    ]);
  });

  it('lists nothing from two items, an item naming no work, a place or a fund, or a clause that goes on', async () => {
    const first = '另外单独下达戴南高中校园供水系统改造110万元、';
    const variants = ['董北实小校园建设300万元。', '董北实验小学300万元、新生中心小学基建项目263万元。', '董北镇300万元、新生中心小学基建项目263万元。', '省级补助资金300万元、新生中心小学基建项目263万元。', '董北实小校园建设300万元、新生中心小学基建项目263万元左右。'];
    for (const rest of variants) expect(await projectsOf(first + rest), rest).toEqual([]);
  });
});

describe('named.project.numbered_part: a whole, a list mark, and numbered lines adding up to it', () => {
  const lines = (items: string[]) => items.map((x, i) => `${i + 1}.${x}`).join('\n');
  it('lists numbered projects whose amounts add up to the whole within its printed rounding', async () => {
    const p = await projectsOf(`全年共资助公益事业项目1,200个，资助公益金1.2亿元。主要是：\n${lines([
      '资助县以上福利院、老年公寓等项目170个,资助资金5,000.4万元。',
      '资助养老服务补贴项目155个, 资助对象3.5万人,资助资金4,000万元。',
      '资助社区服务设施项目1,135个,资助资金3,020.1万元。',
    ])}`);
    expect(p).toEqual([
      ['县以上福利院、老年公寓等项目', 50004000, null, 'named.project.numbered_part'],
      ['养老服务补贴项目', 40000000, null, 'named.project.numbered_part'],
      ['社区服务设施项目', 30201000, null, 'named.project.numbered_part'],
    ]);
  });

  it('abstains when the lines miss the whole, name no project, or follow no list mark', async () => {
    const items = lines(['资助福利院项目,资助资金50万元。', '资助养老补贴项目,资助资金40万元。', '资助社区设施项目,资助资金30万元。']);
    expect(await projectsOf(`资助公益金130万元。主要是：\n${items}`)).toEqual([]);
    expect(await projectsOf(`资助公益金120万元。\n${items}`)).toEqual([]);
    expect(await projectsOf(`支出120万元。主要是：\n${lines(['办公设备购置50万元。', '人员培训40万元。', '车辆维修30万元。'])}`)).toEqual([]);
  });
});

describe('named.project.numbered_paragraph', () => {
  const text = `某县2021年重点项目绩效评价报告\n1、南村农田道路建设项目,铺建砂石路11公里、修建4个桥涵以及配套设施。2021年下达财政专项扶贫资金197万元,截止到2021年12月31日,实际已支付186.98万元,支付完成率为94.91%。\n2、北村村内干道,巷道路面硬化建设项目,已修建村组道路5.7公里。2021年下达中央财政衔接推进乡村振兴衔接资金300万元,实际已支付289.14万元。\n`;
  it('reads a numbered paragraph that opens with a project and states its budget and spending later (t563)', async () => {
    const r = await recordOf(text);
    expect(r.figures.projects.map((p) => [p.budget?.value, p.execution?.value])).toEqual([
      [1970000, 1869800],
      [3000000, 2891400],
    ]);
    // the items' amounts are no headline figures
    expect(r.figures.budget).toBeNull();
    expect(r.figures.execution).toBeNull();
  });
  it('takes only the first amount of the paragraph, and only one stated as a budget', async () => {
    const r = await recordOf('某县2021年重点项目绩效评价报告\n1、南村农田道路建设项目,实际已支付186.98万元。\n2、北村道路硬化建设项目,建成道路3公里,群众满意度95%。\n');
    expect(r.figures.projects).toEqual([]);
  });
  it('reads a paragraph headed by what it reports of its project, its number perhaps alone on the line above (t797)', async () => {
    const r = await recordOf('(一)项目绩效目标完成情况\n(1)\n信访补贴项目绩效目标完成情况综述。项目全年预算数2.03万元,执行数为2.03万元,完成预算的100%。\n(2)信访事务(宣传费)项目绩效目标完成情况综述。项目全年预算数2万元,执行数为1.5万元,完成预算的75%。\n');
    expect(r.figures.projects.map((p) => [p.name, p.budget?.value, p.execution?.value])).toEqual([
      ['信访补贴项目', 20300, 20300],
      ['信访事务(宣传费)项目', 20000, 15000],
    ]);
  });
});

describe('projectInClause: a unit speaking of itself names no project (t876)', () => {
  it('reads "我局项目执行金额" as the unit\'s projects as a whole, and a named project still as one', async () => {
    const { projectInClause } = await import('../../../src/extract/roles/rules.js');
    expect(projectInClause('至2023年底我局项目执行')).toBeNull();
    expect(projectInClause('截至年底本单位项目支出')).toBeNull();
    expect(projectInClause('全年全局项目预算')).toBeNull();
    expect(projectInClause('道路维修项目预算')).toBe('道路维修');
  });
  it('keeps a department report\'s execution of all its projects its headline', async () => {
    const r = await recordOf('某市农业农村局关于2023年度项目绩效自评工作的报告\n2023年预算安排我局专项资金项目共计113个,财政资金3267.28万元。至2023年底我局项目执行金额2856.63万元,执行率87.43%。\n');
    expect(r.report.kind).toBe('department_overall');
    expect(r.figures.execution?.value).toBe(28566300);
    expect(r.figures.projects).toEqual([]);
  });
});
