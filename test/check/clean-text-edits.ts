/**
 * Hand edits of clean shared and tune texts that give them the shape of a published slip of the new batches
 * (issue 16), so each shape is covered on our own corpus: the edit must make a definite failed check
 * cite the edited figure; a rounding-neutral edit of the same relation must raise nothing that cites
 * it. Each edit was redone by hand with exact decimals. (The seed's own edits: SEED_EDITS in mutate.ts.)
 */
import type { CheckResult } from '../../src/schema/record.js';
import { applySeedEdit, isDefiniteFail, type AnalyzeFn, type LabelledText, type SeedEdit } from './mutate.js';

export interface CleanTextEdit extends SeedEdit {
  /** The clean shared or tune text edited. */
  id: string;
  /** The published slip whose shape the edit gives the text. */
  shape: string;
  /** The rule that must report a breaking edit. */
  rule: string;
}

/** t464's 年度资金总额 row from its 分值 on, and the fund rows after it to the end of the text. */
const T464_TOTAL_ROW_ON = '10 |\n100.00% |\n10.00 |\n||||\n其中:本年财政拨款 |\n4000 |\n4000 |\n4000 |\n— |\n|\n|\n||||\n上年结转资金 |\n0 |\n0 |\n0 |\n— |\n|\n|\n||||\n其他资金 |\n0 |\n0 |\n0 |\n\n';

/** r52's spending by source, listed in the order of its receipts right after them. */
/** t516's 基本支出 by economic class, its opening words as printed (基本支…). */
const T516_BASIC = '基本支989312.11元,其中工资福利支出958359.61元;商品和服务支出30952.50元,';
/** The heading t516's sentences of the counted and totalled shapes are put before. */
const T516_HEADING = '(四)部门预算管理制度建设情况';

const R52_SPENT = '其他资金859.6万元2023年支出2310.4万元,其中中央资金1352.2万元,地方资金98.6万元,其他资金859.6万元';

