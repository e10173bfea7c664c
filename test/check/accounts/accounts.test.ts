import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../../src/ingest/document.js';
import { normalizeDocument } from '../../../src/normalize/normalize.js';
import type { CheckResult, ReportRecord } from '../../../src/schema/record.js';
import { ACCOUNTS_RULE_DOCS, checkAccounts } from '../../../src/check/accounts/index.js';
import { analyzeBytes } from '../../../src/analyze.js';

const RECORD = { parts: [] } as unknown as ReportRecord;

function para(text: string): Block {
  return { kind: 'paragraph', text, page: 1 };
}

function table(rows: string[][]): TableBlock {
  return { kind: 'table', page: 1, rows: rows.map((r, ri) => r.map((text, col) => ({ text, row: ri, col, rowSpan: 1, colSpan: 1 }))) };
}

/** A table under its title, as a 决算 prints it. */
function titled(title: string, rows: string[][]): Block[] {
  return [para(title), table(rows)];
}

function check(blocks: Block[]): CheckResult[] {
  const doc = normalizeDocument({ format: 'pdf', pages: [{ number: 1, chars: 1000, needsOcr: false }], blocks, warnings: [] });
  return checkAccounts(RECORD, doc);
}

const statuses = (results: CheckResult[], rule: string) => results.filter((r) => r.rule === rule).map((r) => r.status);

/** A 收支总表 (two-sided) that balances, and a 支出决算表 by 科目 code. */
function overview(total = '100.00'): Block[] {
  return titled('收入支出决算总表', [
    ['项目', '决算数', '项目', '决算数'],
    ['一、一般公共预算财政拨款收入', '90.00', '一、一般公共服务支出', '90.00'],
    ['八、其他收入', '10.00', '二、外交支出', ''],
    ['本年收入合计', '100.00', '本年支出合计', '90.00'],
    ['年初结转和结余', '', '年末结转和结余', '10.00'],
    ['总计', total, '总计', '100.00'],
  ]);
}

function spending(item2 = '40.00'): Block[] {
  return titled('支出决算表', [
    ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
    ['', '合计', '90.00', '50.00', '40.00'],
    ['201', '一般公共服务支出', '90.00', '50.00', '40.00'],
    ['20101', '人大事务', '90.00', '50.00', '40.00'],
    ['2010101', '行政运行', '50.00', '50.00', ''],
    ['2010102', '一般行政管理事务', item2, '', item2],
  ]);
}

describe('决算 table identities', () => {
  it('passes a balanced 收支总表 and a 支出决算表 whose levels add up', () => {
    const r = check([...overview(), ...spending()]);
    expect(statuses(r, 'accounts.balance').length).toBeGreaterThan(0);
    expect(r.filter((x) => x.status === 'fail')).toEqual([]);
    expect(statuses(r, 'accounts.code_levels')).toContain('pass');
    expect(statuses(r, 'accounts.row_sum')).toContain('pass');
    expect(statuses(r, 'accounts.cross_table')).toContain('pass');
  });

  it('fails a 收支总表 whose income 总计 does not balance', () => {
    expect(statuses(check([...overview('120.00'), ...spending()]), 'accounts.balance')).toContain('fail');
  });

  it('fails 款 ≠ Σ项 by a material gap, passes a rounding-level one, never sums levels together', () => {
    const material = check([...overview(), ...spending('30.00')]);
    expect(material.some((x) => x.rule === 'accounts.code_levels' && x.status === 'fail' && x.message.zh.includes('20101'))).toBe(true);
    const rounding = check([...overview(), ...spending('40.01')]);
    expect(rounding.filter((x) => x.rule === 'accounts.code_levels' && x.status === 'fail')).toEqual([]);
  });

  it('checks 人员经费 and 公用经费 by economic class', () => {
    const basic = (personnel: string) => [
      para('一般公共预算财政拨款基本支出决算表'),
      table([
        ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
        ['301', '工资福利支出', '40.00', '302', '商品和服务支出', '10.00'],
        ['30101', '基本工资', '40.00', '30201', '办公费', '10.00'],
        ['303', '对个人和家庭的补助', '5.00', '310', '资本性支出', ''],
        ['人员经费合计', '', personnel, '公用经费合计', '', '10.00'],
      ]),
    ];
    expect(statuses(check([...overview(), ...basic('45.00')]), 'accounts.economic')).not.toContain('fail');
    expect(statuses(check([...overview(), ...basic('55.00')]), 'accounts.economic')).toContain('fail');
  });
});

