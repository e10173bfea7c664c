/** The prose fallback (features.ts PROSE_FEATURES): budget and spending stated by the words of the whole clause. */
import { describe, expect, it } from 'vitest';
import { decision, recordOf, seen } from './record-of.js';

const firedOn = (r: Awaited<ReturnType<typeof recordOf>>, role: string) => decision(r, role).candidates.flatMap((c) => c.features.map((f) => f.id));
const proseOf = (r: Awaited<ReturnType<typeof recordOf>>, role: string) => firedOn(r, role).filter((id) => id.includes('.prose.'));

describe('budget.prose.到位一节 and 全额到位: the section on the money that arrived', () => {
  it('reads the one amount of a "项目资金到位情况" section, headed or only numbered, as the budget (t727)', async () => {
    for (const text of [
      '（一）项目资金情况\n1.项目资金到位情况。\n经市财政局审核，下发文件，到位资金2.6万元。\n2.项目资金执行情况。\n该项目严格按照制度管理。',
      '1.项目资金到位情况：实际到位资金 2.6 万元。\n2.项目资金执行情况：按计划执行。',
    ]) {
      const r = await recordOf(text);
      expect(r.figures.budget?.value, text).toBe(26000);
      expect(proseOf(r, 'budget'), text).toContain('budget.prose.到位一节');
    }
  });
  it('reads "全额拨付到位" and "足额拨付到位" as all of it arrived (t822)', async () => {
    for (const text of ['1、项目资金到位情况分析\n2023年培训项目专项资金92.4万元，全额拨付到位。\n2、项目资金管理情况', '2023年培训项目专项资金924000元，已足额拨付到位。其他情况良好。']) {
      const r = await recordOf(text);
      expect(r.figures.budget?.value, text).toBe(924000);
      expect(proseOf(r, 'budget'), text).toContain('budget.prose.全部到位');
    }
  });
  it('reads nothing from a section that states two amounts (应到位 and 实际到位, t132)', async () => {
    const r = await recordOf('1.项目资金到位情况。\n应到位资金36121万元，实际配套到位资金120030.14万元。\n2.项目资金执行情况。');
    expect(r.figures.budget).toBeNull();
  });
  it('reads nothing of an amount after the section (the next numbered line ends it)', async () => {
    const r = await recordOf('1.项目资金到位情况。\n资金已及时到位。\n2.项目资金执行情况。\n收到资金2.6万元。');
    expect(proseOf(r, 'budget')).not.toContain('budget.prose.到位一节');
  });
});

describe('money.prose.其中之后: the parts of a whole are no fallback budget (t796)', () => {
  const t796 = '2023年一般公共预算财政拨款收入项目支出安排预算为2814.76万元，其中：一是粮食风险基金2531.96万元，分别为州级专项资金2305.96万元、县级专项资金226万元；二是本局粮食专项业务经费282.8万元，分别为统计经费10万元、检查经费272.8万元。';
  it('takes neither an item after the whole\'s 其中 nor a later 二是/三是 item as the budget', async () => {
    // (without the feature the prose read the 二是 item's 282.8万元, its clause ending with 经费 and its parts following)
    const r = await recordOf(t796);
    expect(r.figures.budget).toBeNull();
  });
  it('leaves a fallback budget that no 其中 or enumeration precedes', async () => {
    const r = await recordOf('2023年全县财政专项业务经费282.8万元，其中：统计经费10万元，检查经费272.8万元。');
    expect(seen(r.figures.budget)).toEqual([2828000, '282.8万元']);
  });
});

