/** indicator.value_range: shares of a whole (满意度, 合格率 …) stated above 100%. */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { makeIndicator, makeRecord } from './make-figure.js';

const rangeOf = (...indicators: ReturnType<typeof makeIndicator>[]) =>
  checkRecord(makeRecord({ indicators })).filter((c) => c.rule === 'indicator.value_range');

describe('indicator.value_range', () => {
  it('fails a satisfaction target above 100%, citing the cell, both intervals in percent as the unit says', () => {
    const [r, ...rest] = rangeOf(makeIndicator('市民满意度调查', null, null, { target: '290%', actual: '100%' }));
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ status: 'fail', unit: '%', actual: { lo: '290', hi: '290' }, expected: { lo: '0', hi: '100' } });
    expect(r!.evidence.map((e) => e.text)).toEqual(['290%']);
    expect(r!.message.zh).toContain('年度指标值 290%');
  });

  it('fails an actual value above 100% and passes shares within it', () => {
    expect(rangeOf(makeIndicator('产品抽检合格率', '10', '10', { target: '≥95%', actual: '103%' }))[0]?.status).toBe('fail');
    const [ok] = rangeOf(makeIndicator('群众知晓率', null, null, { target: '≥90%', actual: '100%' }), makeIndicator('覆盖率', null, null, { target: '100%', actual: '99.5%' }));
    expect(ok).toMatchObject({ status: 'pass', detail: { rows: 2 } });
  });

  it('leaves rates that may exceed 100% and changes alone', () => {
    expect(rangeOf(makeIndicator('预算执行率', '10', '10', { target: '100%', actual: '107%' }))).toEqual([]);
    expect(rangeOf(makeIndicator('任务完成率', null, null, { target: '100%', actual: '120%' }))).toEqual([]);
    expect(rangeOf(makeIndicator('满意度较上年提高', null, null, { target: '110%', actual: '115%' }))).toEqual([]);
    expect(rangeOf(makeIndicator('群众满意度', null, null, { target: '较上年增长120%', actual: '达成' }))).toEqual([]);
    expect(rangeOf(makeIndicator('培训人数', null, null, { target: '≥50人', actual: '156人' }))).toEqual([]);
  });
});