export const CLEAN_TEXT_EDITS: readonly CleanTextEdit[] = [
  // t306's shape (parts of a length above the whole): 5480 + 220 = 5700 平方米 against 总建筑面积 5600
  { id: 't214', shape: 't306 measure parts', rule: 'sum.breakdown', name: 'measure part', from: '地下建筑面积120平方米', to: '地下建筑面积220平方米', cites: '220平方米', breaks: true },
  // 5480 + 120 = 5600 still meets 5601 ± 0.5 (whole square metres)
  { id: 't214', shape: 't306 measure parts', rule: 'sum.breakdown', name: 'measure whole within rounding', from: '总建筑面积5600平方米', to: '总建筑面积5601平方米', cites: '5601平方米', breaks: false },
  // t228's shape (items short of the amount they itemize): 1000 + 40 + 20 + 230 + 120 + 20 + 200 + 150 + 70 = 1850 against 1950
  { id: 't044', shape: 't228 itemized amount', rule: 'sum.breakdown', name: 'itemized item', from: '红河州环境监测经费220万元', to: '红河州环境监测经费120万元', cites: '120万元', breaks: true },
  // nine whole-万元 items: Σ 1950 ± 4.5 meets 1954 ± 0.5
  { id: 't044', shape: 't228 itemized amount', rule: 'sum.breakdown', name: 'itemized whole within rounding', from: '项目资金1950万元', to: '项目资金1954万元', cites: '1954万元', breaks: false },
  // t225's shape (an integer cell beside cells printed to the cent, the rate off at that precision):
  // 251.89 / 252.00 = 99.956% against 100.00% (read at ±0.5, 251.89 / [251.5, 252.5] meets it)
  { id: 'r03', shape: 't225 row precision', rule: 'form.execution_rate', name: 'integer budget cell', from: '总额 |\n238.93 |\n251.89 |\n251.89 |\n100.00%', to: '总额 |\n238.93 |\n252 |\n251.89 |\n100.00%', cites: '252', breaks: true },
  // 251.89 / 252.00 = 99.956% prints 99.96%
  { id: 'r03', shape: 't225 row precision', rule: 'form.execution_rate', name: 'integer budget cell, rate right', from: '总额 |\n238.93 |\n251.89 |\n251.89 |\n100.00%', to: '总额 |\n238.93 |\n252 |\n251.89 |\n99.96%', cites: '99.96%', breaks: false },
  // t401's shape (a fund row holding the total row's whole money, scored apart from it): 338.31 / 329.77
  // at 分值 10 is scored 10 on the total row and 9.0 on its 当年财政拨款 row
  { id: 't319', shape: 't401 fund row score', rule: 'form.fund_rows', name: 'fund row score', from: '| 10 | 102.59% | ||||||||\n其中:当年财政拨款 | 329.77 | 329.77 | 338.31 | — | 102.59% | —', to: '| 10 | 102.59% | 10 | |||||||\n其中:当年财政拨款 | 329.77 | 329.77 | 338.31 | 10 | 102.59% | 9.0', cites: '9.0', breaks: true },
  // the same row scoring the same 10 points, printed to one decimal
  { id: 't319', shape: 't401 fund row score', rule: 'form.fund_rows', name: 'fund row score alike', from: '| 10 | 102.59% | ||||||||\n其中:当年财政拨款 | 329.77 | 329.77 | 338.31 | — | 102.59% | —', to: '| 10 | 102.59% | 10 | |||||||\n其中:当年财政拨款 | 329.77 | 329.77 | 338.31 | 10 | 102.59% | 10.0', cites: '10.0', breaks: false },
  // Issue 16's 实际到位 shape (a column's total that is not the sum of its sources), on a 项目基本信息 table:
  // 4676 + 14145.06 + 0 + 0 = 18821.06 against 实际到位资金 18921.06
  { id: 't154', shape: 'issue 16 实际到位 sources', rule: 'sum.fund_sources', name: 'arrived total', from: '实际到位资金\n\n(万元)\n\n18821.06', to: '实际到位资金\n\n(万元)\n\n18921.06', cites: '18921.06', breaks: true },
  // the same source printed to the fen: 4676.00 + 14145.06 = 18821.06 still
  { id: 't154', shape: 'issue 16 实际到位 sources', rule: 'sum.fund_sources', name: 'arrived source to the fen', from: '其中:中央财政4676 其中:中央财政4676 其中:中央财政4676', to: '其中:中央财政4676 其中:中央财政4676.00 其中:中央财政4676', cites: '4676.00', breaks: false },
  // t363's shape (an over-fulfilment percentage computed wrongly), in a form row's 偏差原因 cell:
  // (87 − 80) ÷ 80 = 8.75% against 超额完成7.5%
  { id: 't070', shape: 't363 over-fulfilment', rule: 'indicator.over_fulfilment', name: 'over-fulfilment percent', from: '>=80人 |\n87人 |\n30 |\n|', to: '>=80人 |\n87人 |\n30 |\n超额完成7.5% |', cites: '7.5%', breaks: true },
  // 8.75% printed to one decimal, 四舍五入
  { id: 't070', shape: 't363 over-fulfilment', rule: 'indicator.over_fulfilment', name: 'over-fulfilment percent rounded', from: '>=80人 |\n87人 |\n30 |\n|', to: '>=80人 |\n87人 |\n30 |\n超额完成8.8% |', cites: '8.8%', breaks: false },
  // t566's shape (元 amounts under a 万元 header): the 年度资金总额 row of a county's form printed in 元,
  // 40000000.00 read as 万元 is 4000亿元, above what one local project has (every relation still holds)
  { id: 't464', shape: 't566 元 under 万元 header', rule: 'unit_slip', name: 'form amounts in 元', from: '年度资金总额: |\n4000 |\n4000 |\n4000 |', to: '年度资金总额: |\n40000000.00 |\n40000000.00 |\n40000000.00 |', cites: '40000000.00', breaks: true },
  // the same row printed to the fen in 万元 (bare, like t566's cells, but 4000万元): nothing to say
  { id: 't464', shape: 't566 元 under 万元 header', rule: 'unit_slip', name: 'form amounts to the fen in 万元', from: '年度资金总额: |\n4000 |\n4000 |\n4000 |', to: '年度资金总额: |\n4000.00 |\n4000.00 |\n4000.00 |', cites: '4000.00', breaks: false },
  // t554's shape (a part printed "N万", its 元 dropped, among 万元 amounts): 1087.56 + 53.15 = 1140.71 against 到位1130.71万元
  { id: 't178', shape: 't554 part without 元', rule: 'sum.breakdown', name: 'bare 万 part', from: '其中:财政衔接资金1077.56万元,预拨资金53.15万元', to: '其中:财政衔接资金1087.56万,预拨资金53.15万元', cites: '1087.56万', breaks: true },
  // the same part printed right without its 元: 1077.56 + 53.15 = 1130.71
  { id: 't178', shape: 't554 part without 元', rule: 'sum.breakdown', name: 'bare 万 part right', from: '其中:财政衔接资金1077.56万元,预拨资金53.15万元', to: '其中:财政衔接资金1077.56万,预拨资金53.15万元', cites: '1077.56万', breaks: false },
  // t554's shape (a part named by the year whose 结余 it is): 1077.56 + 63.15 = 1140.71 against 1130.71
  { id: 't178', shape: 't554 year-named part', rule: 'sum.breakdown', name: 'year-named 结余 part', from: '其中:财政衔接资金1077.56万元,预拨资金53.15万元', to: '其中:财政衔接资金1077.56万元,2019年度结余资金63.15万元', cites: '63.15万元', breaks: true },
  // 1077.56 + 53.15 = 1130.71
  { id: 't178', shape: 't554 year-named part', rule: 'sum.breakdown', name: 'year-named 结余 part right', from: '其中:财政衔接资金1077.56万元,预拨资金53.15万元', to: '其中:财政衔接资金1077.56万元,2019年度结余资金53.15万元', cites: '53.15万元', breaks: false },
  // t160's shape (a PDF dump set the total row's 执行率 apart, after the fund rows): the one computed
  // percent there is the row's when its 得分 follows (10 × min(105.00%, 100%) = 10.00), and 4000 ÷ 4000 is not 105.00%
  { id: 't464', shape: 't160 rate set apart', rule: 'form.execution_rate', name: 'rate set apart, wrong', from: T464_TOTAL_ROW_ON, to: T464_TOTAL_ROW_ON.replace('10 |\n100.00% |\n10.00 |', '10 |\n10.00 |').trimEnd() + '\n年度总体目标 105.00%\n', cites: '105.00%', breaks: true },
  // the same rate set apart, right
  { id: 't464', shape: 't160 rate set apart', rule: 'form.execution_rate', name: 'rate set apart, right', from: T464_TOTAL_ROW_ON, to: T464_TOTAL_ROW_ON.replace('10 |\n100.00% |\n10.00 |', '10 |\n10.00 |').trimEnd() + '\n年度总体目标 100.00%\n', cites: '100.00%', breaks: false },
  // t202's shape (a fund level listed as a part and named again, in the same sentence, with the whole's
  // amount): 中央资金 1372.7 of 2330.9万元, then "中央下达资金2330.9万元"
  { id: 'r52', shape: 't202 level restated', rule: 'restated', name: 'level named with the whole', from: '其他资金859.6万元2023年支出', to: '其他资金859.6万元,中央下达资金2330.9万元。2023年支出', cites: '2330.9万元', breaks: true },
  // the same level named again with its own amount, printed to one more decimal
  { id: 'r52', shape: 't202 level restated', rule: 'restated', name: 'level named again alike', from: '其他资金859.6万元2023年支出', to: '其他资金859.6万元,中央下达资金1372.70万元。2023年支出', cites: '1372.70万元', breaks: false },
  // t776's shape (a list short of its whole whose items, in another order and other words, are every item of
  // a list of the same paragraph that makes its whole): 859.6 + 1342.2 + 98.6 = 2300.4 spent against 2310.4,
  // the sources 中央 + 地方 + 其他 making the 2330.9 received
  { id: 'r52', shape: 't776 same items in any order', rule: 'sum.breakdown', name: 'matched list short', from: R52_SPENT, to: '其他资金859.6万元。2023年支出2310.4万元(其中,其他资金支出859.6万元,中央资金支出1342.2万元、地方资金98.6万元)', cites: '1342.2万元', breaks: true },
  // the same list making its whole: 859.6 + 1352.2 + 98.6 = 2310.4
  { id: 'r52', shape: 't776 same items in any order', rule: 'sum.breakdown', name: 'matched list whole', from: R52_SPENT, to: '其他资金859.6万元。2023年支出2310.4万元(其中,其他资金支出859.6万元,中央资金支出1352.2万元、地方资金98.6万元)', cites: '1352.2万元', breaks: false },
  // t828's shape (a 基本支出 by every class of basic spending, short of it): 958359.61 + 20952.50 + 5000.00 + 4000.00
  // = 988312.11 against 989312.11 元
  { id: 't516', shape: 't828 basic spending classes', rule: 'sum.breakdown', name: 'economic classes short', from: T516_BASIC, to: '基本支989312.11元,其中工资福利支出958359.61元;商品和服务支出20952.50元;对个人和家庭的补助5000.00元;其他资本性支出4000.00元,', cites: '5000.00元', breaks: true },
  // the same four classes making it: 958359.61 + 20952.50 + 6000.00 + 4000.00 = 989312.11
  { id: 't516', shape: 't828 basic spending classes', rule: 'sum.breakdown', name: 'economic classes whole', from: T516_BASIC, to: '基本支989312.11元,其中工资福利支出958359.61元;商品和服务支出20952.50元;对个人和家庭的补助6000.00元;其他资本性支出4000.00元,', cites: '6000.00元', breaks: false },
  // t876's shape (parts by grade whose counts make the whole's, their money not): 3 + 2 = 5 项目, 20.00 + 9.00 = 29.00 against 30.00万元
  { id: 't516', shape: 't876 counted parts', rule: 'sum.breakdown', name: 'counted parts short', from: T516_HEADING, to: `馆藏建设项目共计5个，财政资金30.00万元。其中评价“优”的项目3个财政资金20.00万元，评价“良”的项目2个财政资金9.00万元。\n${T516_HEADING}`, cites: '9.00万元', breaks: true },
  // 20.00 + 10.00 = 30.00
  { id: 't516', shape: 't876 counted parts', rule: 'sum.breakdown', name: 'counted parts whole', from: T516_HEADING, to: `馆藏建设项目共计5个，财政资金30.00万元。其中评价“优”的项目3个财政资金20.00万元，评价“良”的项目2个财政资金10.00万元。\n${T516_HEADING}`, cites: '10.00万元', breaks: false },
  // t871's shape (a 共计 total and its items, one shared by two names with 各): 8.00 + 2 × 5.00 + 10.00 = 28.00 against 30.00万
  { id: 't516', shape: 't871 totalled items', rule: 'sum.breakdown', name: 'totalled items short', from: T516_HEADING, to: `阅读推广经费共计30.00万。包括与县文化馆开展合作，经费8.00万；与县一中、县二中开展合作，经费各5.00万；与县融媒体中心合作，经费10.00万。\n${T516_HEADING}`, cites: '8.00万', breaks: true },
  { id: 't516', shape: 't871 totalled items', rule: 'sum.breakdown', name: 'totalled items over, mainly', from: T516_HEADING, to: `阅读推广经费共计30.00万。主要包括与县文化馆开展合作，经费12.00万；与县一中、县二中开展合作，经费各5.00万；与县融媒体中心合作，经费10.00万。\n${T516_HEADING}`, cites: '12.00万', breaks: true },
  // 10.00 + 2 × 5.00 + 10.00 = 30.00
  { id: 't516', shape: 't871 totalled items', rule: 'sum.breakdown', name: 'totalled items whole', from: T516_HEADING, to: `阅读推广经费共计30.00万。主要包括与县文化馆开展合作，经费10.00万；与县一中、县二中开展合作，经费各5.00万；与县融媒体中心合作，经费10.00万。\n${T516_HEADING}`, cites: '5.00万', breaks: false },
];

