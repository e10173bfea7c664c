/** The 情况说明 reader: hard-wrapped lines are one paragraph, so a sentence cut by a line keeps its figures. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/ingest/document.js';
import { normalizeDocument } from '../../../src/normalize/normalize.js';
import type { CheckResult, ReportRecord } from '../../../src/schema/record.js';
import { checkAccounts } from '../../../src/check/accounts/index.js';
import { clean, isBlankCode, readNarrative } from '../../../src/check/accounts/narrative.js';

const RECORD = { parts: [] } as unknown as ReportRecord;

function docOf(lines: string[]) {
  const blocks: Block[] = lines.map((text) => ({ kind: 'paragraph', text, page: 1 }));
  return normalizeDocument({ format: 'pdf', pages: [{ number: 1, chars: 1000, needsOcr: false }], blocks, warnings: [] });
}

const changes = (lines: string[]): [string, string | null][] =>
  checkAccounts(RECORD, docOf(lines))
    .filter((r: CheckResult) => r.rule === 'narrative.change')
    .map((r) => [r.status, r.certainty ?? null]);

/** Lines cut at a fixed width, as a PDF's text layer prints a 预算 说明. */
const WRAPPED = [
  '项目支出预算 48100 元,占支出总预算的 4.43%,同比无增',
  '减变化。',
  '其中:',
  '(一)文化旅游体育与传媒支出类科目 850088.3 元,',
  '占支出总预算 78.33%,同比减少 54357.12 元,下降 6.01 %。',
  '(二)社会保障和就业支出类科目 116433.12 元,占支',
  '出总预算 10.73 %,同比增加 16803.36 元,增长 14.43%。',
  '(三)卫生健康支出类科目 43897.73 元,占支出总预',
  '算4.05 %,同比减少 6014.46 元,下降 12.05 %。',
];

describe('readNarrative on a hard-wrapped text', () => {
  it('joins the lines a sentence runs over, and a "(二)…元," line is a paragraph, not a heading', () => {
    const texts = readNarrative(docOf(WRAPPED), 0).map((s) => s.text);
    expect(texts).toContain('(二)社会保障和就业支出类科目116433.12元,占支出总预算10.73%,同比增加16803.36元,增长14.43%。');
    expect(texts).toContain('项目支出预算48100元,占支出总预算的4.43%,同比无增减变化。');
  });

  it('keeps lines apart in an ordinary text: a title without punctuation is not glued to its paragraph', () => {
    const texts = readNarrative(docOf(['部门预算公开说明', '本年支出合计100万元，比上年增加10万元，增长11.11%。', '(一)基本支出', '基本支出80万元。']), 0).map((s) => s.text);
    expect(texts).toEqual(['部门预算公开说明', '本年支出合计100万元，比上年增加10万元，增长11.11%。', '基本支出80万元。']);
  });
});

describe('narrative.change after a share of the same amount', () => {
  it('fails definitely a growth taken on this year: 16803.36 / (116433.12 − 16803.36) = 16.87%, not 14.43%', () => {
    expect(changes(WRAPPED)).toEqual([
      ['pass', 'definite'],
      ['fail', 'definite'],
      ['pass', 'definite'],
    ]);
  });

  it('stays possible when a figure other than its share stands between the amount and its change', () => {
    expect(changes(['支出合计116433.12元，执行率95.5%，同比增加16803.36元，增长14.43%。'])).toEqual([['fail', 'possible']]);
  });
});

