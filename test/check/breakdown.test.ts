/** Issue 16: "X 万元，其中 A 万元、B 万元…" in one sentence adds up, to the printed precision. */
import { describe, expect, it } from 'vitest';
import { checkBreakdowns } from '../../src/check/breakdown.js';
import { normalizeDocument } from '../../src/normalize/normalize.js';

describe('sum.breakdown', () => {
  it('gives its figures the page they stand on when it has the document', () => {
    const doc = normalizeDocument({
      format: 'pdf',
      pages: [1, 2].map((number) => ({ number, chars: 40, needsOcr: false })),
      blocks: [
        { kind: 'paragraph', text: '一、基本情况', page: 1 },
        { kind: 'paragraph', text: '收到财政资金共2330.9万元，其中：中央资金1372.7万元，地方资金98.6万元，其他资金859.6万元。', page: 2 },
      ],
      warnings: [],
    });
    const [r] = checkBreakdowns(doc.text, doc);
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'pass' });
    expect(r!.evidence.map((e) => e.evidence.page)).toEqual([2, 2, 2, 2]);
    expect(r!.evidence[0]!.evidence.rawStart).toBeTypeOf('number');
  });

  it('reads the whole of a 其中 line from the sentence before the line break (t316: "…合计562.21万元…。\\n其中：…")', () => {
    const text = '2022年度收入合计562.21万元,较上年决算数减少70.62万元,下降11.2%,主要原因是绩效工资减少等。\n其中:财政拨款收入560.44万元,占99.5%;事业收入1.77万元,占0.3%。';
    const results = checkBreakdowns(text);
    expect(results.map((r) => [r.rule, r.status])).toEqual([
      ['sum.breakdown', 'pass'],
      ['share.of_whole', 'fail'],
      ['share.of_whole', 'pass'],
    ]);
    expect(results[1]!.evidence.map((e) => e.text)).toEqual(['99.5%', '560.44万元', '562.21万元']);
  });

  it('passes fund sources that add up (r52)', () => {
    const text = '2023年收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金859.6万元。';
    const [r] = checkBreakdowns(text);
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'pass' });
    expect(r!.evidence.map((e) => [e.role, e.text, text.slice(e.evidence.start, e.evidence.end)])).toEqual([
      ['total', '2330.9万元', '2330.9万元'],
      ['part', '1372.7万元', '1372.7万元'],
      ['part', '98.6万元', '98.6万元'],
      ['part', '859.6万元', '859.6万元'],
    ]);
  });

  it('keeps a part named by its paying level although a clause word stands in its name (t553: 省级财政安排补助资金)', () => {
    const text = '用于公租房保障和棚户区改造共计128.79亿元,其中,中央财政专项资金49.24亿元,中央预算内基建投资65.50亿元,省级财政安排补助资金14.05亿元。';
    const [r] = checkBreakdowns(text);
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'pass' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['128.79亿元', '49.24亿元', '65.50亿元', '14.05亿元']);
    // and the part still counts: one 亿元 off is caught
    expect(checkBreakdowns(text.replace('14.05', '15.05'))[0]).toMatchObject({ rule: 'sum.breakdown', status: 'fail' });
    // a clause that is not a level's fund still ends the list
    expect(checkBreakdowns('资金共计100万元,其中,中央资金60万元,省级资金40万元,全年实际支出90万元。')[0]!.evidence.map((e) => e.text)).toEqual(['100万元', '60万元', '40万元']);
  });

  it('fails sources short of their whole by tens of 万元 (possible: the list may be partial) and by a cent', () => {
    const short = '实际到位资金2330.9万元，其中：中央资金1372.7万元，地方资金68.6万元，自筹资金859.6万元。';
    expect(checkBreakdowns(short)[0]).toMatchObject({ status: 'fail', certainty: 'possible' });
    // a list closed by 其他资金 leaves nothing out: the shortfall is surely a slip
    expect(checkBreakdowns(short.replace('自筹资金', '其他资金'))[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(checkBreakdowns(short.replace('自筹资金', '其他资金').replace('68.6', '98.6'))[0]).toMatchObject({ status: 'pass' });
    // to the fen, money is exact: one fen short is short
    const cent = '实际到位资金1000000.00元，其中：中央资金600000.00元、省级资金399999.99元。';
    expect(checkBreakdowns(cent)[0]).toMatchObject({ status: 'fail', certainty: 'possible' });
    // in 万元 to two decimals, one hundredth of a 万元 is within the rounding of three figures
    const rounded = '实际到位资金100.00万元，其中：中央资金60.00万元、省级资金39.99万元。';
    expect(checkBreakdowns(rounded)[0]).toMatchObject({ status: 'pass' });
  });

  it('reads a bare 0 part at its siblings’ precision, so its half-unit cannot absorb a slip (t440)', () => {
    const holds = '2022年本年支出合计4143.91万元,其中:基本支出1140.27万元,项目支出3003.64万元;上缴上级支出0万元。';
    expect(checkBreakdowns(holds)[0]).toMatchObject({ status: 'pass' });
    const slipped = holds.replace('1140.27', '1140.34');
    expect(checkBreakdowns(slipped)[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
  });

  it('fails definite a procurement total short of its goods, works and services, the three kinds it is made of (t758)', () => {
    const short = '2019年,我局政府采购支出总额121万元,其中:政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出100万元。';
    expect(checkBreakdowns(short)[0]).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' });
    expect(checkBreakdowns(short.replace('121万元', '100万元'))[0]).toMatchObject({ status: 'pass' });
    // two of the three kinds may leave the third out: a warning only
    const two = '政府采购支出总额121万元,其中:政府采购货物支出21万元、政府采购服务支出90万元。';
    expect(checkBreakdowns(two)[0]).toMatchObject({ status: 'warn', certainty: 'possible' });
  });

  it('reads a part whose name brackets places listed with 、 (t083: 县(市、区)财政配套资金)', () => {
    const text = '项目建设预计总投资7450万元,其中中央财政资金6000万元,县(市、区)财政配套资金1450万元。';
    expect(checkBreakdowns(text)[0]).toMatchObject({ status: 'pass', detail: { parts: ['中央财政资金', '县(市、区)财政配套资金'] } });
    expect(checkBreakdowns(text.replace('1450万元', '1550万元'))[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
  });

  it('reads no whole for a 其中 sentence when the sentence before states two quantities (t434); a change or a bracket\'s inclusion is none (t438)', () => {
    expect(checkBreakdowns('2019年我市共销售福利彩票4.2亿元,筹集福利彩票公益金4331.09万元。其中市本级留成2470.15万元;各县留成1860.94万元。')).toEqual([]);
    const included = '用于群众体育支出18.7739万元(含上年度结转3.58万元),占总数的100.0%。其中:用于援建公共体育场地和设施11.7799万元;用于资助或组织开展全民健身活动6.994万元。';
    expect(checkBreakdowns(included).filter((r) => r.rule === 'sum.breakdown')).toMatchObject([{ status: 'pass' }]);
    const changed = '2022年度收入合计562.21万元,较上年决算数减少70.62万元,下降11.2%。其中:财政拨款收入560.44万元,事业收入1.77万元。';
    expect(checkBreakdowns(changed).filter((r) => r.rule === 'sum.breakdown')).toMatchObject([{ status: 'pass' }]);
  });

  it('reads parts listed in a bracket after their whole ("X万元（其中…）") and after 包括 or 资金来源为', () => {
    expect(checkBreakdowns('下达资金100万元（其中中央资金60万元、省级资金30万元、县级资金20万元）。')[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(checkBreakdowns('下达资金110万元（其中中央资金60万元、省级资金30万元、县级资金20万元）。')[0]).toMatchObject({ status: 'pass' });
    expect(checkBreakdowns('全年预算资金100万元，包括中央资金60万元、省级资金30万元、县级资金20万元。')[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(checkBreakdowns('项目总投资100万元，资金来源为：中央资金60万元、省级资金30万元、县级资金20万元。')[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
  });

  it('reads on past a share printed in a bracket after its part ("60万元（占60%），省级…")', () => {
    const text = '项目资金100万元，其中：中央财政资金60万元（占60%），省级财政资金30万元（占30%），县级财政资金20万元（占20%）。';
    expect(checkBreakdowns(text).find((r) => r.rule === 'sum.breakdown')).toMatchObject({ status: 'fail', certainty: 'definite', detail: { parts: ['中央财政资金', '省级财政资金', '县级财政资金'] } });
    // an amount inside a bracket of its own is no share: the list stops there
    const inner = '中央资金60万元（其中提前下达50万元）、省级资金30万元。';
    expect(checkBreakdowns(inner).filter((r) => r.rule === 'sum.breakdown' && r.status === 'fail' && r.certainty === 'definite')).toEqual([]);
  });

  it('reads a total stated after its parts ("…，共计下达61.8万元", t202) when every part names a fund level or kind', () => {
    const t202 = '下达中央财政资金30.9万元,县财政资金30.9万元,共计下达61.8万元。';
    expect(checkBreakdowns(t202)).toMatchObject([{ rule: 'sum.breakdown', status: 'pass' }]);
    expect(checkBreakdowns(t202.replace('61.8', '51.8'))).toMatchObject([{ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' }]);
    // short of the total: the list may leave a level out, as "其中" lists are read
    expect(checkBreakdowns(t202.replace('61.8', '71.8'))).toMatchObject([{ rule: 'sum.breakdown', status: 'fail', certainty: 'possible' }]);
    // parts of other kinds, or an amount before them, leave the total's parts untold
    expect(checkBreakdowns('购置设备60万元,维修房屋30万元,合计100万元。')).toEqual([]);
    expect(checkBreakdowns('项目总投资200万元,中央资金60万元,省级资金30万元,合计100万元。').filter((r) => r.status === 'fail')).toEqual([]);
  });

  it('fails parts above their whole (definite)', () => {
    const over = '全年实际支出1595.59万元，其中基本支出890.4万元，项目支出715.19万元。';
    expect(checkBreakdowns(over)[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
  });

  it('only warns (possible) on a short list of other parts, which may be partial; nothing of adjustments or without a whole', () => {
    const partial = checkBreakdowns('归还政府债务本金10870万元，其中：一般债券4425万元，向外国政府借款17万元，向国际组织借款190万元。');
    expect(partial.map((r) => [r.status, r.certainty])).toEqual([['warn', 'possible']]);
    expect(checkBreakdowns('下达资金1.53万元，其中：森林生态效益补偿资金调减2.66万元，造林补助2.42万元。')).toEqual([]);
    expect(checkBreakdowns('项目已完成。其中中央资金50万元，地方资金30万元。')).toEqual([]);
    // a sentence opening with 其中 continues the previous one
    expect(checkBreakdowns('收到资金100万元。其中中央资金50万元，地方资金30万元。')[0]).toMatchObject({ status: 'fail', certainty: 'possible' });
  });

  it('reads a fund part printed "N万" (元 dropped) among 万元 amounts, and a part named by the year of its 结余 (t554)', () => {
    const [r] = checkBreakdowns('补贴资金预算数60万元,其中包括兵团补贴资金60万, 2018年度补贴结余资金12.664万元。');
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['60万元', '60万', '12.664万元']);
    expect(checkBreakdowns('补贴资金预算数72.664万元,其中包括兵团补贴资金60万, 2018年度补贴结余资金12.664万元。')[0]).toMatchObject({ status: 'pass' });
  });

  it('reads "N万" only as a fund\'s part among 万元 amounts, never as a whole; a year opens a clause unless a 结余/结转 follows it', () => {
    // 覆盖60万 (people, most likely) is no fund
    expect(checkBreakdowns('项目资金80万元，其中中央资金60万元，覆盖60万，地方资金30万元。').map((r) => r.evidence.length)).not.toContain(4);
    expect(checkBreakdowns('项目资金80万，其中中央资金50万元，地方资金20万元。')).toEqual([]);
    expect(checkBreakdowns('资金总数60万，其中兵团资金60万，结余资金12万。')).toEqual([]);
    expect(checkBreakdowns('项目资金100万元，其中中央资金60万元，2020年度支出50万元。').map((r) => r.evidence.length)).not.toContain(3);
  });

  it('stops a list where its parts make the whole (the next clause is not a part)', () => {
    const text = '债务余额164234万元,其中:一般债务102696万元,专项债务61538万元,省财政厅核定我县政府法定债务限额164635万元';
    expect(checkBreakdowns(text).map((r) => [r.rule, r.status, r.evidence.length])).toEqual([['sum.breakdown', 'pass', 3]]);
  });
});

describe('share.of_whole', () => {
  // the shapes of two published slips of 2024 决算 narratives (realpdf: 普陀区财政局, 区委社会工作部)
  const text = (first: string, housing: string) =>
    `支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占${first}；社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占${housing}。`;

  it('fails a share printed wrong (2106.66 ÷ 2940.05 = 71.65%, printed 71.73%)', () => {
    const results = checkBreakdowns(text('71.73%', '15.16%'));
    const shares = results.filter((r) => r.rule === 'share.of_whole');
    expect(shares.map((r) => r.status)).toEqual(['fail', 'pass', 'pass', 'pass']);
    expect(shares[0]).toMatchObject({ certainty: 'definite' });
    expect(shares[0]!.evidence.map((e) => e.text)).toEqual(['71.73%', '2106.66万元', '2940.05万元']);
    expect(results.find((r) => r.rule === 'sum.breakdown')?.status).toBe('pass');
  });

  it('warns rate.truncated on a share cut off (445.69 ÷ 2940.05 = 15.159%, printed 15.15%)', () => {
    const results = checkBreakdowns(text('71.65%', '15.15%'));
    expect(results.filter((r) => r.status !== 'pass').map((r) => [r.rule, r.status])).toEqual([['rate.truncated', 'warn']]);
  });
});


describe('a breakdown in the next sentence (其中 opening it)', () => {
  it('reads the previous sentence’s first amount as the whole, and a 10^4 gap as a unit slip (r28)', () => {
    const text = '2021年支出6821.09751万元，比上年增加1276.128557万元。其中：基本支出2754.869651元，占比40.39%；项目支出4066.227859元，占比59.61%。';
    const results = checkBreakdowns(text);
    expect(results.map((r) => [r.rule, r.status, r.detail?.exact])).toEqual([['unit_slip', 'fail', true]]);
    expect(results[0]!.evidence.map((e) => e.text)).toEqual(['6821.09751万元', '2754.869651元', '4066.227859元']);
  });

  it("fails a 决算's income by type closed by 其他收入 that falls short of its 收入合计 (its 收入 lines are no fund sources, so this check reports them)", () => {
    const text = '2022年度收入合计562.21万元,较上年决算数减少70.62万元。其中:财政拨款收入560.44万元,事业收入0.77万元,其他收入0.50万元。';
    expect(checkBreakdowns(text)).toMatchObject([{ rule: 'sum.breakdown', status: 'fail', certainty: 'definite', detail: { parts: ['财政拨款收入', '事业收入', '其他收入'] } }]);
    expect(checkBreakdowns(text.replace('0.50万元', '1.00万元'))).toMatchObject([{ rule: 'sum.breakdown', status: 'pass' }]);
  });

  it("reads a 决算's income kinds to the last one, past the point where the first ones already make the whole", () => {
    const text = '2022年度收入合计6567.06万元。其中:财政拨款收入6567.06万元,事业收入0.00万元,经营收入0.00万元,其他收入1.00万元。';
    expect(checkBreakdowns(text)).toMatchObject([{ rule: 'sum.breakdown', status: 'fail', detail: { parts: ['财政拨款收入', '事业收入', '经营收入', '其他收入'] } }]);
    expect(checkBreakdowns(text.replace('其他收入1.00万元', '其他收入0.00万元'))).toMatchObject([{ rule: 'sum.breakdown', status: 'pass' }]);
  });

  it('says when the parts are off beyond the unit too', () => {
    const text = '2021年收入6821.09751万元，增长23.01%。其中：财政拨款资金收入5359.668673元，事业性收入1456.594624元，其他收入4.408577元。';
    const [r] = checkBreakdowns(text);
    expect(r).toMatchObject({ rule: 'unit_slip', status: 'fail', detail: { exact: false } });
  });
});
