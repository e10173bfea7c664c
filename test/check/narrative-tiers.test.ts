/** Points stated in a narrative's own outline (t808's shape: items given more points than their heading). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { checkNarrativeTiers } from '../../src/check/narrative-tiers.js';

/** A narrative 自评 in t808's layout: the 满意度 heading's points and its two items' points and scores. */
const report = (satisfaction: string, student: string, parent: string, studentScore = '10') =>
  [
    '四、绩效目标实现情况',
    '1.产出指标完成情况:分值30分,自评得分30分。',
    '(1)数量指标:分值10分,自评得分10分。应补助人数10人,实际补助人数10人。',
    '(2)时效指标:分值10分,自评得分10分。资金当年到位率100%。',
    '(3)成本指标:分值10分,自评得分10分。人均补助标准6000元/生。',
    `2. 满意度指标完成情况:分值${satisfaction}分,自评得分10分。学生满意度:分值${student}分,经测评,学生满意度为99.1%,自评得分${studentScore}分;家长满意度:分值${parent}分,经测评,家长满意度为98.5%,自评得分5分。`,
    '五、存在的问题',
    '(1)宣传不够:分值6分。',
    '(2)整改不力:分值6分。',
  ].join('\n');

describe('checkNarrativeTiers', () => {
  it('fails items whose 分值 add up above their heading’s, citing the heading and each item (t808: 10 + 10 > 10)', () => {
    const fails = checkNarrativeTiers(report('10', '10', '10', '5')).filter((r) => r.status === 'fail');
    expect(fails).toHaveLength(1);
    expect(fails[0]).toMatchObject({ rule: 'indicator.tier_total', status: 'fail', certainty: 'definite' });
    expect(fails[0]!.evidence.map((e) => `${e.role} ${e.text}`)).toEqual(['total 分值10分', 'part 分值10分', 'part 分值10分']);
  });

  it('passes items that make their heading (marked ones under a marked heading, unmarked ones in its paragraph), and says nothing below it', () => {
    const results = checkNarrativeTiers(report('10', '5', '5', '5'));
    expect(results.map((r) => `${r.rule} ${r.status} ${r.evidence[0]!.text}`)).toEqual([
      'indicator.tier_total pass 分值30分',
      'indicator.scores_total pass 自评得分30分',
      'indicator.tier_total pass 分值10分',
      'indicator.scores_total pass 自评得分10分',
    ]);
    expect(checkNarrativeTiers(report('10', '3', '5')).filter((r) => r.detail?.narrative && r.evidence[0]!.text === '分值10分')).toEqual([]);
  });

  it('fails scores that miss the heading’s once the items’ points make it (the list is complete)', () => {
    const [fail] = checkNarrativeTiers(report('10', '5', '5', '5')).filter((r) => r.status === 'fail');
    expect(fail).toBeUndefined();
    const [wrong] = checkNarrativeTiers(report('10', '5', '5', '4')).filter((r) => r.status === 'fail');
    expect(wrong).toMatchObject({ rule: 'indicator.scores_total', certainty: 'definite' });
    expect(wrong!.evidence.map((e) => e.text)).toEqual(['自评得分10分', '自评得分4分', '自评得分5分']);
  });

  it('fails scores above the heading’s even when the items’ points leave some out, and says nothing of scores below it then', () => {
    // 5 + 5 points of the heading's 20: the list may be partial, but 6 + 5 scored is above its 10 whatever is left out.
    const [above, ...rest] = checkNarrativeTiers(report('20', '5', '5', '6')).filter((r) => r.evidence[0]!.text.endsWith('10分') && r.rule === 'indicator.scores_total');
    expect(rest).toEqual([]);
    expect(above).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(above!.evidence.map((e) => e.text)).toEqual(['自评得分10分', '自评得分6分', '自评得分5分']);
    expect(checkNarrativeTiers(report('20', '5', '5', '4')).filter((r) => r.status === 'fail')).toEqual([]);
  });

  it('keeps a heading’s items within its section: a later section’s points are not its items', () => {
    // "五、" ends the 满意度 heading's section: its (1) 6 + (2) 6 would be items one level nearer than 学生/家长满意度.
    expect(checkNarrativeTiers(report('10', '5', '5', '5')).filter((r) => r.status === 'fail')).toEqual([]);
    expect(checkNarrativeTiers(report('10', '5', '5', '5').replace('五、存在的问题', '存在的问题')).filter((r) => r.status === 'fail')).toHaveLength(1);
  });

  it('runs in the engine on a whole text (CHECK_RULES)', async () => {
    const { record } = await analyzeBytes(Buffer.from(report('10', '10', '10'), 'utf8'), { fileName: 'narrative.txt' });
    const fail = record.checks.find((c) => c.rule === 'indicator.tier_total' && c.status === 'fail');
    expect(fail?.evidence.map((e) => e.text)).toEqual(['分值10分', '分值10分', '分值10分']);
  });
});
