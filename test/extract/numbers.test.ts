import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findHeaderUnit, findNumbers, intervalOf, parseChineseNumeral, type NumberMatch } from '../../src/extract/numbers.js';

const SEED = '../shared/seed/huadu-2021-jgdgw.txt';
const CORPUS = '../shared/corpus/';

/** What the normalizer does to PDF-dump spacing: no spaces between CJK and digits. */
function collapseCjkSpaces(text: string): string {
  return text.replace(/(?<=\p{Script=Han})[ \t]+(?=\d)|(?<=[\d%])[ \t]+(?=\p{Script=Han})/gu, '');
}

/** Body of a corpus text (line 1 `# source:`, line 2 `# title:`). */
function corpus(name: string): string {
  return readFileSync(`${CORPUS}${name}.txt`, 'utf8').split('\n').slice(2).join('\n');
}

function only(text: string, options = {}): NumberMatch {
  const found = findNumbers(text, options);
  expect(found, `one figure in ${text}`).toHaveLength(1);
  return found[0]!;
}

const texts = (found: NumberMatch[]) => found.map((m) => m.text);

describe('parseChineseNumeral', () => {
  it.each([
    ['一百六十五', '165'],
    ['两千', '2000'],
    ['两百', '200'],
    ['十三万', '130000'],
    ['一点五', '1.5'],
    ['三十五点二五', '35.25'],
    ['三千零五', '3005'],
    ['十', '10'],
    ['十二', '12'],
    ['一百一十', '110'],
    ['一万零一十二', '10012'],
    ['一百九十万零三千九百七十一', '1903971'],
    ['十三万五', '135000'],
    ['两千五', '2500'],
    ['一亿三千万', '130000000'],
    ['二十万亿', '20000000000000'],
    ['一点五万', '15000'],
    ['壹佰壹拾万贰仟陆佰壹拾肆', '1102614'],
    ['伍仟', '5000'],
    ['二〇二二', '2022'],
    ['万', '10000'],
    ['千', '1000'],
    ['零', '0'],
  ])('%s → %s', (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it.each(['〇.五', '二二', '两三', '十三五', '点五', '一点', '', '百十', 'abc', '七八十'])('%s → null', (s) => expect(parseChineseNumeral(s)).toBeNull());
});

describe('findHeaderUnit', () => {
  it.each([
    ['单位：万元', '万元'],
    ['单位:元', '元'],
    ['金额单位:元', '元'],
    ['单位：人民币万元', '万元'],
    ['（万元）', '万元'],
    ['预算数(万元)', '万元'],
    ['年度预算数(万元) 年初预算', '万元'],
    ['执行率(%)', '%'],
    ['执行率（％）', '%'],
    ['自评总分(分)', '分'],
    ['服务外包在岸(万美元)', '万美元'],
    ['項目資金 (萬元)', '万元'],
  ])('%s → %s', (s, u) => expect(findHeaderUnit(s)).toBe(u));

  it.each(['项目名称', '(A)', '执行率(B/A)', '产出指标(50分)', '（一）', '(含)'])('%s → null', (s) => expect(findHeaderUnit(s)).toBeNull());
});

describe('findNumbers: forms', () => {
  type Expect = Partial<NumberMatch>;
  const cases: [string, Expect][] = [
    // money
    ['890.33万元', { text: '890.33万元', numberText: '890.33', value: '890.33', base: '8903300', precision: 2, scale: 4, unit: '万元', kind: 'money', approx: 'exact' }],
    ['25万元', { value: '25', base: '250000', precision: 0, scale: 4, unit: '万元', kind: 'money' }],
    ['1.2亿元', { value: '1.2', base: '120000000', precision: 1, scale: 8, unit: '亿元', kind: 'money' }],
    ['3千元', { value: '3', base: '3000', scale: 3, unit: '千元', kind: 'money' }],
    ['500元', { value: '500', base: '500', scale: 0, unit: '元', kind: 'money' }],
    ['20万美元', { value: '20', base: '200000', scale: 4, unit: '万美元', kind: 'money' }],
    ['1.5亿美元', { value: '1.5', base: '150000000', scale: 8, unit: '亿美元', kind: 'money' }],
    ['9765萬元', { value: '9765', base: '97650000', unit: '万元', kind: 'money' }],
    ['十三万元', { numberText: '十三', value: '13', base: '130000', scale: 4, unit: '万元', kind: 'money', precision: 0 }],
    ['两千万元', { numberText: '两千', value: '2000', base: '20000000', scale: 4, unit: '万元' }],
    ['三千零五元', { value: '3005', base: '3005', unit: '元', kind: 'money' }],
    ['1,234.56元', { numberText: '1,234.56', value: '1234.56', base: '1234.56', precision: 2, unit: '元' }],
    ['共计3,456,789.12元', { text: '3,456,789.12元', value: '3456789.12', precision: 2 }],
    ['82，225.00元', { numberText: '82，225.00', value: '82225', base: '82225', precision: 2, unit: '元' }],
    ['282,796.90万元', { value: '282796.9', base: '2827969000', precision: 2, scale: 4 }],
    ['6821.09751万元', { value: '6821.09751', base: '68210975.1', precision: 5 }],
    ['－12.5万元', { text: '－12.5万元', value: '-12.5', base: '-125000', unit: '万元' }],
    ['减少-12.5%', { text: '-12.5%', value: '-12.5', base: '-0.125', kind: 'percent' }],
    ['１２３４元', { text: '１２３４元', numberText: '１２３４', value: '1234', unit: '元' }],
    // every same-length fold: full-width digits, point and ％, wave dash, minus sign, ideographic space
    ['完成率９８．５％', { text: '９８．５％', value: '98.5', unit: '%', kind: 'percent' }],
    ['培训3〜5个班', { text: '3〜5个', approx: 'range', lo: '3', hi: '5' }],
    ['增长3−5个', { text: '3−5个', approx: 'range', lo: '3', hi: '5' }],
    ['共计120\u3000万元', { text: '120\u3000万元', value: '120', unit: '万元' }],
    ['1,200.00 万元', { text: '1,200.00 万元', value: '1200', base: '12000000', precision: 2, unit: '万元' }],
    // rates
    ['4000元/人', { value: '4000', base: '4000', unit: '元/人', kind: 'measure', scale: 0 }],
    ['260元/辆', { unit: '元/辆', kind: 'measure' }],
    ['400元/人、天', { unit: '元/人、天', kind: 'measure' }],
    ['5万元/公里', { unit: '万元/公里', kind: 'measure', scale: 4, base: '50000' }],
    // percents
    ['80.2%', { value: '80.2', base: '0.802', precision: 1, scale: -2, unit: '%', kind: 'percent' }],
    ['80.2％', { text: '80.2％', value: '80.2', base: '0.802', precision: 1 }],
    ['100.0%', { value: '100', base: '1', precision: 1, scale: -2 }],
    ['100.00%', { value: '100', base: '1', precision: 2 }],
    ['0.00%', { value: '0', base: '0', precision: 2 }],
    ['97.20 %', { text: '97.20 %', value: '97.2', precision: 2 }],
    ['5‰', { base: '0.005', scale: -3, unit: '‰', kind: 'percent' }],
    ['≥100百分比', { text: '≥100百分比', base: '1', unit: '%', kind: 'percent', approx: 'at_least', lo: '1' }],
    ['百分之八十', { text: '百分之八十', numberText: '八十', value: '80', base: '0.8', precision: 0, scale: -2, unit: '%', kind: 'percent' }],
    ['百分之八十点五', { value: '80.5', base: '0.805', precision: 1, kind: 'percent' }],
    ['3.5个百分点', { value: '3.5', base: '3.5', unit: '百分点', kind: 'measure', scale: 0 }],
    // scores
    ['91.28分', { value: '91.28', base: '91.28', precision: 2, scale: 0, unit: '分', kind: 'score' }],
    ['(5 分)', { text: '5 分', value: '5', kind: 'score' }],
    ['满分九十分。', { text: '九十分', value: '90', kind: 'score' }],
    ['3分钟', { unit: '分钟', kind: 'measure' }],
    ['90分为优秀', { text: '90分', kind: 'score' }],
    // counts
    ['774名', { value: '774', base: '774', precision: 0, scale: 0, unit: '名', kind: 'count' }],
    ['372人次', { unit: '人次', kind: 'count' }],
    ['发展党员一百六十五名', { text: '一百六十五名', numberText: '一百六十五', value: '165', unit: '名', kind: 'count' }],
    ['两个', { value: '2', unit: '个', kind: 'count' }],
    ['3万人', { numberText: '3万', value: '3', base: '30000', scale: 4, unit: '人', kind: 'count' }],
    ['3.5万人', { numberText: '3.5万', value: '3.5', base: '35000', precision: 1, scale: 4, unit: '人', kind: 'count' }],
    ['7個', { unit: '个', kind: 'count' }],
    // measures
    ['11.94公里', { value: '11.94', unit: '公里', kind: 'measure' }],
    ['1016576.88畝', { value: '1016576.88', unit: '亩', kind: 'measure', precision: 2 }],
    ['25.29㎡', { unit: '平方米', kind: 'measure' }],
    ['1100m', { unit: '米', kind: 'measure' }],
    ['2.5万平方米', { numberText: '2.5万', value: '2.5', base: '25000', scale: 4, unit: '平方米', kind: 'measure' }],
    ['3千米', { value: '3', base: '3', unit: '千米', scale: 0 }],
    ['24小时', { unit: '小时', kind: 'measure' }],
    ['3个月', { unit: '个月', kind: 'measure' }],
    ['10年一遇', { text: '10年', unit: '年', kind: 'measure' }],
    // plain
    ['21.7', { value: '21.7', base: '21.7', precision: 1, scale: 0, unit: '', kind: 'plain' }],
    ['29.6万', { numberText: '29.6万', value: '29.6', base: '296000', scale: 4, unit: '', kind: 'plain' }],
  ];
  it.each(cases)('%s', (input, expected) => {
    const m = only(input);
    expect(m).toMatchObject(expected);
    expect(m.text).toBe(input.slice(m.start, m.end));
    if (m.approx === 'exact') {
      expect(m.lo).toBeUndefined();
      expect(m.hi).toBeUndefined();
    }
  });
});

describe('findNumbers: approximation words', () => {
  const cases: [string, Partial<NumberMatch>][] = [
    ['13000多名', { text: '13000多名', value: '13000', base: '13000', approx: 'at_least', lo: '13000', hi: '14000', loOpen: false, hiOpen: true }],
    ['13000 多名', { text: '13000 多名', approx: 'at_least', lo: '13000', hi: '14000' }],
    ['300余人', { approx: 'at_least', lo: '300', hi: '400', loOpen: false, hiOpen: true }],
    ['12多个', { approx: 'at_least', lo: '12', hi: '13' }],
    ['十余个', { approx: 'at_least', lo: '10', hi: '20' }],
    ['一百多人', { approx: 'at_least', lo: '100', hi: '200' }],
    ['千余人', { numberText: '千', value: '1000', approx: 'at_least', lo: '1000', hi: '2000' }],
    ['万余人', { value: '1', scale: 4, base: '10000', approx: 'at_least', lo: '10000', hi: '20000' }],
    ['二百余万元', { text: '二百余万元', value: '200', unit: '万元', approx: 'at_least', lo: '2000000', hi: '3000000' }],
    ['1000余万元', { value: '1000', unit: '万元', approx: 'at_least', lo: '10000000', hi: '20000000' }],
    ['3万多元', { value: '3', unit: '万元', scale: 4, approx: 'at_least', lo: '30000', hi: '40000' }],
    ['1.5万余人', { approx: 'at_least', lo: '15000', hi: '16000' }],
    ['近万名', { text: '近万名', numberText: '万', value: '1', base: '10000', scale: 4, unit: '名', kind: 'count', approx: 'less_than', lo: '9000', hi: '10000', loOpen: false, hiOpen: true }],
    ['近700万元', { approx: 'less_than', lo: '6300000', hi: '7000000', hiOpen: true }],
    ['将近300人', { text: '将近300人', approx: 'less_than', lo: '270', hi: '300' }],
    ['逾千人', { text: '逾千人', approx: 'more_than', lo: '1000', hi: '2000', loOpen: true, hiOpen: true }],
    ['超过300人', { text: '超过300人', approx: 'more_than', lo: '300', hi: '400', loOpen: true, hiOpen: true }],
    ['大于90%', { approx: 'more_than', lo: '0.9', loOpen: true }],
    ['高于80%', { approx: 'more_than', lo: '0.8' }],
    ['上万人', { text: '上万人', approx: 'at_least', lo: '10000' }],
    ['98%以上', { text: '98%以上', approx: 'at_least', lo: '0.98', loOpen: false }],
    ['50万元（含）以上', { text: '50万元（含）以上', approx: 'at_least', lo: '500000' }],
    ['不少于105人', { text: '不少于105人', approx: 'at_least', lo: '105' }],
    ['不低于85%', { approx: 'at_least', lo: '0.85' }],
    ['≥50个', { text: '≥50个', approx: 'at_least', lo: '50' }],
    ['3人以下', { approx: 'at_most', hi: '3', hiOpen: false }],
    ['控制在50万元以内', { text: '50万元以内', approx: 'at_most', hi: '500000' }],
    ['(100字以内)', { text: '100', kind: 'plain', approx: 'exact' }],
    ['不超过100万元', { text: '不超过100万元', approx: 'at_most', hi: '1000000', hiOpen: false }],
    ['≤90万元', { approx: 'at_most', hi: '900000' }],
    ['≤10次', { approx: 'at_most', hi: '10' }],
    ['不足10人', { approx: 'less_than', hi: '10', hiOpen: true }],
    ['不到5%', { approx: 'less_than', hi: '0.05' }],
    ['小于5%', { approx: 'less_than', hi: '0.05' }],
    ['约1000㎡', { text: '约1000㎡', approx: 'about', lo: '950', hi: '1050', loOpen: false, hiOpen: false }],
    ['约13000人', { approx: 'about', lo: '12350', hi: '13650' }],
    ['约4.3m', { approx: 'about', lo: '4.085', hi: '4.515' }],
    ['10人左右', { text: '10人左右', approx: 'about', lo: '9.5', hi: '10.5' }],
    ['13000多名以上', { approx: 'at_least', lo: '13000' }],
    // ranges
    ['3-5个', { text: '3-5个', numberText: '3-5', value: '3', approx: 'range', lo: '3', hi: '5', unit: '个', kind: 'count', loOpen: false, hiOpen: false }],
    ['3至5个', { approx: 'range', lo: '3', hi: '5' }],
    ['3～5个', { approx: 'range', lo: '3', hi: '5' }],
    ['3~5个', { approx: 'range', lo: '3', hi: '5' }],
    ['3到5个', { approx: 'range', lo: '3', hi: '5' }],
    ['3个-5个', { approx: 'range', lo: '3', hi: '5' }],
    ['三至五个', { approx: 'range', lo: '3', hi: '5' }],
    ['1.5-2小时', { approx: 'range', lo: '1.5', hi: '2', precision: 1 }],
    ['1-2个月', { approx: 'range', lo: '1', hi: '2', unit: '个月' }],
    ['2000-5000元', { approx: 'range', lo: '2000', hi: '5000', unit: '元', kind: 'money' }],
    ['80%-90%', { approx: 'range', lo: '0.8', hi: '0.9', unit: '%', scale: -2, kind: 'percent' }],
    ['80-90%', { approx: 'range', lo: '0.8', hi: '0.9' }],
    ['3-5万元', { approx: 'range', unit: '万元', scale: 4, value: '3', lo: '30000', hi: '50000' }],
    ['3万-5万元', { text: '3万-5万元', approx: 'range', unit: '万元', lo: '30000', hi: '50000' }],
    ['8500到3万元', { approx: 'range', lo: '8500', hi: '30000', unit: '万元' }],
  ];
  it.each(cases)('%s', (input, expected) => {
    const m = only(input);
    expect(m).toMatchObject(expected);
    if (!('hi' in expected)) expect(m.hi).toBeUndefined();
    if (!('lo' in expected)) expect(m.lo).toBeUndefined();
  });

  it('does not read 近 before a duration as "nearly", nor 约 in 节约', () => {
    expect(only('近5年')).toMatchObject({ text: '5年', approx: 'exact' });
    expect(findNumbers('近三年')).toEqual([]);
    expect(only('节约10万元')).toMatchObject({ text: '10万元', approx: 'exact' });
    expect(only('最近3个月')).toMatchObject({ text: '3个月', approx: 'exact' });
  });
});

describe('findNumbers: traps', () => {
  it.each([
    // years and dates
    '2021年', '2021 年度', '2021-2023', '2021-2023年', '(2010-2020年)', '2021年12月31日', '12月', '3日', '每年3月、9月份', '2022.1.5',
    '2019.1.1-2019.12.30', '2020—2022年', '2020至2022年', '2021年1-6月', '02.01.2020', '2019-05-22', '2019-05-22T04:56:35Z', '2019.12', '评价年度:2022', '中心2018绩效评价', '20xx年', '20_ 年',
    // times
    '16:55', '发布时间:2025-05-28 14:20', '12时30分', '12:30分', '下午3点',
    // ordinals
    '第九届', '第一', '第3季度', '第1058号公告', '第 3 页', '第1-3名',
    // document numbers
    '茂财绩函〔2022〕2号', '穗财〔2021〕12号', '[2021]3号', '国发〔2019〕号', '横财预[2018]3 号', '(2011.3 号)', '湛財農〔2021〕65 號',
    // phones, masked numbers, identifiers
    '020-12345678', '13812345678', '020-8xxxxxxx', '138****5678', '田苗苗,158XXXXXXXX', '400-688-2000', '联系电话：8690022', '邮编 064200',
    'X121榮株線', 'P1.5LED', 'Ф160PVC', '51000021R000000019951-工资性支出', '219001-池州市贵池区', '报告-8548.doc', '索引号: zsjfzzx/2025-00002',
    // list and page markers
    '1. 统一组织', '\n13. 组织开展', '（一）部门概况', '(2)农机事务中心', '（201）', '一是抓实', '二、综合评价', '原因;2.年中发生', '。4.对受理', ' 1、强化经济', '—1—', '- 2 -',
    // codes and labels
    '2010101 行政运行', '30226 勞務費', '附件1 成本费用分析报告', '指标1:药品抽验品种', '任务2:特殊人群',
    // slogans and words with numerals
    '“三个代表”重要思想', '三个代表', '“百名党员共绣党旗”', '百部微党课展播', '“百幅红色照片展”', '“一单位一特色，一支部一品牌”', '党的十九大和十九届历次全会',
    '四级联述联评联考', '“双微”', '两学一做', '一站式', '三严三实', '八项规定', '一户一档', '三支一扶', '五位一体', '十四五', '三年行动计划', '“四项制度”',
    '统一组织', '进一步', '一般公共服务支出', '一次性项目', '十分重要', '一分为二', '百分百', '数百人', '几十个', '十几个', '两三个', '二期建设', '公益一类', '一起参加',
    // glued or garbled cells
    '7,00.0,77', '3.1.2 项目', '资金.5万元', '分别',
  ])('%j is not a figure', (s) => {
    expect(texts(findNumbers(s))).toEqual([]);
  });

  it('keeps figures next to traps', () => {
    expect(texts(findNumbers('2021年部门预算数890.33万元'))).toEqual(['890.33万元']);
    expect(texts(findNumbers('（201）850.20万元'))).toEqual(['850.20万元']);
    expect(texts(findNumbers('2023年购买13台安可电脑，并于12月前完成'))).toEqual(['13台']);
    expect(texts(findNumbers('(含1个年初结转结余项目50万元)'))).toEqual(['1个', '50万元']);
    expect(texts(findNumbers('1.项目立项背景：资金4.5万元'))).toEqual(['4.5万元']);
  });

  it('reads a score after a word and a colon (not a time): "项目自评分:100分"', () => {
    expect(texts(findNumbers('项目自评分:100分'))).toEqual(['100分']);
    expect(texts(findNumbers('自评得分： 95.5分'))).toEqual(['95.5分']);
  });

  it('does not invent numbers from glued table cells', () => {
    // "194.9 | 194.9 | 100%" flattened: only the longest sensible prefix, nothing from the rest.
    expect(findNumbers('年度资金总额194.9194.9100%其中')).toMatchObject([{ text: '194.9194', kind: 'plain', precision: 4 }]);
    expect(texts(findNumbers('实際到位資金 (萬元) |\n7,00.0,77 |'))).toEqual([]);
  });
});

describe('findNumbers: options', () => {
  it('applies a header unit to bare numbers only', () => {
    const found = findNumbers('238.93 251.89 100.00% 12个', { defaultUnit: '万元' });
    expect(found.map((m) => [m.text, m.unit, m.kind, m.base])).toEqual([
      ['238.93', '万元', 'money', '2389300'],
      ['251.89', '万元', 'money', '2518900'],
      ['100.00%', '%', 'percent', '1'],
      ['12个', '个', 'count', '12'],
    ]);
    expect(only('10', { defaultUnit: '分' })).toMatchObject({ unit: '分', kind: 'score' });
    expect(only('97.2', { defaultUnit: '%' })).toMatchObject({ unit: '%', kind: 'percent', base: '0.972', scale: -2 });
    expect(only('3', { defaultUnit: '度量' })).toMatchObject({ unit: '度量', kind: 'measure', base: '3' });
    // Traps stay traps under a header unit.
    expect(findNumbers('2021年', { defaultUnit: '万元' })).toEqual([]);
  });

  it('drops plain numbers with includePlain: false', () => {
    expect(texts(findNumbers('项目 21.7 支出 5个', { includePlain: false }))).toEqual(['5个']);
    expect(texts(findNumbers('项目 21.7 支出 5个'))).toEqual(['21.7', '5个']);
  });
});

describe('intervalOf', () => {
  it('gives exact figures half a unit of their last printed digit (Calc 1.1 rounding)', () => {
    const m = only('执行数714.07万元');
    expect(intervalOf(m)).toEqual({ lo: '714.065', hi: '714.075', loOpen: false, hiOpen: false });
    expect(intervalOf(m, true)).toEqual({ lo: '7140650', hi: '7140750', loOpen: false, hiOpen: false });
    expect(intervalOf(only('80.2%'))).toEqual({ lo: '80.15', hi: '80.25', loOpen: false, hiOpen: false });
    expect(intervalOf(only('80.2%'), true)).toEqual({ lo: '0.8015', hi: '0.8025', loOpen: false, hiOpen: false });
    expect(intervalOf(only('100.0%'))).toEqual({ lo: '99.95', hi: '100.05', loOpen: false, hiOpen: false });
    expect(intervalOf(only('25万元'))).toEqual({ lo: '24.5', hi: '25.5', loOpen: false, hiOpen: false });
    expect(intervalOf(only('3万人'), true)).toEqual({ lo: '25000', hi: '35000', loOpen: false, hiOpen: false });
  });

  it('uses the bounds of approximate figures, unbounded sides open', () => {
    expect(intervalOf(only('13000多名'))).toEqual({ lo: '13000', hi: '14000', loOpen: false, hiOpen: true });
    expect(intervalOf(only('近万名'))).toEqual({ lo: '0.9', hi: '1', loOpen: false, hiOpen: true });
    expect(intervalOf(only('近万名'), true)).toEqual({ lo: '9000', hi: '10000', loOpen: false, hiOpen: true });
    expect(intervalOf(only('95%以上'))).toEqual({ lo: '95', hi: 'Infinity', loOpen: false, hiOpen: true });
    expect(intervalOf(only('不足10人'))).toEqual({ lo: '-Infinity', hi: '10', loOpen: true, hiOpen: true });
    expect(intervalOf(only('3-5万元'))).toEqual({ lo: '3', hi: '5', loOpen: false, hiOpen: false });
    expect(intervalOf({ value: '714.07', precision: 2, approx: 'exact', scale: 4 })).toEqual({ lo: '714.065', hi: '714.075', loOpen: false, hiOpen: false });
  });
});

describe('the seed report', () => {
  const text = collapseCjkSpaces(readFileSync(SEED, 'utf8'));
  const found = findNumbers(text);

  it('finds exactly the README figures, and nothing else', () => {
    expect(texts(found)).toEqual([
      '2个',
      '890.33万元', '714.07万元', '80.2%',
      '523.39万元', '142.46万元', '5.01万元', '43.22万元',
      '642.19万元', '71.88万元',
      '91.28分',
      '4个', '12个', '7类', '40项', '774名', '165名',
      '10个', '70个', '380条', '1762条', '10个',
      '2期', '48期', '96期', '48期', '4个', '12个',
      '25万元', '24.99万元', '100.0%',
      '4个', '12个', '774名', '60支', '13000多名', '近万名', '80个',
    ]);
  });

  it('types each figure', () => {
    const by = (t: string) => found.find((m) => m.text === t)!;
    expect(by('890.33万元')).toMatchObject({ value: '890.33', base: '8903300', precision: 2, scale: 4, unit: '万元', kind: 'money', approx: 'exact' });
    expect(by('714.07万元')).toMatchObject({ base: '7140700', precision: 2 });
    expect(by('24.99万元')).toMatchObject({ base: '249900', precision: 2 });
    expect(by('25万元')).toMatchObject({ base: '250000', precision: 0 });
    expect(by('80.2%')).toMatchObject({ base: '0.802', precision: 1, kind: 'percent' });
    expect(by('100.0%')).toMatchObject({ base: '1', precision: 1, kind: 'percent' });
    expect(by('91.28分')).toMatchObject({ base: '91.28', kind: 'score', unit: '分' });
    expect(by('13000多名')).toMatchObject({ kind: 'count', approx: 'at_least', lo: '13000', hi: '14000', loOpen: false, hiOpen: true });
    expect(by('近万名')).toMatchObject({ kind: 'count', approx: 'less_than', base: '10000', hi: '10000', hiOpen: true });
    expect(found.filter((m) => m.kind === 'money').map((m) => m.base)).toEqual([
      '8903300', '7140700', '5233900', '1424600', '50100', '432200', '6421900', '718800', '250000', '249900',
    ]);
    for (const m of found) expect(m.text).toBe(text.slice(m.start, m.end));
  });

  it('reads the raw PDF-dump spacing the same way (a stray space is tolerated)', () => {
    const raw = readFileSync(SEED, 'utf8');
    const rawFound = findNumbers(raw, { includePlain: false });
    expect(rawFound.map((m) => m.text.replace(/\s+/gu, ''))).toEqual(texts(found));
    expect(rawFound.find((m) => m.base === '8903300')?.text).toBe('890.33 万元');
  });
});

describe('corpus lines', () => {
  it('thousands separators and 万元 (r15)', () => {
    const found = findNumbers(corpus('r15'));
    expect(found.map((m) => [m.text, m.base])).toEqual([
      ['25个', '25'],
      ['282,796.90万元', '2827969000'],
      ['593,697.88万元', '5936978800'],
      ['100%', '1'],
    ]);
  });

  it('元, 万元 and a Chinese count (r11)', () => {
    const found = findNumbers(corpus('r11'), { includePlain: false });
    expect(found.map((m) => [m.text, m.kind, m.base])).toEqual([
      ['一个', 'count', '1'],
      ['1000元', 'money', '1000'],
      ['239万元', 'money', '2390000'],
      ['179.25万元', 'money', '1792500'],
      ['59.75万元', 'money', '597500'],
      ['87.06万元', 'money', '870600'],
    ]);
  });

  it('rates, counts and document numbers (r64)', () => {
    const found = findNumbers(corpus('r64'), { includePlain: false });
    expect(found.slice(0, 4).map((m) => [m.text, m.unit, m.kind])).toEqual([
      ['4000元/人', '元/人', 'measure'],
      ['3000名', '名', 'count'],
      ['1150人', '人', 'count'],
      ['1850人', '人', 'count'],
    ]);
    expect(texts(found)).not.toContain('2006');
    expect(texts(found)).not.toContain('154号');
  });

  it('traditional characters: 萬元, 畝, 個, 公里, 分; a masked hotline (r55, r61)', () => {
    const r55 = findNumbers(corpus('r55'), { includePlain: false });
    expect(r55.map((m) => [m.text, m.unit, m.approx])).toEqual([
      ['9765萬元', '万元', 'exact'],
      ['1016576.88畝', '亩', 'exact'],
      ['9729.77畝', '亩', 'exact'],
      ['63881.96畝', '亩', 'exact'],
      ['100畝以上', '亩', 'at_least'],
      ['1288.91畝', '亩', 'exact'],
      ['9765萬元', '万元', 'exact'],
      ['8887萬元', '万元', 'exact'],
    ]);
    const r61 = findNumbers(corpus('r61'));
    expect(texts(r61)).not.toContain('400');
    expect(r61.filter((m) => m.kind === 'score').map((m) => m.value)).toEqual(['73.18', '89.03', '86.89']);
    expect(r61.find((m) => m.text === '7505萬元')).toMatchObject({ base: '75050000', unit: '万元' });
  });

  it('comparators in indicator rows (r19, r51)', () => {
    const r19 = findNumbers(corpus('r19'), { includePlain: false });
    expect(r19.filter((m) => m.approx !== 'exact').map((m) => [m.text, m.approx, m.lo])).toEqual([
      ['不低于85%', 'at_least', '0.85'],
      ['不低于105人', 'at_least', '105'],
      ['不低于180人', 'at_least', '180'],
    ]);
    const r51 = findNumbers(corpus('r51'));
    expect(texts(r51)).not.toContain('158');
    expect(r51.filter((m) => m.kind === 'measure').map((m) => m.text)).toEqual(['400元/人、天', '180元/人、天']);
  });

  it('finds nothing from a template page header of years, dates and 文号 (r20)', () => {
    const head = corpus('r20').split('\n').slice(0, 6).join('\n');
    expect(findNumbers(head)).toEqual([]);
  });

  it('every match over the whole corpus is a slice of its text, in order, without overlaps', () => {
    const files = readdirSync(CORPUS).filter((f) => /^r\d+\.txt$/u.test(f));
    expect(files.length).toBeGreaterThan(30);
    let total = 0;
    for (const file of files) {
      const body = collapseCjkSpaces(corpus(file.replace(/\.txt$/u, '')));
      const found = findNumbers(body);
      let last = 0;
      for (const m of found) {
        expect(m.text).toBe(body.slice(m.start, m.end));
        expect(m.start).toBeGreaterThanOrEqual(last);
        expect(m.text).toContain(m.numberText.split('-')[0]!.slice(0, 1));
        expect(() => BigInt(m.base.split('.')[0]!.replace('-', ''))).not.toThrow();
        last = m.end;
      }
      total += found.length;
    }
    expect(total).toBeGreaterThan(500);
  });
});

describe('a word that starts with 时 after a number', () => {
  it('reads the number before 时效/时限/时间 (a flattened row’s last cell before the next row’s heading), still not an hour', () => {
    expect(texts(findNumbers('80% 80% 20 20时效指标 完成时限'))).toEqual(['80%', '80%', '20', '20']);
    expect(texts(findNumbers('会议于24时30分结束'))).toEqual([]);
  });
});