export interface CleanTextEditResult {
  edit: CleanTextEdit;
  ok: boolean;
  /** Rules of the checks that cite the edited figure and fail (breaking edit) or raise anything (neutral). */
  by: string[];
}

/** Each edit applied to its text and analysed: a breaking edit is caught, a neutral one stays quiet. */
export async function runCleanTextEdits(texts: readonly LabelledText[], analyze: AnalyzeFn): Promise<CleanTextEditResult[]> {
  const out: CleanTextEditResult[] = [];
  for (const edit of CLEAN_TEXT_EDITS) {
    const text = texts.find((t) => t.id === edit.id);
    if (!text) throw new Error(`clean-text edit "${edit.name}": no text ${edit.id}`);
    const source = applySeedEdit(Buffer.from(text.bytes).toString('utf8'), edit);
    const { record } = await analyze(Buffer.from(source, 'utf8'), { fileName: `${edit.id}.txt` });
    const citing = record.checks.filter((c: CheckResult) => c.evidence.some((e) => e.text === edit.cites));
    const raised = edit.breaks ? citing.filter(isDefiniteFail) : citing.filter((c) => c.status === 'fail' || c.status === 'warn');
    out.push({ edit, ok: edit.breaks ? raised.length > 0 : raised.length === 0, by: [...new Set(raised.map((c) => c.rule))] });
  }
  return out;
}

/** One line per edit, for the mutation report. */
export function formatCleanTextEdits(results: readonly CleanTextEditResult[]): string[] {
  // A table dump's cells stand one to a line: a line break is printed as \n to keep one line per edit.
  const oneLine = (text: string) => text.replace(/\n/gu, '\\n');
  return results.map(({ edit, ok, by }) => `  ${ok ? 'ok  ' : 'MISS'} ${edit.breaks ? 'edit   ' : 'neutral'} ${edit.id} (${edit.shape}) ${oneLine(edit.from)} → ${oneLine(edit.to)}${by.length ? ` by ${by.join(', ')}` : ''}`);
}