describe('narrative.change with the percent before the amount (预算执行 reports: "同比增长p%，增收Δ", t908)', () => {
  it('reads the change after its percent: 2798 ÷ (28583 − 2798) = 10.85% holds, 4376 ÷ (30161 − 4376) = 16.97% is not 14.6%', () => {
    expect(changes(['地方一般公共预算收入完成28,583万元,同比增长10.85%,增收2,798万元。'])).toEqual([['pass', 'definite']]);
    expect(changes(['地方一般公共预算收入(同口径)完成30,161万元,同比增长14.6%,增收4,376万元。'])).toEqual([['fail', 'definite']]);
  });

  it('takes "4,376万" without 元 as money of its amount\'s scale, and nothing of another scale', () => {
    expect(changes(['收入完成30,161万元,同比增长14.6%,增收4,376万'])).toEqual([['fail', 'definite']]);
    expect(changes(['收入完成30,161元,同比增长14.6%,增收4,376万'])).toEqual([]);
  });

  it('pairs them only when the change word alone stands between: a later item\'s amount is not the change', () => {
    expect(changes(['支出完成372037万元,较上年同期增长9.66%,其中教育支出32770万元。'])).toEqual([]);
  });

  it('skips the base of a completion rate for this year\'s amount ("完成年初预算数60999万元的40.4%")', () => {
    // 1070 ÷ (24627 + 1070) = 4.16% holds; over the budget it would be 1.72%. Figures between keep it possible.
    expect(changes(['收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减少1070万元,下降4.2%。'])).toEqual([['pass', 'possible']]);
  });

  it('reads 增收 and 减支 in that order only: "减收1070万元，下降4.2%" states no pair of this shape', () => {
    expect(changes(['收入累计完成24627万元,比上年减收1070万元,下降4.2%。'])).toEqual([]);
  });
});

describe('narrative.execution_rate: a programme\'s execution against the one whole of its funds (t900)', () => {
  const rates = (lines: string[]): [string, string, string | null][] =>
    checkAccounts(RECORD, docOf(lines))
      .filter((r) => r.rule === 'narrative.execution_rate' || r.rule === 'narrative.truncated_percent')
      .map((r) => [r.rule, r.status, r.certainty ?? null]);
  const paragraph = (rate: string) => [`补助共投入资金1987.08万元。其中中央资金投入776.84万元,省级资金投入290.36万元。全年执行资金1847.85万元,执行率${rate}。`];

  it('checks the rate against the whole a sentence before states: 1847.85 ÷ 1987.08 = 92.99%', () => {
    expect(rates(paragraph('93.0%'))).toEqual([['narrative.execution_rate', 'pass', 'definite']]);
    expect(rates(paragraph('95.0%'))).toEqual([['narrative.execution_rate', 'fail', 'definite']]);
    // truncated, not rounded: its own kind of finding
    expect(rates(paragraph('92.9%'))).toEqual([['narrative.truncated_percent', 'warn', 'definite']]);
  });

  it('reads a subsidy\'s money paid out and its "实际执行率" (t174: 收到资金合计149.63万元,实际发放107.78万元)', () => {
    const line = (rate: string) => [`2023年收到资金合计149.63万元,实际发放107.78万元,实际执行率为${rate}。`];
    expect(rates(line('72.03%'))).toEqual([['narrative.execution_rate', 'pass', 'definite']]);
    expect(rates(line('75.03%'))).toEqual([['narrative.execution_rate', 'fail', 'definite']]);
  });

  it('in a paragraph of several programmes, reads each rate against the one budget of its own sentence', () => {
    const line = (rate: string) => [`其中A项目预算100万元,支出90万元,执行率为${rate};B项目预算200万元,支出100万元,执行率为50%。`];
    expect(rates(line('90%'))).toEqual([['narrative.execution_rate', 'pass', 'definite'], ['narrative.execution_rate', 'pass', 'definite']]);
    expect(rates(line('95%'))).toEqual([['narrative.execution_rate', 'fail', 'definite'], ['narrative.execution_rate', 'pass', 'definite']]);
  });

  it('abstains when the amount names a fund level, two wholes are stated, or a figure stands between', () => {
    expect(rates(['项目资金共2179万元。中央资金支出2113.63万元,执行率90%。'])).toEqual([]);
    expect(rates(['项目资金共2179万元,资金预算2200万元,已完成拨付2113.63万元,执行率90%。'])).toEqual([]);
    expect(rates(['项目资金共2179万元,已完成拨付2113.63万元,结余65.37万元,执行率90%。'])).toEqual([]);
    // an initial budget, or a budget adjusted before the spending, is not the whole the rate is of
    expect(rates(['年初预算300万元,调整预算后为320万元,实际支出200万元,预算执行率为62.5%。'])).toEqual([]);
    expect(rates(['预算300万元,年中追加20万元,实际支出200万元,执行率为62.5%。'])).toEqual([]);
  });
});

