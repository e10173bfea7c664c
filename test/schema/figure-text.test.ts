import { describe, expect, it } from 'vitest';
import { groupThousands, showMoney, showRate } from '../../src/schema/figure-text.js';
import { sampleRecord } from '../store/sample-record.js';

describe('showMoney', () => {
  const budget = sampleRecord().figures.budget!;
  it('keeps the printed unit and adds thousands separators', () => {
    expect(showMoney(budget)).toBe('890.33万元');
    expect(showMoney({ ...budget, text: '12345.6万元' })).toBe('12,345.6万元');
    expect(showMoney({ ...budget, text: '8903300元', unit: '元', scale: 0 })).toBe('8,903,300元');
  });
  it('adds the unit of a table cell printed bare, and keeps 万 without 元', () => {
    expect(showMoney({ ...budget, text: '307.82' })).toBe('307.82万元');
    expect(showMoney({ ...budget, text: '29.6万', unit: '', kind: 'plain' })).toBe('29.6万');
    expect(showMoney({ ...budget, text: '8903300', unit: '', kind: 'plain', scale: 0 })).toBe('8,903,300元');
  });
  it('leaves separators already printed and figures that are not money', () => {
    expect(groupThousands('1,234.5万元')).toBe('1,234.5万元');
    expect(showMoney({ ...budget, text: '80.2%', unit: '%', kind: 'percent' })).toBe('80.2%');
    expect(showRate(0.802)).toBe('80.2%');
  });
});
