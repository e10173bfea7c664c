import { describe, expect, it } from 'vitest';
import { checkShareAmounts } from '../../src/check/share-amount.js';

const rulesOf = (text: string) => checkShareAmounts(text).map((r) => `${r.rule}:${r.status}:${r.certainty ?? ''}`);

describe('checkShareAmounts (shares printed before their amounts)', () => {
  it('passes parts that are their share of the whole', () => {
    expect(rulesOf('总保费74万元,中央财政补贴40%为29.6万元,省级财政补贴25%为18.5万元,县级财政补贴10%为7.4万元。')).toEqual([
      'share.amount:pass:',
      'share.amount:pass:',
      'share.amount:pass:',
    ]);
  });

  it('reports a part written in 元 for 万元 as a definite unit slip', () => {
    const results = checkShareAmounts('总保费1293.45万元,中央财政补贴47.5%为614.39万元,省级财政补贴32.5%为420.37元。');
    const slip = results.find((r) => r.rule === 'unit_slip');
    expect(slip?.status).toBe('fail');
    expect(slip?.certainty).toBe('definite');
    expect(slip?.evidence.map((e) => e.text)).toEqual(['1293.45万元', '32.5%', '420.37元']);
  });

  it('fails another miss only as possible', () => {
    expect(rulesOf('总保费100万元,中央财政补贴50%为50万元,省级财政补贴30%为40万元。')).toEqual(['share.amount:pass:', 'share.amount:fail:possible']);
  });

  it('reads nothing from a single share, shares over 100% in all, or a share not linked by 为', () => {
    expect(rulesOf('总保费100万元,中央财政补贴50%为50元。')).toEqual([]);
    expect(rulesOf('总保费100万元,中央补贴80%为80万元,省级补贴40%为40元。')).toEqual([]);
    expect(rulesOf('总保费100万元,中央补贴50%,省级补贴30%为30元。')).toEqual([]);
    expect(rulesOf('预算100万元,执行率95%为历年最高,完成率90%为95万元。')).toEqual([]);
  });
});