describe('tables in 元', () => {
  it('reads integer amounts in amount columns as amounts, not 科目 codes', () => {
    const yuan = [
      para('财政拨款“三公”经费支出决算表'),
      para('单位：元'),
      table([
        ['合计', '合计', '因公出国（境）费', '因公出国（境）费', '小计', '小计', '公务用车购置费', '公务用车购置费', '公务用车运行费', '公务用车运行费', '公务接待费', '公务接待费'],
        ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
        ['7643', '4621', '3000', '469', '4063', '4061', '', '', '4063', '4061', '580', '91'],
      ]),
    ];
    const r = check([...overview(), ...yuan]);
    expect(statuses(r, 'sangong.closure')).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(r.find((x) => x.rule === 'sangong.closure')?.evidence[0]?.text).toBe('7643元');
  });
});

describe('三公经费', () => {
  const sangong = (total: string) => [
    para('财政拨款“三公”经费支出决算表'),
    table([
      ['合计', '合计', '因公出国（境）费', '因公出国（境）费', '小计', '小计', '公务用车购置费', '公务用车购置费', '公务用车运行费', '公务用车运行费', '公务接待费', '公务接待费'],
      ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
      [total, '4.00', '2.00', '1.00', '2.00', '2.00', '', '', '2.00', '2.00', '1.00', '1.00'],
    ]),
  ];
  it('closes: 合计 = 出国 + 车 + 接待; 车 = 购置 + 运行', () => {
    expect(statuses(check([...overview(), ...sangong('5.00')]), 'sangong.closure')).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(statuses(check([...overview(), ...sangong('6.00')]), 'sangong.closure')).toContain('fail');
  });
  it('agrees with the 情况说明', () => {
    const text = (budget: string) => [para('七、财政拨款“三公”经费支出决算情况说明'), para(`“三公”经费财政拨款支出年初预算为${budget}万元，支出决算为4.00万元。`)];
    expect(statuses(check([...overview(), ...sangong('5.00'), ...text('5.00')]), 'sangong.narrative')).toEqual(['pass', 'pass']);
    expect(statuses(check([...overview(), ...sangong('5.00'), ...text('0.95')]), 'sangong.narrative')).toContain('fail');
  });
});

