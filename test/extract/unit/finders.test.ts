/** Where a report names its unit (src/extract/unit/finders.ts): file names. */
import { describe, expect, it } from 'vitest';
import { fileNameUnit } from '../../../src/extract/unit/finders.js';

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
