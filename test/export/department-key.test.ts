import { describe, expect, it } from 'vitest';
import { canonicalDepartmentName, canonicalPlace, departmentKey } from '../../src/export/department-key.js';

const county = (name: string) => ({ province: null, city: null, county: name });

describe('canonicalDepartmentName', () => {
  it('writes party organs short and drops nationalities from autonomous areas', () => {
    expect(canonicalDepartmentName('中国共产党寻甸回族彝族自治县委员会办公室')).toBe('中共寻甸县委办公室');
    expect(canonicalDepartmentName('中共寻甸县委员会统一战线工作部')).toBe('中共寻甸县委统战部');
    expect(canonicalDepartmentName('中共广州市花都区直属机关工作委员会')).toBe('中共广州市花都区直属机关工委');
    expect(canonicalDepartmentName('中国人民政治协商会议寻甸回族彝族自治县委员会')).toBe('政协寻甸县委');
    expect(canonicalDepartmentName('横县机构编制委员会办公室')).toBe('横县编办');
    expect(canonicalDepartmentName('红河哈尼族彝族自治州卫生健康委员会')).toBe('红河州卫生健康委员会');
    expect(canonicalDepartmentName('巴音郭楞蒙古自治州财政局')).toBe('巴音郭楞州财政局');
    expect(canonicalDepartmentName('广西壮族自治区财政厅')).toBe('广西财政厅');
    expect(canonicalDepartmentName('寻甸县人民政府办公室')).toBe('寻甸县政府办公室');
  });

  it('leaves committees that are not a place’s committee alone', () => {
    expect(canonicalDepartmentName('十堰市城市管理执法委员会')).toBe('十堰市城市管理执法委员会');
    expect(canonicalDepartmentName('寻甸县经济开发区管理委员会')).toBe('寻甸县经济开发区管理委员会');
  });

  it('normalizes whitespace, full-width forms, brackets, traditional script and a trailing 本级', () => {
    expect(canonicalDepartmentName(' 中共寻甸县委 办公室（本级） ')).toBe('中共寻甸县委办公室');
    expect(canonicalDepartmentName('寻甸县财政局本级')).toBe('寻甸县财政局');
    expect(canonicalDepartmentName('寻甸县财政局机关本级')).toBe('寻甸县财政局');
    expect(canonicalDepartmentName('寻甸县财政局【本级】')).toBe('寻甸县财政局');
    expect(canonicalDepartmentName('遂溪縣水務局')).toBe('遂溪县水务局');
    expect(canonicalDepartmentName('ＡＢＣ区　教育局')).toBe('ABC区教育局');
    expect(canonicalDepartmentName('寻甸县第一中学（高中部）')).toBe('寻甸县第一中学(高中部)');
  });

  it('keeps the traditional→simplified table in pairs', () => {
    // Each traditional character maps to a different simplified one; a broken pair would shift all later ones.
    expect(canonicalDepartmentName('臺灣區縣鄉鎮黨委會')).toBe('台湾区县乡镇党委会');
  });

  it('canonicalizes places', () => {
    expect(canonicalPlace('寻甸回族彝族自治县')).toBe('寻甸县');
    expect(canonicalPlace(null)).toBeNull();
    expect(canonicalPlace('')).toBeNull();
  });
});

describe('departmentKey', () => {
  it('gives 中共寻甸县委办公室 and 中国共产党寻甸回族彝族自治县委员会办公室 the same key', () => {
    const a = departmentKey('中共寻甸县委办公室', county('寻甸县'));
    const b = departmentKey('中国共产党寻甸回族彝族自治县委员会办公室', county('寻甸回族彝族自治县'));
    expect(a).toBe('寻甸委办公室');
    expect(b).toBe(a);
    // Without a region the leading X县 still stands for the county, so the keys agree.
    expect(departmentKey('中共寻甸县委办公室')).toBe(a);
    expect(departmentKey('中国共产党寻甸回族彝族自治县委员会办公室')).toBe(a);
    expect(departmentKey('寻甸县委办公室(本级)')).toBe(a);
  });

  it('keeps different organs of one county apart', () => {
    expect(departmentKey('中共寻甸县委统战部', county('寻甸县'))).toBe('寻甸委统战部');
    expect(departmentKey('中国共产党寻甸回族彝族自治县委员会组织部', county('寻甸回族彝族自治县'))).toBe('寻甸委组织部');
    expect(departmentKey('共青团寻甸县委', county('寻甸县'))).not.toBe(departmentKey('中共寻甸县委', county('寻甸县')));
    expect(departmentKey('政协寻甸县委员会', county('寻甸县'))).not.toBe(departmentKey('中共寻甸县委', county('寻甸县')));
  });

  it('matches a county renamed 市 or 区 when the region names it as the county', () => {
    const before = departmentKey('红河州开远县卫生局', { province: null, city: '红河州', county: '开远县' });
    const after = departmentKey('红河哈尼族彝族自治州开远市卫生局', { province: null, city: '红河哈尼族彝族自治州', county: '开远市' });
    expect(before).toBe('开远卫生局');
    expect(after).toBe(before);
    expect(departmentKey('呈贡县财政局', county('呈贡县'))).toBe(departmentKey('呈贡区财政局', county('呈贡区')));
  });

  it('keeps a city and the county of the same root apart', () => {
    const city = departmentKey('岳阳市财政局', { province: null, city: '岳阳市', county: null });
    const countyKey = departmentKey('岳阳县财政局', county('岳阳县'));
    expect(city).toBe('岳阳市财政局');
    expect(countyKey).toBe('岳阳财政局');
    // Without a region a bare X市 is not taken for a county either.
    expect(departmentKey('岳阳市财政局')).toBe('岳阳市财政局');
  });

  it('cuts the place chain to the county named in the region', () => {
    const region = { province: '广东省', city: '广州市', county: '花都区' };
    expect(departmentKey('中共广州市花都区直属机关工作委员会', region)).toBe('花都直属机关工委');
    expect(departmentKey('广东省广州市花都区财政局', region)).toBe('花都财政局');
    expect(departmentKey('花都区财政局', county('花都区'))).toBe('花都财政局');
    expect(departmentKey('中共保山市委组织部', { province: null, city: '保山市', county: null })).toBe('保山市委组织部');
    expect(departmentKey('云南省保山市财政局', { province: '云南省', city: '保山市', county: null })).toBe('保山市财政局');
    // A province is kept when no lower place follows: 科学技术厅 alone would join every province's.
    expect(departmentKey('广东省科学技术厅', { province: '广东省', city: null, county: null })).toBe('广东省科学技术厅');
  });

  it('does not strip a one-character county root', () => {
    expect(departmentKey('横县机构编制委员会办公室', county('横县'))).toBe('横县编办');
  });

  it('returns null without a name', () => {
    expect(departmentKey(null)).toBeNull();
    expect(departmentKey('')).toBeNull();
    expect(departmentKey('  ')).toBeNull();
  });
});
