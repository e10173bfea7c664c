/** Where a report names its unit (src/extract/unit/finders.ts): file names. */
import { describe, expect, it } from 'vitest';
import { actingUnit, bareBylineUnit, fileNameUnit, fillerNames, formFieldUnits, implementerCut, ownLevelUnit, unitAfterYear, unitBeforeYear } from '../../../src/extract/unit/finders.js';

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

describe('bareBylineUnit', () => {
  it('reads a county site\'s byline that names a unit without its place', () => {
    expect(bareBylineUnit('2023年甲县仓储基地建设项目绩效自评报告\n来源: 扶贫办 时间: 2023-12-26 浏览次数:\n')).toBe('扶贫办');
    expect(bareBylineUnit('发布日期:2025-06-24 08:59 访问次数: 信息来源:区湘湖旅游度假区管委会\n')).toBe('区湘湖旅游度假区管委会');
  });
  it('reads no office, short form, publisher for others or placed unit', () => {
    for (const byline of ['来源:办公室 发布时间', '来源:市人社 发布时间', '来源:西藏驻沪办 日期', '来源:县财政局 作者', '来源:安居区市场监管局 发布'])
      expect(bareBylineUnit(`${byline}:2023-01-01\n`)).toBeNull();
  });
});

describe('unitBeforeYear', () => {
  it('reads the unit a clause opens with before a year', () => {
    expect(unitBeforeYear('(一)某某县农业农村局2023年度下达上级资金100万元。')).toBe('某某县农业农村局');
  });
  it('reads no unit from a 公文 printing line (the office that printed it)', () => {
    expect(unitBeforeYear('抄送:县农业农村委。\n某某县财政局办公室 2024年11月4日印发\n')).toBeNull();
  });
});

describe('the form cells of an opening, read once per text', () => {
  it('answers each text with its own cells, whichever text was read before', () => {
    const a = '项目支出绩效自评表\n单位名称甲县水利局负责人张三联系电话123\n';
    const b = '项目支出绩效自评表\n主管部门乙县财政局\n实施单位乙县农业工作科填报日期2024年\n';
    expect(formFieldUnits(a)).toEqual([{ field: '单位名称', name: '甲县水利局' }]);
    expect(fillerNames(a)).toEqual(['甲县水利局']);
    expect(formFieldUnits(b)).toEqual([{ field: '主管部门', name: '乙县财政局' }]);
    expect(fillerNames(b)).toEqual([]);
    expect(implementerCut(b)).toBe(false);
    expect(formFieldUnits(a)).toEqual([{ field: '单位名称', name: '甲县水利局' }]);
  });
  it('ends a cell\'s name at the next field\'s label that flattening glued to it (t639: 专项名称, 部门名称)', () => {
    const glued = '专项资金绩效目标表\n(2017年度)\n填报单位(盖章):永兴县畜牧兽医水产局专项名称部门名称部门相应职能职责概述\n';
    expect(formFieldUnits(glued)).toEqual([{ field: '填报单位', name: '永兴县畜牧兽医水产局' }]);
  });
  it('ends a cover\'s 主管部门 at the 委托单位 glued after it (an evaluation\'s cover, t661)', () => {
    const cover = '项目名称:某某防治资金\n实施单位(公章):各地州生态环境局、各企事业单位主管部门(公章):自治区生态环境厅委托单位:某某财政厅评价机构:某某咨询有限公司\n';
    expect(formFieldUnits(cover)).toEqual([{ field: '主管部门', name: '自治区生态环境厅' }]);
  });
});

describe('actingUnit', () => {
  it('reads the unit that announces its own report', () => {
    expect(actingUnit('根据《关于开展绩效自评工作的通知》要求,某某市发展和改革局现将2021年度整体支出绩效自评情况报告如下:')).toBe('某某市发展和改革局');
  });
  it('reads the unit that carried out a self-check and self-evaluation', () => {
    expect(actingUnit('根据工作安排,某某市交通运输局对2021年度农村公路建设实施情况进行了绩效自查自评,现将情况汇报如下:')).toBe('某某市交通运输局');
  });
  it('reads the unit whose history opens its 概况 (t677)', () => {
    expect(actingUnit('一、基本情况\n(一)单位基本概况\n衡山县供销合作社联合社成立于1951年6月,系衡山县人民政府直属事业单位。\n')).toBe('衡山县供销合作社联合社');
  });
  it('reads none from a sentence on something founded that is no unit', () => {
    expect(actingUnit('一、基本情况\n该项目资金成立于2019年,用于农村公路建设。\n')).toBeNull();
  });
});

describe('formFieldUnits', () => {
  it('reads a target declaration\'s 申报单位 and a 决算 cover\'s 编制单位 as the unit that spends', () => {
    expect(formFieldUnits('项目支出绩效目标申报表\n申报单位 | 某某县农业农村局 | 项目名称 | 高标准农田建设 |\n')).toEqual([{ field: '申报单位', name: '某某县农业农村局' }]);
    expect(formFieldUnits('2023年度部门决算\n编制单位:某某县水利局\n单位负责人:张三\n')).toEqual([{ field: '编制单位', name: '某某县水利局' }]);
  });
});

describe('ownLevelUnit', () => {
  it('reads the unit whose own budget level the body names', () => {
    expect(ownLevelUnit('(一)项目基本情况\n社会服务与管理项目为省商务厅本级的经常性项目,项目资金用途为保障各处室履行职能。')).toBe('省商务厅');
    expect(ownLevelUnit('下设二级预算单位分别为北京市机关事务管理局本级行政、北京市机关事务管理局本级事业。')).toBe('北京市机关事务管理局');
  });
  it('reads no government\'s own level, no unit without its place or level, no form list\'s heading', () => {
    expect(ownLevelUnit('安排市本级财政资金200万元。')).toBeNull();
    expect(ownLevelUnit('县人民政府本级支出100万元。')).toBeNull();
    expect(ownLevelUnit('其中厅本级包括办公室。')).toBeNull();
    expect(ownLevelUnit('2022年度项目支出绩效自评表\n滁州市人力资源和社会保障局本级单位项目绩效自评表清单\n序号')).toBeNull();
  });
});

describe('unitAfterYear', () => {
  it('reads the unit a 决算 sentence names after its year, before what it spent', () => {
    expect(unitAfterYear('2019年,大英县市场监督管理局机关运行经费支出156.38万元。')).toBe('大英县市场监督管理局');
    expect(unitAfterYear('2023年度某某县水利局一般公共预算财政拨款支出100万元。')).toBe('某某县水利局');
  });
  it('reads no unit without a 决算 subject after it, nor one without a place', () => {
    expect(unitAfterYear('2019年,大英县市场监督管理局开展了食品安全检查。')).toBeNull();
    expect(unitAfterYear('2019年,本部门机关运行经费支出156.38万元。')).toBeNull();
  });
});
