import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { YEAR_SOURCES, yearOf } from '../../src/extract/fiscal-year.js';

const recordOf = async (text: string) => (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record;
const yearDecisionOf = async (text: string) => (await recordOf(text)).reportRoles!.find((d) => d.field === 'fiscalYear')!;

describe('the fiscal year decision (record.reportRoles, field fiscalYear)', () => {
  it('names every source once, with a weight that outranks all weaker sources together', () => {
    const ids = YEAR_SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const weights = YEAR_SOURCES.map((s) => s.weight).sort((a, b) => b - a);
    weights.forEach((w, i) => expect(w).toBeGreaterThan(weights.slice(i + 1).reduce((a, b) => a + b, 0)));
  });

  it('keeps the title year as winner, with the body year beside it and evidence where the title prints it', async () => {
    const text = '某县水利局2021年度项目支出绩效自评报告\n一、基本情况\n2022年,我局按要求开展自评。2022年完成。';
    const d = await yearDecisionOf(text);
    expect(d.reason).toBe('clear');
    expect(d.candidates.map((c) => c.value)).toEqual(['2021', '2022']);
    expect(d.candidates[d.chosen!]!.features.map((f) => f.id)).toEqual(['year.title']);
    const ev = d.candidates[0]!.evidence!;
    expect(ev.quote).toBe('2021');
    expect(ev.start).toBe(text.indexOf('2021'));
    expect(d.candidates[1]!.features.map((f) => f.id)).toEqual(['year.body_dominant']);
  });

  it('does not count a comparison\'s baseline year in the body (t443, t520)', async () => {
    const text = '部门决算说明\n一、收支情况\n本单位2021年度总收入581.45万元,较2020年度决算数减少175.26万元。总支出比2020年减少10万元,与2020年相比下降。\n';
    const d = await yearDecisionOf(text);
    expect(d.candidates[d.chosen!]!.value).toBe('2021');
    expect(d.candidates.map((c) => c.value)).not.toContain('2020');
  });

  it('reads a form caption\'s bracketed year where no form was read, over the body\'s years (t707)', async () => {
    const text = '详情见附件(注:以下内容为附件图片识别)部门预算项目支出绩效自评表(2023年度) | | |\n项目名称 | 退耕还林工程建设专项工作经费\n协助完成对我市2018年度退耕还林检查验收,2018年度任务。\n';
    const d = await yearDecisionOf(text);
    expect(d.candidates[d.chosen!]!.value).toBe('2023');
    // The caption is the title too since the title is read after a bracketed note (dept8): both name 2023.
    expect(d.candidates[d.chosen!]!.features.map((f) => f.id)).toEqual(['year.title', 'year.form_caption']);
    expect(d.candidates[d.chosen!]!.evidence!.start).toBe(text.indexOf('2023'));
  });

  it('reads a form\'s period field when it is one calendar year, and no year from a longer period (t702)', async () => {
    const year = async (period: string) => (await recordOf(`岳阳市财政支出项目绩效评价自评报告\n项目名称 | 优抚对象补助\n项目起止时间\n${period}\n报告日期:2017 年7 月 15 日\n`)).report.fiscalYear;
    expect(await year('2016年1月起至2016年12 月止')).toBe(2016);
    expect(await year('2016年1月起至2018年12 月止')).toBeNull();
  });

  it('reads a form\'s 项目年份 field (t765)', async () => {
    const r = await recordOf('苏州市级财政支出项目绩效自评表项目名称 市管绿地养护 项目年份 2017项目主管部门(单位) 苏州市园林和绿化管理局年初预算数 2960.00\n');
    expect(r.report.fiscalYear).toBe(2017);
  });

  it('abstains over a title of several years, and says so', async () => {
    const d = await yearDecisionOf('四川省住房和城乡建设厅关于2017-2019年省级城镇保障性安居工程支出绩效自评报告\n一、基本情况\n2019年,我厅按要求开展了自评。');
    expect(d.chosen).toBeNull();
    expect(d.reason).toBe('abstained_range');
  });

  it('takes the year a document of forms prints under the form name over the publishing page\'s year (t566)', async () => {
    const form = (year: string) =>
      `财政项目支出绩效自评表\n${year}\n项目名称城镇建设管理\n主管部门松江区九亭镇人民政府实施单位松江区九亭镇人民政府\n项目资金(万元) 年初预算数全年预算数全年执行数分值执行率得分\n年度资金总额 | 145 | 145 | 145 | 10 | 100.0% | 10\n`;
    const r = await recordOf(`九亭镇2021年预算绩效评价结果公开\n\n${form('2020年度')}`);
    expect(r.report.documentKind).toBe('self_evaluation_forms');
    expect(r.report.fiscalYear).toBe(2020);
    const d = r.reportRoles!.find((x) => x.field === 'fiscalYear')!;
    expect(d.candidates[d.chosen!]!.features.map((f) => f.id)).toContain('year.form_heading');
    // The page title flattened onto the form's name: the year after the name is the form's.
    const glued = form('2020年度').replace('财政项目支出绩效自评表\n', '九亭镇2021年预算绩效评价结果公开财政项目支出绩效自评表\n');
    expect((await recordOf(`九亭镇2021年预算绩效评价结果公开\n${glued}`)).report.fiscalYear).toBe(2020);
    // A form heading printing the title's own year agrees with it.
    expect((await recordOf(`九亭镇2021年预算绩效评价结果公开\n\n${form('2021年度')}`)).report.fiscalYear).toBe(2021);
  });

  it('reads a year printed alone below the title, at the title\'s heading rather than a file name (t639)', async () => {
    const text = '专项资金绩效目标表.doc\n- 1、下载文档前请自行甄别文档内容的完整性。\n专项资金绩效目标表\n(2017 年度)\n填报单位(盖章):永兴县畜牧兽医水产局\n2020年2020年计划。\n';
    const d = await yearDecisionOf(text);
    expect(d.candidates[d.chosen!]!.value).toBe('2017');
    expect(d.candidates[d.chosen!]!.features.map((f) => f.id)).toEqual(['year.title_line']);
    expect(d.candidates[d.chosen!]!.evidence!.start).toBe(text.indexOf('2017'));
  });

  it('reads Arabic and Chinese years in titles', () => {
    expect(yearOf('二〇二一年度部门决算')).toBe(2021);
    expect(yearOf('2019度项目自评')).toBe(2019);
    expect(yearOf('部门决算')).toBeNull();
  });
});
