/**
 * Issue 16, quantities not words: a count's identity is its subject (with synonyms), action,
 * qualifiers and scope; only counts of one identity are compared, and a mismatch is `possible`.
 */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { canonicalSubject, identityOf } from '../../src/check/count-identity.js';
import type { CheckResult, Count } from '../../src/schema/record.js';
import { makeCountIn, makeRecord } from './make-figure.js';

function restated(text: string, counts: Count[]): CheckResult[] {
  return checkRecord(makeRecord({ counts }), { text }).filter((r) => r.rule === 'count.restated');
}

describe('count identity', () => {
  it('reads subject synonyms from the thesaurus, not by edit distance', () => {
    expect(canonicalSubject('党组织书记和党务工作者')).toBe('党组织书记和党务干部');
    expect(canonicalSubject('被评议单位')).toBe('参评单位');
    // one character apart, but not synonyms
    expect(canonicalSubject('党务干事')).toBe('党务干事');
  });

  it('reads a count under a targets heading as planned, apart from the same count under its results (t936)', () => {
    const text = '一、2021年度绩效目标\n实施城镇移民安置帮扶项目123个、农村移民安置帮扶项目187个。\n二、2021年度绩效目标实现情况\n完成城镇移民安置帮扶项目123个、农村移民安置帮扶项目191个。';
    const counts = [
      makeCountIn(text, '187个', { subject: '项目', action: '帮扶' }),
      makeCountIn(text, '191个', { subject: '项目', action: '帮扶' }),
    ];
    expect(restated(text, counts)).toEqual([]);
    expect(identityOf(counts[0]!, text).qualifiers).toContain('planned');
    expect(identityOf(counts[1]!, text).qualifiers).not.toContain('planned');
    // under two results headings the same statements are one quantity, and they disagree
    const results = text.replace('一、2021年度绩效目标\n', '一、2021年度绩效目标完成情况\n');
    const resultCounts = [
      makeCountIn(results, '187个', { subject: '项目', action: '帮扶' }),
      makeCountIn(results, '191个', { subject: '项目', action: '帮扶' }),
    ];
    expect(restated(results, resultCounts).map((x) => x.status)).toEqual(['fail']);
  });

  it('keeps counts of two numbered list items apart (t431: 资助对象 of item 3 and of item 7)', () => {
    const text = '3.资助养老服务补贴项目155个，资助对象351000人。\n7.资助医疗救助等项目284个，资助对象548700人。';
    const counts = [
      makeCountIn(text, '351000人', { subject: '资助对象', action: '资助' }),
      makeCountIn(text, '548700人', { subject: '资助对象', action: '资助' }),
    ];
    expect(restated(text, counts)).toEqual([]);
    // the same two statements without item numbers are one quantity stated twice, and they disagree
    const plain = text.replace('3.', '').replace('7.', '');
    const plainCounts = [
      makeCountIn(plain, '351000人', { subject: '资助对象', action: '资助' }),
      makeCountIn(plain, '548700人', { subject: '资助对象', action: '资助' }),
    ];
    expect(restated(plain, plainCounts).map((x) => x.status)).toEqual(['fail']);
    // "2.5万人…" opens with a number, not an item
    expect(identityOf(makeCountIn('2.25人次参加培训', '25人次', { subject: '人次', action: '参加' }), '2.25人次参加培训').item).toBeUndefined();
  });

  it('keeps the beneficiaries of two spendings apart, each sentence stating its own (t631)', () => {
    const text = '免学费按2000元/生标准投入183.82万元,惠及学生1098人。高中助学金按平均2000元/生标准投入1106.97万元,惠及学生5962人。';
    const counts = [makeCountIn(text, '1098人', { subject: '学生', action: '惠及' }), makeCountIn(text, '5962人', { subject: '学生', action: '惠及' })];
    expect(restated(text, counts)).toEqual([]);
    // a rate per head is no spending: "2000元/生" alone leaves them one quantity stated twice
    expect(identityOf(counts[0]!, text).spend).toBe('183.82万元');
    const noAmount = text.replace('投入183.82万元,', '实施资助,').replace('投入1106.97万元,', '实施资助,');
    const plain = [makeCountIn(noAmount, '1098人', { subject: '学生', action: '惠及' }), makeCountIn(noAmount, '5962人', { subject: '学生', action: '惠及' })];
    expect(restated(noAmount, plain).map((x) => x.status)).toEqual(['fail']);
    // one sentence naming the money, the other none: still one quantity restated
    const half = text.replace('投入1106.97万元,', '实施资助,');
    const halfCounts = [makeCountIn(half, '1098人', { subject: '学生', action: '惠及' }), makeCountIn(half, '5962人', { subject: '学生', action: '惠及' })];
    expect(restated(half, halfCounts).map((x) => x.status)).toEqual(['fail']);
  });

  it('keeps two age bands of one subject apart, and still compares one band stated twice (t854)', () => {
    const text = '全县70周岁以上老人共有53908人,其中70-79周岁老年人40098人,80-89周岁的老年人12673人。';
    const counts = [makeCountIn(text, '40098人', { subject: '老年人', action: '' }), makeCountIn(text, '12673人', { subject: '老年人', action: '' })];
    expect(restated(text, counts)).toEqual([]);
    const twice = '其中70-79周岁老年人40098人。经核实,其中70-79周岁老年人40089人。';
    const twiceCounts = [makeCountIn(twice, '40098人', { subject: '老年人', action: '' }), makeCountIn(twice, '40089人', { subject: '老年人', action: '' })];
    expect(restated(twice, twiceCounts).map((x) => x.status)).toEqual(['fail']);
  });

  it('catches the seed 774 名 edited to 747 where the other sentence names the people differently', () => {
    const text = '组织747名党组织书记和党务干部参加能力提升培训。分层分级举办培训班，共培训党组织书记和党务工作者774名。';
    const counts = [
      makeCountIn(text, '747名', { subject: '党组织书记和党务干部', action: '培训' }),
      makeCountIn(text, '774名', { subject: '党组织书记和党务工作者', action: '培训' }),
    ];
    const [r] = restated(text, counts);
    expect(r).toMatchObject({ status: 'fail', certainty: 'possible' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['747名', '774名']);
    // unchanged: one quantity, stated twice consistently
    const same = text.replace('747名', '774名');
    const sameCounts = [
      makeCountIn(same, '774名', { subject: '党组织书记和党务干部', action: '培训', occurrence: 0 }),
      makeCountIn(same, '774名', { subject: '党组织书记和党务工作者', action: '培训', occurrence: 1 }),
    ];
    expect(restated(same, sameCounts).map((x) => x.status)).toEqual(['pass']);
  });

  it('does not compare a stock with a planned addition (共有公务用车 2 辆 / 拟新增配置公务用车 0 辆)', () => {
    const text = '截至年末共有公务用车2辆。本年拟新增配置公务用车0辆。';
    const counts = [makeCountIn(text, '2辆', { subject: '公务用车', action: '共有' }), makeCountIn(text, '0辆', { subject: '公务用车', action: '配置' })];
    expect(identityOf(counts[0]!, text).qualifiers).toEqual(['stock']);
    expect(identityOf(counts[1]!, text).qualifiers).toEqual(['new', 'planned']);
    expect(restated(text, counts)).toEqual([]);
  });

  it('gives a part its whole\'s qualifiers: purchases of the year are not the fleet (t546: 购置…0辆，其中：轿车0辆 / 共有…7辆，其中：轿车2辆)', () => {
    const text = '全年按规定更新购置公务用车0辆,其中:轿车0辆、金额0万元。截至2022年12月底,单位共有公务用车7辆,其中:轿车2辆、越野车5辆。';
    const bought = makeCountIn(text, '0辆', { subject: '轿车', context: '轿车0辆' });
    const held = makeCountIn(text, '2辆', { subject: '轿车' });
    expect(identityOf(bought, text).qualifiers).toEqual(['new', 'part']);
    expect(identityOf(held, text).qualifiers).toEqual(['part', 'stock']);
    expect(restated(text, [bought, held])).toEqual([]);
    // two parts of wholes that are the same quantity are still compared
    const twice = '共有公务用车7辆,其中:轿车2辆。截至年底共有公务用车7辆,其中:轿车3辆。';
    const both = [makeCountIn(twice, '2辆', { subject: '轿车', context: '轿车2辆' }), makeCountIn(twice, '3辆', { subject: '轿车' })];
    expect(restated(twice, both).map((r) => r.status)).toEqual(['fail']);
  });

  it('does not compare all projects with the failed ones (项目 4 个 / 不合格的项目 0 个)', () => {
    const text = '全年开展绩效自评的项目4个。绩效评级为“不合格”的项目0个。';
    const counts = [makeCountIn(text, '4个', { subject: '项目' }), makeCountIn(text, '0个', { subject: '项目' })];
    expect(restated(text, counts)).toEqual([]);
  });

  it('does not compare a whole with its part (企业 22 家 / 其中规上企业 4 家)', () => {
    const text = '服务企业22家。其中规上企业4家。';
    const counts = [makeCountIn(text, '22家', { subject: '企业', action: '服务' }), makeCountIn(text, '4家', { subject: '企业', action: '服务' })];
    expect(restated(text, counts)).toEqual([]);
  });

  it('does not compare people counts of different counties', () => {
    const text = '花都区培训干部100人。从化区培训干部80人。';
    const counts = [makeCountIn(text, '100人', { subject: '干部', action: '培训' }), makeCountIn(text, '80人', { subject: '干部', action: '培训' })];
    expect(identityOf(counts[0]!, text).scope).toEqual(['花都区']);
    expect(restated(text, counts)).toEqual([]);
  });

  it('does not compare items of one enumeration (应急保障用车 2 辆、其他用车 6 辆; 一级项目 7 个、二级项目 16 个)', () => {
    const cars = '其中，机要通信用车2辆、应急保障用车2辆、其他用车6辆。';
    const carCounts = [
      makeCountIn(cars, '2辆', { subject: '用车', action: '保障', occurrence: 1 }),
      makeCountIn(cars, '6辆', { subject: '用车', action: '保障' }),
    ];
    expect(restated(cars, carCounts)).toEqual([]);
    const levels = '其中，一级项目7个、二级项目16个。';
    const levelCounts = [makeCountIn(levels, '7个', { subject: '项目' }), makeCountIn(levels, '16个', { subject: '项目' })];
    expect(restated(levels, levelCounts)).toEqual([]);
  });

  it('does not compare counts of different years', () => {
    const text = '2020年发展党员150名。2021年发展党员165名。';
    const counts = [makeCountIn(text, '150名', { subject: '党员', action: '发展' }), makeCountIn(text, '165名', { subject: '党员', action: '发展' })];
    expect(restated(text, counts)).toEqual([]);
  });

  it('does not compare counts of different owning bodies (省政府办公厅设 18 个 / 研究室设 4 个内设机构)', () => {
    const text = '1.省政府办公厅设18个内设机构，包括文电处。省人民政府研究室设4个内设机构，包括办公室。';
    const counts = [makeCountIn(text, '18个', { subject: '内设机构', action: '设' }), makeCountIn(text, '4个', { subject: '内设机构', action: '设' })];
    expect(identityOf(counts[0]!, text).scope).toEqual(['owner:省政府办公厅']);
    expect(restated(text, counts)).toEqual([]);
  });

  it('reads an aside in brackets as a part (行政编制24个(机关公勤2个))', () => {
    const text = '我单位共有行政编制24个(机关公勤2个)。';
    const aside = makeCountIn(text, '2个', { subject: '机关公勤', action: '共有' });
    expect(identityOf(aside, text).qualifiers).toContain('part');
  });
});