describe('情况说明 against tables and itself', () => {
  const narrative = (...paragraphs: string[]) => [para('一、收入支出决算总体情况说明'), ...paragraphs.map(para)];

  it('fails an amount that differs from the table figure it names', () => {
    expect(statuses(check([...overview(), ...spending(), ...narrative('本单位2024年度收入支出总计100.00万元。')]), 'narrative.amount')).toEqual(['pass']);
    expect(statuses(check([...overview(), ...spending(), ...narrative('本单位2024年度收入支出总计0万元。')]), 'narrative.amount')).toEqual(['fail']);
    // 一般公共预算财政拨款收入 is the 收支总表's own line, not all 财政拨款 of the 收入决算表.
    const income = (text: string) => statuses(check([...overview(), ...spending(), para('二、收入决算情况说明'), para(text)]), 'narrative.amount');
    expect(income('本年收入合计100.00万元，其中：一般公共预算财政拨款收入90.00万元，占90.00%。')).toEqual(['pass', 'pass']);
    expect(income('本年收入合计100.00万元，其中：一般公共预算财政拨款收入95.00万元，占95.00%。')).toEqual(['pass', 'fail']);
  });

  it('shares: rounding passes, truncation warns under its own rule, anything else fails', () => {
    const s = (p: string) => [...overview(), ...spending(), para('三、支出决算情况说明'), para(`本年支出合计307.82万元，其中：基本支出29.42万元，占${p}%。`)];
    expect(statuses(check(s('9.56')), 'narrative.share')).toEqual(['pass']);
    expect(statuses(check(s('9.55')), 'narrative.truncated_percent')).toEqual(['warn']);
    expect(statuses(check(s('9.60')), 'narrative.share')).toEqual(['fail']);
  });

  it('a rate against a 年初预算 of 0 is reported, naming the 全年预算 it fits', () => {
    const r = check([...overview(), ...spending(), ...narrative('一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。')]);
    const f = r.find((x) => x.rule === 'narrative.rate_denominator');
    expect(f?.status).toBe('fail');
    expect(f?.detail?.fitsFullYear).toBe(true);
    const ok = check([...overview(), ...spending(), ...narrative('年初预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。')]);
    expect(statuses(ok, 'narrative.rate')).toEqual(['pass']);
  });

  it('each 项 the text details against its row, only when its 类/款/项 names match the table', () => {
    const general = titled('一般公共预算财政拨款支出决算表', [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', '90.00', '50.00', '40.00'],
      ['20101', '人大事务', '90.00', '50.00', '40.00'],
      ['2010101', '行政运行', '50.00', '50.00', ''],
      ['2010102', '一般行政管理事务', '40.00', '', '40.00'],
    ]);
    const item = (kuan: string, actual: string) =>
      statuses(check([...overview(), ...general, para('五、一般公共预算财政拨款支出决算情况说明'), para(`1、一般公共服务支出（类）${kuan}（款）行政运行（项）。主要用于：基本支出。年初预算为52.00万元，支出决算为${actual}万元。`)]), 'narrative.item_amount');
    expect(item('人大事务', '50.00')).toEqual(['pass']);
    expect(item('人大事务', '55.00')).toEqual(['fail']);
    expect(item('政协事务', '55.00')).toEqual([]);
  });

  it('comparison words against the two amounts', () => {
    const c = (word: string, budget = '1560.05', actual = '1511.89') => statuses(check([...overview(), ...spending(), ...narrative(`年初预算为${budget}万元，支出决算为${actual}万元。决算数${word}预算数的主要原因：人员变动。`)]), 'narrative.comparison');
    expect(c('小于')).toEqual(['pass']);
    expect(c('大于')).toEqual(['fail']);
    expect(c('等于')).toEqual(['fail']);
    expect(c('小于', '2.23', '2.22')).toEqual(['pass']);
    // Amounts in the reason after the phrase are not the ones compared.
    const reason = check([...overview(), ...spending(), ...narrative('年初预算为100.00万元，支出决算为90.00万元。决算数小于预算数的主要原因：追加预算5.00万元，支出决算减少20.00万元。')]);
    expect(statuses(reason, 'narrative.comparison')).toEqual(['pass']);
  });

  it('changes: the percent is the change over last year', () => {
    const c = (text: string) => check([...overview(), ...spending(), ...narrative(text)]);
    expect(statuses(c('收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。'), 'narrative.change')).toEqual(['pass']);
    expect(statuses(c('收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.97%。'), 'narrative.change')).toEqual(['fail']);
    expect(statuses(c('收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，增长1.87%。'), 'narrative.change_direction')).toEqual(['fail']);
    // The sentence before speaks of 接待费, not of the 三公 total the change is about: no pairing, no finding.
    expect(statuses(c('公务接待费支出决算为0.20万元，完成预算的13.68%。2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降27.78%。'), 'narrative.change')).toEqual([]);
    expect(statuses(c('国家某局2024年度财政拨款收支总决算20727.53万元。与2023年度相比，财政拨款收、支总计各增加5551.7万元，增长36.58%。'), 'narrative.change')).toEqual(['pass']);
     // Last year about 0 (t112's shape): the growth has no upper bound and is at least 445.195 ÷ 0.01, never 0.00%.
    expect(statuses(c('2021年度收、支总计445.20万元，比上年增加445.20万元，增长0.00%。'), 'narrative.change')).toEqual(['fail']);
    const [zero] = c('2021年度收、支总计445.20万元，比上年增加445.20万元，增长0.00%。').filter((r) => r.rule === 'narrative.change');
    // One sentence, the change right after the amount it changes: the same quantity.
    expect(zero?.certainty).toBe('definite');
    // … while a new unit's conventional "增长100.00%" is not reported (putuo-social-work-2024, labelled clean).
    expect(statuses(c('2024年度收、支总计307.82万元，比上年增加307.82万元，增长100.00%。'), 'narrative.change')).toEqual([]);
  });
});

