/** The unit rules of project forms (src/extract/unit/rules.ts, finders.ts): which header cell names the unit. */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../../src/analyze.js';
import { formFieldUnits, implementerCut } from '../../../src/extract/unit/finders.js';

const departmentOf = async (text: string) => (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record.report.department;

describe('form header cells', () => {
  it('end a name where the next cell starts when flattening glued the cells', () => {
    expect(formFieldUnits('项目名称国家基本公共卫生服务主管部门甲县卫生健康和体育局年初预算数0项目资金(万元)年度资金总额实施单位甲县翟店镇卫生院全年预算数全年执行数')).toEqual([
      { field: '主管部门', name: '甲县卫生健康和体育局' },
      { field: '实施单位', name: '甲县翟店镇卫生院' },
    ]);
  });

  it('end a name before a stamp note or a person\'s cell glued to it', () => {
    expect(formFieldUnits('项目支出绩效自评表\n单位名称甲县水利局负责人张三联系电话123\n')).toEqual([{ field: '单位名称', name: '甲县水利局' }]);
    expect(formFieldUnits('项目支出绩效自评表\n实施单位 | 甲县水利局(盖章) | 填表人 | 李四 |\n')).toEqual([{ field: '实施单位', name: '甲县水利局' }]);
    expect(formFieldUnits('项目支出绩效自评表\n填报单位:甲县农业农村局公章\n')).toEqual([{ field: '填报单位', name: '甲县农业农村局' }]);
  });

  it('read a 主管部门 field with its 名称 or 代码 words, and end a name before a glued 资金额度', () => {
    expect(formFieldUnits('项目名称|省级第七批水利专项资金|主管部门(单位)名称|安溪县水利局||||\n')).toEqual([{ field: '主管部门(单位)名称', name: '安溪县水利局' }]);
    expect(formFieldUnits('项目名称 2023年文物保护经费 主管部门及代码 404-永济市文化和旅游局 实施单位 项目属性 一次性项目\n')).toEqual([{ field: '主管部门及代码', name: '永济市文化和旅游局' }]);
    expect(formFieldUnits('专项名称残疾人事业发展补助资金主管部门省残联资金额度4623万年度总体目标\n')).toEqual([{ field: '主管部门', name: '省残联' }]);
  });

  it('read a bare 部门 only as a cell', () => {
    expect(formFieldUnits('部门整体支出绩效自评表 | |||\n(2023年度) | |||\n部门 | 金寨县茶谷和美丽乡村建设服务中心 | |||\n')).toEqual([{ field: '部门', name: '金寨县茶谷和美丽乡村建设服务中心' }]);
    expect(formFieldUnits('索引号: | GS4255/2022-19110 | 部门: | 财政局 |\n')).toEqual([{ field: '部门', name: '财政局' }]);
    expect(formFieldUnits('一、部门基本情况\n部门职责 甲县林业局负责…\n')).toEqual([]);
  });

  it('read a 决算 table\'s bare 单位 before its colon, never a money unit (t579)', () => {
    expect(formFieldUnits('一、收入支出决算总表\n公开01表|||\n单位:张家川回族自治县龙山镇四方中学|2024年度|金额单位:万元\n')).toEqual([{ field: '单位', name: '张家川回族自治县龙山镇四方中学' }]);
    expect(formFieldUnits('收入支出决算总表\n单位:万元\n项目 | 金额\n')).toEqual([]);
    expect(formFieldUnits('主管单位:甲县水利局\n')).toEqual([]);
  });

  it('read a transfer form’s 资金使用单位, not its 自治区主管部门', () => {
    expect(formFieldUnits('中央主管部门中国福利彩票发行管理中心\n自治区主管部门宁夏回族自治区民政厅资金使用单位宁夏福利彩票发行中心\n')).toEqual([{ field: '资金使用单位', name: '宁夏福利彩票发行中心' }]);
  });

  it('take the unit that spends before the unit that filled the form in', async () => {
    const form = '项目支出绩效自评表\n单位名称:甲县供销合作社联合社 填报日期:2023年4月15日\n项目名称\n甲县乙牧业专业合作社生猪养殖场建设项目\n主管部门\n甲县供销合作社联合社\n项目实施单位\n甲县乙牧业专业合作社\n项目类别\n';
    expect(await departmentOf(form)).toBe('甲县乙牧业专业合作社');
  });

  it('take a school or college named 工程 as a unit, and a bureau’s 机关', async () => {
    expect(await departmentOf('项目支出绩效自评表\n项目名称 暖通改造经费\n主管部门 廊坊市发改委\n实施单位 廊坊市食品工程学校\n项目资金\n')).toBe('廊坊市食品工程学校');
    expect(await departmentOf('项目支出绩效自评表\n项目名称演出设备更新专项经费主管部门新洲区楚剧团实施单位新洲区文化和旅游局机关项目资金 (万元)\n')).toBe('新洲区文化和旅游局机关');
  });

  it('abstain from the 主管部门 when the 实施单位 cell holds no name where it stands, and read the one unit of its place the form prints elsewhere', async () => {
    const displaced = '财政项目支出绩效自评表 (2022 年度) 项目名称 场馆运营费 主管部门 上海市普陀区体育局 年初预算数 全年预算数 全年执行数 250000.00 上海市普陀区体育 事业管理中心 实施单位 其中:当年财政拨款 预期目标';
    expect(await departmentOf(displaced)).toBe('上海市普陀区体育事业管理中心');
    expect(await departmentOf(displaced.replace('250000.00 上海市普陀区体育 事业管理中心 ', '250000.00 '))).toBeNull();
    // (Two other units of the place: which one spends cannot be told.)
    expect(await departmentOf(displaced.replace('实施单位', '上海市普陀区青少年体育中心 实施单位'))).toBeNull();
    expect(await departmentOf('稷山县项目支出绩效自评表 (2020年度) 项目名称 建档立卡个人缴费县级配套资金 主管部门 稷山县医疗保障局 项目资金 年初预算数 (万元) 年度资金总额 其中:当年财政拨款 实施单位 全年预算数 全年执行数 分值 执行率 得分 65.66 65.07 10 99% 9 指标1:全县参合人数 绩 效 指 标 稷山县医疗保险服务中心 产出 指标')).toBe('稷山县医疗保险服务中心');
    // (A wrapped cell cut the 实施单位 to its place.)
    expect(implementerCut('主管部门\t\t上海市普陀区体育局\t实施单位\t\t上海市普陀区\n\t\t\t\t\t\t体育事业管理\n')).toBe(true);
    expect(implementerCut('主管部门\t\t上海市普陀区体育局\t实施单位\t\t上海市普陀区体育事业管理中心\n')).toBe(false);
    // (One cell for both: "主管部门实施单位天长市水利局" names the unit.)
    expect(await departmentOf('项目支出绩效自评表\n(2022年度)\n项目名称水旱灾害防御经费\n主管部门实施单位天长市水利局\n项目资金\n')).toBe('天长市水利局');
  });

  it('abstain from the 主管部门 when OCR misread the 实施单位 cell that the next cell follows', async () => {
    const ocr = '1、甲市本级部门项目支出绩效自评表(2021年)项目名称初中公用经费主管部门甲市教育局实施第位自评得分98财政审1度评分甲市第九中学项目资金(万元)年度资金总额64.8\n';
    expect(await departmentOf(ocr)).toBeNull();
    // (The same form with its 实施单位 read names the school.)
    expect(await departmentOf(ocr.replace('实施第位自评得分98财政审1度评分甲市第九中学', '实施单位甲市第九中学自评得分98'))).toBe('甲市第九中学');
  });

  it('abstain from the 主管部门 when the form was filled in by a unit the vocabulary does not read', async () => {
    const form = '2020年度长江禁捕项目自评表单位名称:农业工作科填报日期:项目名称渔业成品油价格改革补贴主管部门区市场监督管理局项目实施单位农业科项目类别1、部门预算项目\n';
    expect(await departmentOf(form)).toBeNull();
    // (A filler that is the 主管部门 itself leaves it standing.)
    expect(await departmentOf('项目支出绩效自评表\n单位名称:甲县水利局 填报日期:\n项目名称 河道整治\n主管部门 甲县水利局\n项目资金\n')).toBe('甲县水利局');
  });
});

describe('a unit above the title', () => {
  it('is the line right above it, not a site header above a breadcrumb the title runs on from', async () => {
    const page = '牟定县人民政府\n首页 >> 部门信息公开 >> 牟定县交通运输局 >> 正文\n\n牟定县2020年第一批公路安全生命防护工程绩效自评报告\n\n日期:2021年03月24日   作者:   来源:    点击:[]\n\n一、绩效目标分解下达情况\n该工程下达资金56万元。\n';
    expect(await departmentOf(page)).toBe('牟定县交通运输局');
    expect(await departmentOf('青川县司法局\n关于2021年度部门整体支出绩效的自评报告\n一、基本情况\n')).toBe('青川县司法局');
  });
});