describe('narrative.share after a change amount (t905)', () => {
  it('takes the quantity, not the change stated between, as the part: 66342 ÷ 100223 = 66.19%', () => {
    const results = checkAccounts(RECORD, docOf(['地方财政收入完成100223万元,较上年同期增长2.61%,增收2546万元。其中:税收收入完成66342万元,较上年同期增长18.39%,增收10304万元,税收收入占地方财政收入66.19%。']))
      .filter((r) => r.rule === 'narrative.share')
      .map((r) => [r.status, r.evidence.find((e) => e.role === 'part')?.text]);
    expect(results).toEqual([['pass', '66342万元']]);
  });
});

describe('narrative.share of one item among several (各占, t780)', () => {
  const shares = (line: string): string[] =>
    checkAccounts(RECORD, docOf([line]))
      .filter((r) => r.rule === 'narrative.share')
      .map((r) => r.status);

  it('reads 占 x% after an amount as its share of the paragraph\'s whole, and 各占/均占 as each item\'s, not that amount\'s', () => {
    expect(shares('移民困难扶助金为6778万元,其中1000万元占50%的比例分配到市州。')).toEqual(['fail']);
    expect(shares('移民困难扶助金为6778万元,其中1000万元按照各市州小型水库的数量和库容各占50%的比例分配到市州、县市区。')).toEqual([]);
    expect(shares('移民困难扶助金为6778万元,其中1000万元按照数量和库容均占50%的比例分配。')).toEqual([]);
  });
});

describe('narrative.share over a list of respective shares (分别为)', () => {
  const shares = (line: string): [string, string, string | null][] =>
    checkAccounts(RECORD, docOf([line]))
      .filter((r) => r.rule === 'narrative.share' || r.rule === 'narrative.truncated_percent')
      .map((r) => [r.rule, r.status, r.certainty ?? null]);

  it('takes the listed amounts as parts of their sum when the shares add up to 100%', () => {
    // 1.67 / 4220.53 = 0.0396%: printed 0.1% is a slip; 2273.37 / 4220.53 = 53.864% printed 53.8% is truncated.
    expect(shares('发行销售乐透数字型彩票2273.37亿元,竞猜型彩票1219.42亿元,视频型彩票440.85亿元,即开型彩票285.22亿元,基诺型彩票1.67亿元,占彩票销售总量的比重分别为53.8%、28.9%、10.4%、6.8%和0.1%。')).toEqual([
      ['narrative.truncated_percent', 'warn', 'definite'],
      ['narrative.share', 'pass', 'definite'],
      ['narrative.share', 'pass', 'definite'],
      ['narrative.share', 'pass', 'definite'],
      ['narrative.share', 'fail', 'definite'],
    ]);
  });

  it('still reads them when a misprinted share puts the sum off 100% but most shares agree (10.4% printed 10.7%)', () => {
    expect(shares('发行销售乐透数字型彩票2273.37亿元,竞猜型彩票1219.42亿元,视频型彩票440.85亿元,即开型彩票285.22亿元,基诺型彩票1.67亿元,占彩票销售总量的比重分别为53.8%、28.9%、10.7%、6.8%和0.1%。')).toEqual([
      ['narrative.truncated_percent', 'warn', 'definite'],
      ['narrative.share', 'pass', 'definite'],
      ['narrative.share', 'fail', 'definite'],
      ['narrative.share', 'pass', 'definite'],
      ['narrative.share', 'fail', 'definite'],
    ]);
  });

  it('reads nothing when the shares are not the whole list (sum below 100%) or the counts differ', () => {
    expect(shares('甲项目200万元,乙项目100万元,占总支出的比重分别为20%和10%。')).toEqual([]);
    // Three parts of a larger total: no share agrees with the parts' sum as the whole.
    expect(shares('甲项目200万元,乙项目100万元,丙项目100万元,占总支出的比重分别为20%、10%和10%。')).toEqual([]);
    expect(shares('甲项目200万元,乙项目100万元,丙项目50万元,占比分别为60%和40%。')).toEqual([]);
  });
});

