/** Where a report names its unit (src/extract/unit/finders.ts): cleaning page chrome, file names. */
import { describe, expect, it } from 'vitest';
import { cleanDepartment, fileNameUnit } from '../../../src/extract/unit/finders.js';

describe('cleanDepartment', () => {
  it.each([
    // A page's metadata field glued before the title.
    ['标题西藏自治区文物局', '西藏自治区文物局'],
    ['标      题 西藏自治区发展和改革委员会', '西藏自治区发展和改革委员会'],
    // "目 录" split by a PDF around the first heading.
    ['录赣州市沙河中心小学', '赣州市沙河中心小学'],
    // A gambling mirror's injected prefix.
    ['手机彩票网团结湖街道办事处', '团结湖街道办事处'],
    // Names that hold none of it stay as they are.
    ['国家档案局', '国家档案局'],
    ['甲县体育运动学校', '甲县体育运动学校'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanDepartment(raw)).toBe(clean);
  });
});

describe('fileNameUnit', () => {
  it('reads the unit a file name starts with', () => {
    expect(fileNameUnit('上海市普陀区体育事业管理中心2022年度项目自评价.pdf\n财政项目支出绩效自评表')).toBe('上海市普陀区体育事业管理中心');
    expect(fileNameUnit('文库\n\n昭通市大关县天星镇中心卫生院2021年部门决算公开表20221013044707503.xls\n')).toBe('昭通市大关县天星镇中心卫生院');
    expect(fileNameUnit('《2022年度福建省植保植检总站决算.docx》由会员分享')).toBe('福建省植保植检总站');
  });
  it('reads none from a file name without a placed unit', () => {
    expect(fileNameUnit('红十字会整体支出绩效评价报告.pdf\n')).toBeNull();
    expect(fileNameUnit('《2022年度项目支出绩效自评总报告.docx》由会员分享')).toBeNull();
  });
});