describe('completeness and hygiene', () => {
  const cover = [para('上海市某某局2024年度部门决算'), para('目 录'), para('一、收入支出决算总表'), para('三、支出决算表')];

  it('a table the contents list must be there', () => {
    expect(statuses(check([...cover, ...overview(), ...spending()]), 'completeness.contents')).toEqual(['pass', 'pass']);
    expect(statuses(check([...cover, ...overview(), ...overview()]), 'completeness.contents')).toEqual(['pass', 'fail']);
    // A table laid out as text (no grid) is still there: its title is in the body.
    expect(statuses(check([...cover, ...overview(), ...overview(), para('支出决算表'), para('201 一般公共服务支出 90.00')]), 'completeness.contents')).toEqual(['pass', 'pass']);
  });

  it('an empty table says so', () => {
    const empty = (note: string) => [para('政府性基金预算财政拨款收入支出决算表'), table([['科目编码', '科目名称', '本年收入', '本年支出'], ['', '合计', '', '']]), ...(note ? [para(note)] : [])];
    expect(statuses(check([...overview(), ...spending(), ...empty('注：本单位无政府性基金预算财政拨款支出，故本表无数据。')]), 'completeness.empty_table')).toEqual(['pass']);
    expect(statuses(check([...overview(), ...spending(), ...empty('')]), 'completeness.empty_table')).toEqual(['fail']);
  });

  it('placeholders, template remnants, doubled punctuation, unit names and years', () => {
    const r = check([
      ...cover,
      para('第二部分 上海市XX局2024年度部门决算表'),
      para('第三部分 上海市某某局2023年度部门决算情况说明'),
      ...overview(),
      ...spending(),
      para('一、收入支出决算总体情况说明'),
      para('支出决算数比2023年度减少0.15万元，下降（增长）27.78%。财政拨款收入。。截至2023年12月31日，共有车辆0辆。'),
    ]);
    expect(statuses(r, 'hygiene.placeholder')).toEqual(['fail']);
    expect(statuses(r, 'hygiene.template_remnant')).toEqual(['warn']);
    expect(statuses(r, 'hygiene.repeated_punctuation')).toEqual(['warn']);
    expect(statuses(r, 'hygiene.unit_name')).toEqual(['fail', 'pass']);
    expect(statuses(r, 'hygiene.year')).toEqual(['pass', 'fail', 'fail']);
  });

  it('every rule id a result carries is documented for the data dictionary', () => {
    const ids = new Set(ACCOUNTS_RULE_DOCS.map((d) => d.id));
    const r = check([para('上海市某某局2024年度部门决算'), para('目 录'), para('三、支出决算表'), ...overview('120.00'), ...spending('30.00'), para('一、收入支出决算总体情况说明'), para('收入支出总计0万元。与2023年度相比，收入支出总计减少56.95万元，增长1.87%。XX局。。')]);
    expect(r.length).toBeGreaterThan(10);
    for (const x of r) expect(ids.has(x.rule), x.rule).toBe(true);
  });

  it('a heading that spells the unit of the cover another way names the same unit', () => {
    const r = check([para('中国共产党上海市某某区委员会社会工作部2024年度部门决算'), para('目 录'), para('一、收入支出决算总表'), para('第二部分 中共上海市某某区委社会工作部2024年度部门决算表'), ...overview(), ...spending()]);
    expect(statuses(r, 'hygiene.unit_name')).toEqual(['pass']);
  });
});

