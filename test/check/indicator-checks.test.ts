/** Issue 16: a 总分 that leaves out the 预算执行 part is a published slip of its own. */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { makeFigure, makeIndicator, makeRecord, ofRule } from './make-figure.js';

/** Nine indicator rows of 10 分 (the 预算执行率 10 分 scored in the funds part), scores 85 in all. */
const rows = () => [...Array.from({ length: 8 }, (_, i) => makeIndicator(`指标${i + 1}`, '10', '10')), makeIndicator('满意度', '10', '5')];

describe('indicator.scores_total and the 预算执行 part', () => {
  it('fails a total equal to the rows alone while the stated rate earns 预算执行 points', () => {
    const record = makeRecord({ indicators: rows(), selfScore: makeFigure('85分'), executionRate: makeFigure('95%') });
    const [r] = ofRule(checkRecord(record), 'indicator.scores_total');
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite', detail: { leavesOutBudgetExecution: true } });
  });

  it('passes the total that includes it (85 + 10 × 95% = 94.5)', () => {
    const record = makeRecord({ indicators: rows(), selfScore: makeFigure('94.5分'), executionRate: makeFigure('95%') });
    expect(ofRule(checkRecord(record), 'indicator.scores_total')[0]?.status).toBe('pass');
  });

  it('says nothing new without a rate, or when the rows weigh 100', () => {
    const noRate = makeRecord({ indicators: rows(), selfScore: makeFigure('85分') });
    expect(ofRule(checkRecord(noRate), 'indicator.scores_total')[0]?.status).toBe('pass');
    const full = makeRecord({ indicators: [...rows(), makeIndicator('时效', '10', '10')], selfScore: makeFigure('95分'), executionRate: makeFigure('95%') });
    expect(ofRule(checkRecord(full), 'indicator.scores_total')[0]?.status).toBe('pass');
  });
});
