/** Features of src/extract/roles/features.ts, each on the shape it was written for and on one it must not take. */
import { describe, expect, it } from 'vitest';
import { decision, recordOf, seen } from './record-of.js';

const firedOn = (r: Awaited<ReturnType<typeof recordOf>>, role: string) => decision(r, role).candidates.flatMap((c) => c.features.map((f) => f.id));

describe('budget.whole.其中年初预算', () => {
  it('reads a whole whose parts open with the year-start budget as the budget, whatever its clause calls it', async () => {
    const r = await recordOf('2022年预算收入69.06万元，其中年初预算57.28万元，调整追加11.78万元。2022年支出76.36万元。');
    expect(seen(r.figures.budget)).toEqual([690600, '69.06万元']);
    expect(seen(r.figures.budgetInitial)).toEqual([572800, '57.28万元']);
    expect(seen(r.figures.execution)).toEqual([763600, '76.36万元']);
  });
  it('does not fire on parts that open with something else', async () => {
    const r = await recordOf('2022年收入69.06万元，其中财政拨款57.28万元。');
    expect(r.figures.budget).toBeNull();
    expect(firedOn(r, 'budget')).not.toContain('budget.whole.其中年初预算');
  });
});

describe('execution.label.已拨付资金', () => {
  it('reads a fund already paid out, named after the verb, as the execution', async () => {
    const r = await recordOf('项目总投资1807万元。按照工程进度已拨付中央财政水污染防治资金680万元，专项资金执行率为80%。');
    expect(seen(r.figures.execution)).toEqual([6800000, '680万元']);
    expect(decision(r, 'execution').candidates[0]!.features.map((f) => f.id)).toContain('execution.label.已拨付资金');
  });
  it('takes no transfer a higher level paid (no 已/实际 before the verb) as spending', async () => {
    const r = await recordOf('中央财政拨付宁国市政策性特色险奖补资金7.34万元，中央未下达绩效目标。');
    expect(r.figures.execution).toBeNull();
  });
});
