/** Issue 16 (t202): a fund level listed as a part of a whole and named again in the same sentence. */
import { describe, expect, it } from 'vitest';
import { checkLevelsRestated } from '../../src/check/level-restated.js';

describe('restated: a listed fund level named again', () => {
  it('fails, definite, when the level is named again with the whole (t202)', () => {
    const [r, ...rest] = checkLevelsRestated('项目批复总投资61.8万元,其中中央财政资金30.9万元,县财政配套资金30.9万元,2021年度中央下达资金61.8万元。');
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ rule: 'restated', status: 'fail', certainty: 'definite', detail: { level: '中央' } });
    expect(r!.evidence.map((e) => [e.role, e.text])).toEqual([
      ['statement', '30.9万元'],
      ['restatement', '61.8万元'],
    ]);
  });

  it('passes when the level is named again with its own amount, 省级 and 省 being one level', () => {
    const [r] = checkLevelsRestated('下达资金100万元，其中省级资金60万元，县级配套资金40万元，省财政下达资金60.0万元。');
    expect(r).toMatchObject({ rule: 'restated', status: 'pass' });
  });

  it('says nothing of money that arrived or was spent, of a level no part names, or of a later list', () => {
    expect(checkLevelsRestated('下达资金100万元，其中省级资金60万元，县级配套资金40万元，省级资金到位50万元。')).toEqual([]);
    expect(checkLevelsRestated('下达资金100万元，其中中央资金60万元，地方资金40万元，县级资金30万元。')).toEqual([]);
    // t082: a sentence break lost between two lists of one sentence
    const t082 = '2023年收到财政资金共222.91万元,其中:中央资金30.4万元,地方资金59万元,其他资金133.51万元2023年支出154.84万元,其中中央资金30万元,地方资金5.8万元,其他资金119.04万元';
    expect(checkLevelsRestated(t082)).toEqual([]);
    // less than the part may be a piece of it
    expect(checkLevelsRestated('下达资金100万元，其中省级资金60万元，县级配套资金40万元，县级补助资金10万元。')).toEqual([]);
    // another year's money
    expect(checkLevelsRestated('2021年下达资金100万元，其中中央资金60万元，县级配套资金40万元，2022年度中央下达资金100万元。')).toEqual([]);
  });

  it('lets a level pass down the money of the levels above it (省级下达 = 中央 + 省级), not of those below', () => {
    expect(checkLevelsRestated('总投资100万元，其中中央资金60万元，省级资金40万元，省级下达资金100万元。')).toEqual([]);
    expect(checkLevelsRestated('总投资100万元，其中中央资金60万元，省级资金40万元，省级资金100万元。')[0]).toMatchObject({ status: 'fail' });
    expect(checkLevelsRestated('总投资100万元，其中省级资金60万元，县级资金40万元，省级下达资金100万元。')[0]).toMatchObject({ status: 'fail' });
    // 地方 is below the centre, though of no fixed level; the centre passes down no 地方 money
    expect(checkLevelsRestated('总投资100万元，其中中央资金60万元，地方资金40万元，中央下达资金100万元。')[0]).toMatchObject({ status: 'fail' });
    expect(checkLevelsRestated('总投资100万元，其中省级资金60万元，地方资金40万元，省级下达资金100万元。')).toEqual([]);
  });

  it('needs two levels among the parts: a level two parts share names neither', () => {
    expect(checkLevelsRestated('下达资金100万元，其中中央资金60万元，中央预算内投资40万元，中央下达资金100万元。')).toEqual([]);
  });
});