describe('budget.prose: a sign in the clause and a second one after the amount', () => {
  it('reads a grant verb and its money anywhere in the clause, parts following after a bracket', async () => {
    const r = await recordOf('中央核定我省粮食风险基金规模5000.00万元(不含粮食直补)，其中：中央补助2000.00万元，地方自筹3000.00万元。');
    expect(seen(r.figures.budget)).toEqual([50000000, '5000.00万元']);
    expect(proseOf(r, 'budget')).toEqual(expect.arrayContaining(['budget.prose.下达资金', 'budget.prose.其后其中']));
  });

  it('reads 转移支付 as one name, not a payment', async () => {
    const r = await recordOf('某镇人民政府2023年度下达上级资金转移支付300.50万元。其中：中央级资金转移支付100.25万元，省级资金转移支付200.25万元。');
    expect(seen(r.figures.budget)).toEqual([3005000, '300.50万元']);
    expect(r.figures.execution).toBeNull();
  });

  it('reads money that arrived, parts following', async () => {
    const r = await recordOf('2023年区域协作经费市级财政实际到位资金120万元，其中：援藏经费20万元，援疆经费100万元。');
    expect(seen(r.figures.budget)).toEqual([1200000, '120万元']);
    expect(proseOf(r, 'budget')).toContain('budget.prose.资金到位');
  });

  it('reads the project of a fund (…经费项目) as the fund when its parts follow, not an item of a list', async () => {
    const r = await recordOf('2017年电视专题节目制作经费项目50万元,其中:商品和服务支出39.98万元,其他资本性支出10.02万元。');
    expect(seen(r.figures.budget)).toEqual([500000, '50万元']);
    expect(proseOf(r, 'budget')).toEqual(['budget.prose.资金结尾', 'budget.prose.其后其中']);
    const item = await recordOf('(2)2023年地方公共文化服务体系建设专项资金项目180200.00元,主要用于办公费支出16128.00元。');
    expect(item.figures.budget).toBeNull();
  });

  it('reads money named with no verb when "全部执行到位" follows it', async () => {
    const r = await recordOf('2023年度基本公共卫生服务资金900万元全部执行到位。');
    expect(seen(r.figures.budget)).toEqual([9000000, '900万元']);
    expect(proseOf(r, 'budget')).toEqual(['budget.prose.资金结尾', 'budget.prose.全部到位']);
  });

  it('reads money that arrived when the next clause states what was spent of it', async () => {
    const r = await recordOf('截至12月，扶持壮大村级集体经济项目资金到位50万元，已使用45万元。');
    expect(seen(r.figures.budget)).toEqual([500000, '50万元']);
    expect(seen(r.figures.execution)).toEqual([450000, '45万元']);
    expect(proseOf(r, 'budget')).toEqual(['budget.prose.资金到位', 'budget.prose.其后支出']);
  });

  it('reads 包含 after the amount as parts following', async () => {
    const r = await recordOf('2022年中央财政林业改革发展转移支付资金921.25万元，包含国有林管护补助、森林生态效益补偿。');
    expect(seen(r.figures.budget)).toEqual([9212500, '921.25万元']);
    expect(proseOf(r, 'budget')).toContain('budget.prose.其后其中');
  });

  it('takes no amount on one sign alone', async () => {
    const named = await recordOf('2023年度基本公共卫生服务资金900万元，用于村卫生室补助。');
    expect(named.figures.budget).toBeNull();
    // The fallback's ranking is kept only when it answers: the record still says no feature fired.
    expect(decision(named, 'budget').reason).toBe('not_applicable');
    const arrived = await recordOf('截至年底，项目资金到位50万元。');
    expect(arrived.figures.budget).toBeNull();
  });

  it('reads nothing where the document masks a transfer\'s amount (any amount shown may be one part)', async () => {
    const masked = '中央下达退耕还林资金 点击查看>> 万元。根据文件，核定我单位资金规模1.53万元，其中：抚育 点击查看>> 万元。';
    const r = await recordOf(masked);
    expect(r.figures.budget).toBeNull();
    expect(proseOf(r, 'budget')).toEqual([]);
    const shown = await recordOf('根据文件，核定我单位资金规模1.53万元，其中：抚育1.00万元，管护0.53万元。');
    expect(seen(shown.figures.budget)).toEqual([15300, '1.53万元']);
  });

  it('is not consulted when a label rule already found the budget', async () => {
    const r = await recordOf('全年预算数100万元。中央核定我省粮食风险基金规模5000.00万元，其中：中央补助2000.00万元，地方自筹3000.00万元。');
    expect(seen(r.figures.budget)).toEqual([1000000, '100万元']);
    expect(proseOf(r, 'budget')).toEqual([]);
  });
});

describe('execution.prose.支出资金', () => {
  it('reads a spending verb with the money it spends closing the clause', async () => {
    const paid = await recordOf('2022年实际完成农村危房改造264户，发放补助资金为278.8万元。');
    expect(seen(paid.figures.execution)).toEqual([2788000, '278.8万元']);
    expect(proseOf(paid, 'execution')).toEqual(['execution.prose.支出资金']);
    const built = await recordOf('共完成波型护栏1820米。下达资金56万元，实际完成投资54.6万元。');
    expect(seen(built.figures.execution)).toEqual([546000, '54.6万元']);
    expect(seen(built.figures.budget)).toEqual([560000, '56万元']);
  });

  it('reads 拨付 as spending only after 已/实际 (without, it is a transfer received)', async () => {
    const spent = await recordOf('区财政安排资金700万元。该项目已拨付工程款650万元，剩余工程款待审计后支付。');
    expect(seen(spent.figures.execution)).toEqual([6500000, '650万元']);
    const received = await recordOf('中央财政拨付工程款650万元，用于道路建设。');
    expect(received.figures.execution).toBeNull();
  });

  it('takes no arrangement to spend (安排使用) and no 完成 of anything but an investment', async () => {
    const arranged = await recordOf('民政部本级安排使用彩票公益金800万元，重点保障老年人福利。');
    expect(arranged.figures.execution).toBeNull();
    const done = await recordOf('本年度完成项目资金绩效目标申报，涉及资金80万元。');
    expect(proseOf(done, 'execution')).toEqual([]);
  });
});
