import { describe, expect, it } from 'vitest';
import { checkItemizedBreakdowns } from '../../src/check/itemized-breakdown.js';

describe('measure parts (t306 shape)', () => {
  it('fails definite when parallel parts exceed the whole', () => {
    const [r] = checkItemizedBreakdowns('一年来，硬化道路7.8公里，其中三湾村3.4公里，庙沟村1.9公里，大义村2.5公里，陈家村1.9公里。');
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite', expected: { lo: '9.5', hi: '9.9' } });
    expect(r!.evidence.map((e) => e.text)).toEqual(['7.8公里', '3.4公里', '1.9公里', '2.5公里', '1.9公里']);
  });

  it('passes when the parts make the whole, and only warns when they fall short', () => {
    expect(checkItemizedBreakdowns('硬化道路9.7公里，其中三湾村3.4公里，庙沟村1.9公里，大义村2.5公里，陈家村1.9公里。')[0]!.status).toBe('pass');
    expect(checkItemizedBreakdowns('硬化道路12公里，其中三湾村3.4公里，庙沟村1.9公里。')[0]).toMatchObject({ status: 'warn', certainty: 'possible' });
  });

  it('reads no list whose names are not parallel or that a further clause follows', () => {
    expect(checkItemizedBreakdowns('硬化道路7.8公里，其中三湾村3.4公里，新建排水沟6公里。')).toEqual([]);
    expect(checkItemizedBreakdowns('硬化道路7.8公里，其中三湾村3.4公里，庙沟村6公里，惠及群众2000人。')).toEqual([]);
  });
});

describe('itemized amounts (t228 shape)', () => {
  const whole = '一是布达拉宫管理处，下达预算资金9378万元。';
  it('fails definite when the items after 具体是 fall short of the amount before it', () => {
    const [r] = checkItemizedBreakdowns(`${whole}具体是：雪城修缮展示工程项目3005万元；二期结构检测工程项目1235万元；消防提升工程项目1613万元。`);
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' });
    expect(r!.evidence[0]!.text).toBe('9378万元');
  });

  it('reads items and amount as 四舍五入 printed them: a sum that only touches its amount fails', () => {
    // 100 + 100 + 100 stands for [298.5, 301.5), 302 for [301.5, 302.5): they touch at 301.5 only.
    const [touch] = checkItemizedBreakdowns('项目资金302万元。分别为：甲专项经费100万元；乙专项经费100万元；丙专项经费100万元。');
    expect(touch).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(checkItemizedBreakdowns('项目资金301万元。分别为：甲专项经费100万元；乙专项经费100万元；丙专项经费100万元。')[0]).toMatchObject({ status: 'pass' });
  });

  it('counts an item "甲、乙项目各N万元" once per name (no false alarm), and fails when the items still miss', () => {
    expect(checkItemizedBreakdowns('项目资金25万元。分别为：甲、乙项目各10万元；丙项目5万元。')[0]).toMatchObject({ status: 'pass' });
    expect(checkItemizedBreakdowns('项目资金25万元。分别为：甲、乙项目各10万元；丙项目2万元。')[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
    // 各 with no names to count: the list is not read
    expect(checkItemizedBreakdowns('项目资金25万元。分别为：甲项目各10万元；丙项目5万元。')).toEqual([]);
  });

  it('passes items that make the amount, remarks after an item allowed', () => {
    const [r] = checkItemizedBreakdowns('项目资金300万元。分别为：2021年甲专项资金100万元，资金直接拨付至县财政局；乙经费200万元。');
    expect(r).toMatchObject({ status: 'pass' });
  });

  it('reads the items after the amount and a comma in the same sentence', () => {
    const [r] = checkItemizedBreakdowns('下达预算资金9378万元，具体是：雪城修缮展示工程项目3005万元；消防提升工程项目1613万元。');
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['9378万元', '3005万元', '1613万元']);
  });

  it('abstains when an item holds two amounts or the amount does not end its sentence', () => {
    expect(checkItemizedBreakdowns('项目资金300万元。具体是：甲100万元，其中中央50万元；乙100万元。')).toEqual([]);
    expect(checkItemizedBreakdowns('项目资金300万元，已全部支出。具体是：甲100万元；乙100万元。')).toEqual([]);
  });
});
