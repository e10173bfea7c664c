/** Issue 16 (t548): money that arrived in full against the money allocated. */
import { describe, expect, it } from 'vitest';
import { checkArrival } from '../../src/check/arrival.js';

describe('arrival.above_allocation', () => {
  it('warns, possible, when a whole-万元 arrival is above the allocation only read as exact (t548)', () => {
    const text = '年初预算安排项目174万元，实际实施并下达预算指标173.65万元。该项目资金来源为财政本级预算174万元，全部到位并当年使用，使用率100%。';
    const [r, ...rest] = checkArrival(text);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ rule: 'arrival.above_allocation', status: 'warn', certainty: 'possible', detail: { cellsRead: 'exact' } });
    expect(r!.evidence.map((e) => [e.role, e.text])).toEqual([
      ['allocated', '173.65万元'],
      ['arrived', '174万元'],
    ]);
  });

  it('fails, possible, when the arrival is above the allocation at its printed precision', () => {
    const [r] = checkArrival('县财政下达资金603万元，用于产业扶贫项目。该项目613万元均已到位。');
    expect(r).toMatchObject({ status: 'fail', certainty: 'possible' });
  });

  it('passes an arrival within the allocation, and says nothing of one below it being partial', () => {
    expect(checkArrival('县财政下达资金603万元。该项目603万元均已到位。')[0]).toMatchObject({ status: 'pass' });
    expect(checkArrival('县财政下达资金603万元。该项目资金到位率100%，其中300万元已支付。')).toEqual([]);
  });

  it('reads nothing when the text states several allocations (batches), or the allocation arrives in its own sentence', () => {
    expect(checkArrival('下达第一批资金100万元。下达第二批资金50万元。该项目150万元均已到位。')).toEqual([]);
    expect(checkArrival('下达第一批乡村振兴衔接资金100万元，资金到位率100%。')).toEqual([]);
  });
});
