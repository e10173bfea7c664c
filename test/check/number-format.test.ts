import { describe, expect, it } from 'vitest';
import { checkNumberFormats } from '../../src/check/number-format.js';

describe('checkNumberFormats (a money unit glued to a unit of area or length)', () => {
  it('fails "万元亩" definitely, citing the amount', () => {
    const results = checkNumberFormats('计划和实际承保面积为42.59万元亩,承保率为74.02%,总保费1293.45万元。');
    expect(results.map((r) => [r.rule, r.status, r.certainty, r.evidence[0]!.text])).toEqual([['number_format', 'fail', 'definite', '42.59万元']]);
    expect(results[0]!.evidence[0]!.evidence.start).toBe(10);
  });

  it('leaves per-unit amounts and new words alone', () => {
    expect(checkNumberFormats('补助标准为每亩300元/亩，共42.59万亩，投入50万元亩均增收200元，亩产提高。')).toEqual([]);
    expect(checkNumberFormats('奖励1000元人民币，修建道路3公里，投入120万元。')).toEqual([]);
  });
});

describe('checkNumberFormats (digit grouping that is no grouping)', () => {
  it('fails "7,00.0,77" definitely, citing the whole run (r59)', () => {
    const results = checkNumberFormats('實際到位資金 7,00.0,77 | 實際支出 7,00.0,77 |');
    expect(results.map((r) => [r.rule, r.status, r.certainty, r.evidence[0]!.text])).toEqual([
      ['number_format', 'fail', 'definite', '7,00.0,77'],
      ['number_format', 'fail', 'definite', '7,00.0,77'],
    ]);
    expect(results[0]!.evidence[0]!.evidence.start).toBe(7);
    expect(checkNumberFormats('合计3,05万元')).toHaveLength(1);
  });

  it('leaves grouped numbers, lists, flattened rows and dates alone', () => {
    expect(checkNumberFormats('支出1,867.48万元，收入12,345,678.90元，第1,2,3项，250000.00,250000.00,215457.6，指标1,0，2021.05.06,2021.06.01')).toEqual([]);
  });
});
