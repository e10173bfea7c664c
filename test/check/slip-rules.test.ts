/** Labelled slips of the narrative shapes (share_rate, product, completion_rate, over_fulfilment) name the checks that report them. */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { caughtSlips, rulesForSlip } from './mutate.js';

describe('SLIP_RULES for the narrative shapes', () => {
  it('maps each label rule name to its check rules', () => {
    expect(rulesForSlip({ rule: 'share_rate' })).toEqual(expect.arrayContaining(['narrative.share', 'share.of_whole']));
    expect(rulesForSlip({ rule: 'product' })).toContain('narrative.product');
    expect(rulesForSlip({ rule: 'completion_rate' })).toEqual(expect.arrayContaining(['narrative.rate', 'indicator.over_fulfilment']));
    expect(rulesForSlip({ rule: 'over_fulfilment' })).toContain('indicator.over_fulfilment');
  });

  it('counts a product slip in a lottery-fund announcement as caught', async () => {
    const text = '关于2023年补贴资金发放情况的公示\n按每亩91.07元标准，补贴面积1200亩，共计10.95万元。\n';
    const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'notice.txt' });
    const slip = { rule: 'product', description: '1200亩 × 91.07元 = 10.93万元, printed 10.95万元' };
    expect(caughtSlips(record.checks, [slip])).toEqual([slip]);
  });
});