describe('parts', () => {
  it('reads a table from its accounts_table part when no title names it, and results carry the part', () => {
    const blocks = [para('表一'), table([['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'], ['201', '一般公共服务支出', '90.00', '50.00', '40.00']]), ...overview()];
    const doc = normalizeDocument({ format: 'pdf', pages: [{ number: 1, chars: 1000, needsOcr: false }], blocks, warnings: [] });
    const span = doc.blockSpans.find((s) => s.block === 1)!;
    const part = { id: 'accounts_table:1', kind: 'accounts_table' as const, title: '表一', table: '支出决算表', pageStart: 1, pageEnd: 1, start: span.start, end: span.end, unit: '万元' };
    const r = checkAccounts({ parts: [part] } as unknown as ReportRecord, doc);
    const row = r.find((x) => x.rule === 'accounts.row_sum');
    expect(row?.status).toBe('pass');
    expect(row?.part).toBe('accounts_table:1');
    // A finding in text outside any accounts table gets the part its evidence stands in.
    const cover = { id: 'cover:1', kind: 'cover' as const, title: '', table: null, pageStart: 1, pageEnd: 1, start: 0, end: span.start, unit: null };
    const placeholder = checkAccounts({ parts: [cover, part] } as unknown as ReportRecord, normalizeDocument({ format: 'pdf', pages: [{ number: 1, chars: 1000, needsOcr: false }], blocks: [para('XX局'), ...blocks.slice(1)], warnings: [] }));
    expect(placeholder.find((x) => x.rule === 'hygiene.placeholder')?.part).toBe('cover:1');
  });
});

describe('a 决算 说明 without tables', () => {
  it('runs the rules that read the narrative alone (t112: a web page of the 说明)', async () => {
    const text = '某县某局2021年度部门决算公开\n第二部分 2021年度部门决算情况说明\n二、收入支出决算总体情况说明\n2021年度收、支总计445.20万元,比上年增加445.20万元,增长0.00%。\n';
    const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'accounts-narrative.txt' });
    expect(record.report.documentKind).toBe('final_accounts');
    expect(record.checks.filter((r) => r.rule === 'narrative.change').map((r) => [r.status, r.certainty])).toEqual([['fail', 'definite']]);
  });
});

