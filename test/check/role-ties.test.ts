/** Issue 16: a headline figure stated twice with close, different values is reported, not silently dropped. */
import { describe, expect, it } from 'vitest';
import { checkRoleTies } from '../../src/check/role-ties.js';
import type { RoleDecision } from '../../src/schema/record.js';
import { makeFigure, makeRecord } from './make-figure.js';

const decision = (role: string, reason: string, ...stated: [string, number, string][]): RoleDecision => ({
  role,
  chosen: null,
  reason,
  candidates: stated.map(([s, score, label]) => ({ figure: makeFigure(s), score, features: [{ id: label, weight: score }] })),
});

describe('restated (headline candidates)', () => {
  it('warns (possible) on a rate stated twice in the same words, 72.03% and 72.10%', () => {
    const record = { ...makeRecord(), roles: [decision('executionRate', 'abstained_tie', ['72.10%', 8.5, 'executionRate.label.执行率'], ['72.03%', 8, 'executionRate.label.执行率'])] };
    const [r] = checkRoleTies(record);
    expect(r).toMatchObject({ rule: 'restated', status: 'warn', certainty: 'possible' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['72.10%', '72.03%']);
  });

  it('says nothing of far-apart values, other labels, scores, or documents with forms', () => {
    const far = { ...makeRecord(), roles: [decision('budget', 'abstained_tie', ['2263万元', 8.5, 'budget.label.预算'], ['791万元', 8, 'budget.label.预算'])] };
    expect(checkRoleTies(far)).toEqual([]);
    const other = { ...makeRecord(), roles: [decision('budget', 'abstained_tie', ['602.377万元', 8.5, 'budget.label.预算'], ['547.615万元', 8, 'budget.label.下达'])] };
    expect(checkRoleTies(other)).toEqual([]);
    const scores = { ...makeRecord(), roles: [decision('selfScore', 'abstained_tie', ['94.7分', 8.5, 'score.label'], ['98.0分', 8, 'score.label'])] };
    expect(checkRoleTies(scores)).toEqual([]);
    const forms = { ...makeRecord({}, { documentKind: 'final_accounts' }), roles: far.roles.map((d) => ({ ...d, candidates: d.candidates.slice(0, 1).concat([{ ...d.candidates[0]!, figure: makeFigure('2264万元') }]) })) };
    expect(checkRoleTies(forms)).toEqual([]);
  });

  it('takes a tie the rate broke as one figure even under other labels (t176: 547.615 / 602.377万元)', () => {
    const record = { ...makeRecord(), roles: [decision('budget', 'tie_broken_by_rate', ['547.615万元', 9, 'budget.label.下达'], ['602.377万元', 8.5, 'budget.label.预算'])] };
    expect(checkRoleTies(record)[0]).toMatchObject({ status: 'warn' });
  });
});