describe('narrative.share over parts listed side by side (…占比为x%；…占比为y%)', () => {
  const shares = (line: string): [string, string | null][] =>
    checkAccounts(RECORD, docOf([line]))
      .filter((r) => r.rule === 'narrative.share')
      .map((r) => [r.status, r.certainty ?? null]);

  it('fails a share above its part over the parts’ sum: 1.265 ÷ 5.635 < 22.5%, printed 23%', () => {
    expect(shares('用于养老服务类4.25亿元,占比为75%;用于社区公益类1.26亿元,占比为23%;用于其他社会福利类0.14亿元,占比为2%。')).toEqual([
      ['pass', 'definite'],
      ['fail', 'definite'],
      ['pass', 'definite'],
    ]);
  });

  it('reads numbered items of one named whole as side by side: 74784.48 ÷ 1085203.63 = 6.8913% < 6.895%, printed 6.90%', () => {
    expect(
      shares(
        '(一)文化旅游体育与传媒支出类科目850088.3元,占支出总预算78.33%,同比减少54357.12元。(二)社会保障和就业支出类科目116433.12元,占支出总预算10.73%。(三)卫生健康支出类科目43897.73元,占支出总预算4.04%。(四)住房保障支出类科目74784.48元,占支出总预算6.90%。',
      ),
    ).toEqual([['pass', 'definite'], ['pass', 'definite'], ['pass', 'definite'], ['fail', 'definite']]);
    // Two bases, or shares adding up to over 100%: not parts of one whole.
    expect(shares('(一)甲类850万元,占支出总预算80%。(二)乙类150万元,占收入总预算20%。')).toEqual([]);
    expect(shares('(一)甲类850万元,占支出总预算80%。(二)乙类150万元,占支出总预算30%。')).toEqual([]);
  });

  it('says nothing of a share below that bound (the whole may be larger), nor of a part inside another (其中)', () => {
    expect(shares('用于甲类4亿元,占比为40%;用于乙类1亿元,占比为10%。')).toEqual([['pass', 'definite'], ['pass', 'definite']]);
    expect(shares('基本支出100万元,占比为80%;其中人员经费90万元,占比为72%。')).toEqual([]);
  });
});

describe('blanks by char code (the reader drops them without a regex per character)', () => {
  it('isBlankCode is /[\\s\\u3000]/u on every UTF-16 code', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isBlankCode(c) !== /[\s\u3000]/u.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('clean drops what the blank regex drops', () => {
    for (const s of ['', '  ', '本年 支出\u3000合计\n1,234.56 万元。', '\ufeff收入\u00a0\u2003总计\t\r\n', '无空白', 'a\ud83d\ude00 b\ud800 ']) {
      expect(clean(s)).toBe(s.replace(/[\s\u3000]+/gu, ''));
    }
  });
});

describe('narrative.change over respective lists (各是 … 各减少 … 各下降, t440)', () => {
  const sentence = (second: string) => ['2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、' + second + '。'];

  it('pairs the k-th change and percent with the k-th amount: 1267.86 ÷ 5393.35 = 23.51%, 2570.97 ÷ 6714.88 = 38.29%', () => {
    expect(changes(sentence('38.29%'))).toEqual([
      ['pass', 'definite'],
      ['pass', 'definite'],
    ]);
  });

  it('fails 38.28%, cut off where its sibling 23.5077% is rounded up to 23.51%: one list, one convention', () => {
    expect(changes(sentence('38.28%'))).toEqual([
      ['pass', 'definite'],
      ['fail', 'definite'],
    ]);
    // a wrong percent beyond any cutting off fails too
    expect(changes(sentence('38.50%'))[1]).toEqual(['fail', 'definite']);
  });
});
