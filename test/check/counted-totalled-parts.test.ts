import { describe, expect, it } from 'vitest';
import { checkBreakdowns } from '../../src/check/breakdown.js';
import { checkCountedParts } from '../../src/check/counted-parts.js';
import { checkTotalledItems } from '../../src/check/totalled-items.js';

describe('parts counted and summed (t876 shape)', () => {
  const whole = '我局2023年预算安排专项资金项目共计113个，财政资金3267.28万元。';
  const parts = (last: string) =>
    `${whole}其中绩效自评“优”的项目79个财政资金3038.38万元；绩效自评“良”的项目11个财政资金201.9万元，绩效自评“中”的项目3个财政资金7万元，绩效自评“差”的项目20个财政资金${last}万元（“三区”人才项目16个49万元），分别是：`;
  it('fails definite when parts whose counts make the whole count do not make its money', () => {
    const [r] = checkCountedParts(parts('218.07'));
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['3267.28万元', '3038.38万元', '201.9万元', '7万元', '218.07万元']);
  });
  it('passes when they do, and reads nothing when the counts do not add up', () => {
    expect(checkCountedParts(parts('20'))[0]).toMatchObject({ status: 'pass' });
    expect(checkCountedParts(parts('218.07').replace('20个财政资金', '21个财政资金'))).toEqual([]);
  });
});

describe('parts counted and summed, the whole in the same sentence', () => {
  it('reads "共N个项目，资金X万元，其中…" and fails definite when the money falls short', () => {
    const [r] = checkCountedParts('全年共实施5个项目，资金30.00万元，其中A类项目3个20.00万元，B类项目2个9.00万元。');
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' });
    expect(checkCountedParts('全年共实施5个项目，资金30.00万元，其中A类项目3个20.00万元，B类项目2个10.00万元。')[0]).toMatchObject({ status: 'pass' });
  });
});

describe('a 共计 total and its items (t871 shape)', () => {
  const text = (last: string) =>
    `我部2018年与国内部分主流媒体战略合作，项目经费共计163.69万。主要包括与郴州电视台开展战略合作，经费33.69万；与湖南日报、郴州日报开展战略合作，经费各40万；与中新社、新华社战略合作，经费各15万；与华声在线战略合作，经费${last}万。`;
  it('counts an item "A、B，经费各N万" once per name, and fails definite when the items miss the total', () => {
    const plain = (last: string) => text(last).replace('主要包括', '包括');
    const [r] = checkTotalledItems(plain('15'));
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' });
    expect(checkTotalledItems(plain('20'))[0]).toMatchObject({ status: 'pass' });
    expect(checkTotalledItems(text('20'))[0]).toMatchObject({ status: 'pass' });
  });
  it('fails only possible when a list that says "主要包括" (mainly) falls short, definite when it runs over', () => {
    expect(checkTotalledItems(text('15'))[0]).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'possible' });
    expect(checkTotalledItems(text('25'))[0]).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' });
  });
  it('reads no list that says it goes on (等), nor a total not closing its sentence', () => {
    expect(checkTotalledItems(text('15').replace('华声在线', '华声在线等'))).toEqual([]);
    expect(checkTotalledItems(text('15').replace('共计163.69万。', '共计163.69万，已拨付。'))).toEqual([]);
  });
});

describe('a 基本支出 by its economic classes (t828 shape)', () => {
  const text = (wage: string) => `1.基本支出2956.36万元，其中：工资福利支出${wage}万元，商品和服务支出432.65万元，对个人和家庭的补助93.12万元，其他资本性支出6.5万元。`;
  it('fails definite when every class of basic spending is named once and the sum falls short', () => {
    expect(checkBreakdowns(text('2424.00'))[0]).toMatchObject({ rule: 'sum.breakdown', status: 'fail', certainty: 'definite' });
    expect(checkBreakdowns(text('2424.09'))[0]).toMatchObject({ status: 'pass' });
  });
  it('only warns when the whole is not named 基本支出 (all spending by class may hold more classes)', () => {
    const [r] = checkBreakdowns(text('2424.00').replace('1.基本支出', '本年支出合计'));
    expect(r).toMatchObject({ status: 'warn', certainty: 'possible' });
  });
  it('only warns when a class is missing (the list may be partial)', () => {
    const [r] = checkBreakdowns('基本支出2956.36万元，其中：工资福利支出2424.00万元，商品和服务支出432.65万元，对个人和家庭的补助93.12万元。');
    expect(r).toMatchObject({ status: 'warn', certainty: 'possible' });
  });
});