describe('the narrative rules on any text (issue 16: 预算说明 pages, lottery-fund announcements, project reports)', () => {
  const lines = (...texts: string[]) => check(texts.map(para));
  it('checks a year-on-year change outside a 决算 (t061: 收入合计6567.06万元，较上年决算数减少710.50万元，下降9.76%)', () => {
    const results = lines('2024年本级体育彩票公益金总收入221万元，比上年增加21万元，增长10.5%。', '2024年本级彩票公益金支出198万元，比上年减少22万元，下降11.5%。');
    // 21 ÷ 200 = 10.5%; 22 ÷ 220 = 10% (11.1% on this year's 198 would be the wrong base as well).
    expect(results.filter((r) => r.rule === 'narrative.change').map((r) => [r.status, r.certainty])).toEqual([
      ['pass', 'definite'],
      ['fail', 'definite'],
    ]);
  });

  it('fails definitely a change whose amount the sentence before states under exactly its subject (t506: 342 ÷ 803.52 = 42.56%, not 29.86%)', () => {
    const certainty = (text: string) => lines(text).filter((x) => x.rule === 'narrative.change').map((r) => [r.status, r.certainty]);
    expect(certainty('2023年度收、支总计均为1,145.52万元。与2022年度相比,收、支总计各增加342万元,增长29.86%。')).toEqual([['fail', 'definite']]);
    expect(certainty('2023年度收、支总计均为1,145.52万元。与2022年度相比,收、支总计各增加342万元,增长42.56%。')).toEqual([['pass', 'definite']]);
    // A wider subject before (一般公共预算财政拨款支出 vs 财政拨款支出) may be another quantity: possible.
    expect(certainty('2023年度一般公共预算财政拨款支出1,145.52万元。与2022年度相比,财政拨款支出增加342万元,增长29.86%。')).toEqual([['fail', 'possible']]);
  });

  it('says when a change percent is over this year\'s amount, not last year\'s (the wrong base)', () => {
    const [r] = lines('2024年彩票公益金支出198万元，比上年减少22万元，下降11.1%。').filter((x) => x.rule === 'narrative.change');
    expect([r!.status, r!.certainty, r!.detail?.base]).toEqual(['fail', 'definite', 'this_year']);
    expect(r!.message.zh).toContain('以本年数 198万元 为基数');
  });

  it('checks a completion of the budget in a 预算 说明 (全年实际完成 … 完成年初预算的 x%)', () => {
    const results = lines('2023年一般公共预算收入年初预算为1000万元，全年实际完成1053万元，完成年初预算的105.3%。', '支出年初预算800万元，支出决算为760万元，完成年初预算的96%。');
    expect(results.filter((r) => r.rule === 'narrative.rate').map((r) => [r.status, r.certainty])).toEqual([
      ['pass', 'definite'],
      ['fail', 'definite'],
    ]);
  });

  it('checks a share of the whole it names, stated before it (t111: 占固定资产的27.91%), as possible', () => {
    const results = lines('固定资产期末账面数原值482.46万元，累计折旧162.14万元，净值320.32万元。', '其中：土地、房屋及构筑物134.67万元，占固定资产的27.91%；通用设备195.56万元，占固定资产的45.53%。');
    expect(results.filter((r) => r.rule === 'narrative.share').map((r) => [r.status, r.certainty, r.evidence.map((e) => e.text)])).toEqual([
      ['pass', 'possible', ['27.91%', '134.67万元', '482.46万元']],
      ['fail', 'possible', ['45.53%', '195.56万元', '482.46万元']],
    ]);
  });

  it('checks a share of a statement opening with 其中 against the one amount of the sentence before (t316)', () => {
    const results = lines('2022年度收入合计562.21万元，较上年决算数减少70.62万元，下降11.2%。', '其中：财政拨款收入560.44万元，占99.7%；事业收入1.77万元，占0.5%。');
    expect(results.filter((r) => r.rule === 'narrative.share').map((r) => [r.status, r.certainty, r.evidence.map((e) => e.text)])).toEqual([
      ['pass', 'definite', ['99.7%', '560.44万元', '562.21万元']],
      ['fail', 'definite', ['0.5%', '1.77万元', '562.21万元']],
    ]);
    // Two amounts before: which one 其中 shares out is inferred.
    const two = lines('2022年度收入562.21万元，支出600.00万元。', '其中：财政拨款收入560.44万元，占99.5%。');
    expect(two.filter((r) => r.rule === 'narrative.share').map((r) => [r.status, r.certainty])).toEqual([['fail', 'possible']]);
  });

  it('reads a share 10^4 off and off besides as a unit slip (r28: 5359.668673元 of 6821.09751万元 "占78.58%")', () => {
    const results = lines('2021年收入6821.09751万元。', '其中：财政拨款资金收入5359.668673元，占全部收入的78.58%。');
    expect(results.filter((r) => r.status === 'fail').map((r) => r.rule)).toEqual(['unit_slip']);
  });

  it('checks a share of the amount its paragraph opens with', () => {
    const results = lines('彩票公益金支出221万元，其中：全民健身198万元，占89.59%；竞技体育23万元，占10.71%。');
    expect(results.filter((r) => r.rule === 'narrative.share').map((r) => [r.status, r.certainty])).toEqual([
      ['pass', 'definite'],
      ['fail', 'definite'],
    ]);
  });
});

