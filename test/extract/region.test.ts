import { describe, expect, it } from 'vitest';
import { fillRegionFromMentions, placeRunEnds, placesMentioned, regionOf, regionOfMentions } from '../../src/extract/region.js';

describe('regionOf: a city match wrapped in other words', () => {
  it('reads the prefecture the gazetteer knows inside the match', () => {
    expect(regionOf('欢迎来到泸州市中医医院')).toMatchObject({ province: '四川省', city: '泸州市' });
    expect(regionOf('西藏昌都市财政局')).toMatchObject({ province: '西藏自治区', city: '昌都市' });
    expect(regionOf('录赣州市沙河中心小学')).toMatchObject({ city: '赣州市' });
  });
  it('reads a county of the prefecture named after it', () => {
    expect(regionOf('攀枝花市西区第一幼儿园')).toEqual({ province: '四川省', city: '攀枝花市', county: '西区' });
    expect(regionOf('临沧市生态环境局云县分局')).toEqual({ province: '云南省', city: '临沧市', county: '云县' });
    // 东区 is a 攀枝花 county, not a 临沧 one.
    expect(regionOf('临沧市生态环境局东区分局')).toEqual({ province: '云南省', city: '临沧市', county: null });
    expect(regionOf('西区动物疫病预防控制中心').county).toBeNull();
  });
});

describe('placesMentioned', () => {
  it('reads a run of names as one place and skips two-character names standing alone', () => {
    expect(placesMentioned('昭通市大关县天星镇中心卫生院')).toEqual([{ province: '云南省', city: '昭通市', county: '大关县' }]);
    expect(placesMentioned('做好相应县级工作')).toEqual([]);
  });
  it('drops a name that is two places', () => {
    expect(placesMentioned('朝阳区文化馆')).toEqual([]);
    expect(placesMentioned('北京市朝阳区文化馆')).toEqual([{ province: '北京市', city: null, county: '朝阳区' }]);
  });
});

describe('regionOfMentions', () => {
  it('takes the deepest place a cited superior and the unit share', () => {
    expect(regionOfMentions('根据《四川省财政厅关于…》,芦山县水务投资有限公司作为项目业主')).toEqual({ province: '四川省', city: '雅安市', county: '芦山县' });
  });
  it('stops where the places branch: a city names two of its counties', () => {
    expect(regionOfMentions('下达达州市资金,下达我市宣汉县文化馆,万源市传承人')).toEqual({ province: '四川省', city: '达州市', county: null });
  });
  it('lets a lone two-character county show a branch, never place a report', () => {
    expect(regionOfMentions('下达我市宣汉县文化馆2万元,渠县传承人')).toEqual({ province: '四川省', city: '达州市', county: null });
    expect(regionOfMentions('渠县传承人')).toEqual({ province: null, city: null, county: null });
    // 和县 (安徽) glued to 书记 is a word's end, not a branch of 怀远县.
    expect(regionOfMentions('怀远县2021年度报告,县委副书记和县政府')).toMatchObject({ province: '安徽省', county: '怀远县' });
  });
  it('abstains on two provinces', () => {
    expect(regionOfMentions('云南省财政厅 贵州省财政厅')).toEqual({ province: null, city: null, county: null });
  });
});

describe('fillRegionFromMentions', () => {
  it('does not take a county below a known prefecture', () => {
    expect(fillRegionFromMentions({ province: '四川省', city: '达州市', county: null }, '宣汉县文化馆')).toEqual({ province: '四川省', city: '达州市', county: null });
  });
  it('does not mix a place that contradicts the unit', () => {
    expect(fillRegionFromMentions({ province: '云南省', city: null, county: null }, '芦山县水务投资有限公司')).toEqual({ province: '云南省', city: null, county: null });
  });
  it('fills an empty region', () => {
    expect(fillRegionFromMentions({ province: null, city: null, county: null }, '金寨县麻埠镇人民政府')).toEqual({ province: '安徽省', city: '六安市', county: '金寨县' });
  });
});

describe('placeRunEnds and the opening scan (indexed by two characters)', () => {
  it('reads a run longest name first and stops at the text end', () => {
    expect(placeRunEnds('随州市曾都区河道')).toEqual([3, 6]);
    expect(placeRunEnds('随州市')).toEqual([3]);
    expect(placeRunEnds('随')).toEqual([]);
    expect(placeRunEnds('')).toEqual([]);
  });
  it('reads a name that ends the opening, not one cut by it', () => {
    const pad = '的'.repeat(1996);
    expect(placesMentioned(`${pad}四川省`)).toEqual([{ province: '四川省', city: null, county: null }]);
    expect(placesMentioned(`${pad}的的四川省`)).toEqual([]);
  });
});
