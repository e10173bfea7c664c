import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { noticeShapeOf } from '../../src/extract/document-kind.js';
import { kindOf } from '../../src/extract/report-info.js';
import type { ReportRecord } from '../../src/schema/record.js';

async function reportOf(text: string): Promise<ReportRecord['report']> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'x.txt' })).record.report;
}

const EXPLANATION = '一、收入支出决算总体情况说明\n2023年度收入、支出决算总计1200.50万元。\n二、项目支出情况\n项目支出300.00万元,主要用于专项资金项目。\n';

describe('classifyDocument: a 决算 whose statements the text does not reach', () => {
  it('is final accounts when its title says 单位决算, even mid-line', async () => {
    const r = await reportOf(`黄山市中医医院2023年度单位决算 2024年9月\n${EXPLANATION}`);
    expect(r.documentKind).toBe('final_accounts');
    expect(r.kind).toBe('unknown');
  });
  it('is final accounts when its contents list the statements', async () => {
    const r = await reportOf(`目录\n第一部分 单位概况\n第二部分 2024年度单位决算情况说明\n一、收入支出决算总表\n二、收入决算表\n\n${EXPLANATION}`);
    expect(r.documentKind).toBe('final_accounts');
  });
  it('is final accounts when its title names a 年度决算 published as a report', async () => {
    const r = await reportOf(`2020年某市住房市场服务中心决算公开报告.doc\n某市住房市场服务中心 2020年度决算公开报告 目录 第一部分 单位基本情况 一、单位职能、职责 第三部分 其他重要事项的情况说明 三、预算绩效情况说明 项目支出绩效自评结果 附件:项目支出绩效自评表 项目支出绩效自评报告\n`);
    expect(r.documentKind).toBe('final_accounts');
    expect(r.kind).toBe('unknown');
  });
  it('is a budget when the report title names a 部门预算 after site chrome', async () => {
    const r = await reportOf(`PDF文库 - 千万精品文档,你想要的都能搜到,下载即用。\n\n某市互市贸易区管理局2023年部门预算.pdf\n\n37 页 728.437 KB下载文档\n某市互市贸易区管理局2023年部门预算.pdf\n目录\n第一部分 部门概况\n一、主要职能\n`);
    expect(r.documentKind).toBe('budget');
    expect(r.kind).toBe('unknown');
  });
  it('is a target declaration when a line of the opening is only its title, without a table part', async () => {
    const r = await reportOf('智能问答 关闭\n你还可以输入40\n特困家庭再扶助\n发布时间:2022-03-01 10:25:19 来源:某区卫生计生局\n项目支出绩效目标申报表\n(2021年度)\n项目名称 特困家庭再扶助\n预算单位 区卫生健康局\n项目资金(万元) 年度资金总额 金额(万元)\n(一)财政拨款小计 6.30\n绩效指标 一级指标 二级指标 三级指标 指标值\n数量指标 扶助人数 63人\n');
    expect(r.documentKind).toBe('target_declaration');
    expect(r.kind).toBe('unknown');
  });
  it('is a target declaration when its 申报明细表 title is glued to the page byline (t790)', async () => {
    const r = await reportOf('2019年度某市特殊人群病种筛查经费预算项目支出绩效目标申报明细表发布时间:2019-09-30 08:47信息来源:某市卫生健康委阅读次数:(2019年度)申报单位名称:(盖章)项目名称特殊人群病种筛查经费项目当年预算(万元) 25.00项目绩效目标项目概况:用于开展特殊人群病种筛查工作。\n');
    expect(r.documentKind).toBe('target_declaration');
    expect(r.kind).toBe('unknown');
  });
  it('is a target declaration when its caption runs on into the 填报单位 field (t818)', async () => {
    const r = await reportOf('政府信息公开\n\n公办和普惠性民办幼儿园公用经费\n\n来源: 某县教育局 发布时间: 2021-10-18 15:07 浏览次数: 1\n项目支出预算绩效目标申报表\n(2022年度)\n 填报单位:某县教育局\n项目基本情况 项目名称 公办和普惠性民办幼儿园公用经费\n项目概况 每生每年补助500元\n');
    expect(r.documentKind).toBe('target_declaration');
    expect(r.kind).toBe('unknown');
  });
  it('takes a notice\'s 关于…的通知 line above its addressee as the title (t826)', async () => {
    const r = await reportOf('关于开展2022年度专项资金绩效评价工作的紧急通知\n各相关部门:\n根据省教育厅通知,要求开展2022年度专项资金绩效评价工作。现将有关事项通知如下:\n一、评价范围\n1、2022年学生资助补助经费专项;\n');
    expect(r.title).toBe('关于开展2022年度专项资金绩效评价工作的紧急通知');
    expect(r.kind).toBe('unknown');
  });
  it('is no project report when a notice headline above its byline allocates funds (t783)', async () => {
    const r = await reportOf('本网站支持IPv6\n\n关于下达2020年第二批省级财政水利发展资金的通知\n\n编辑:农业股 来源:财政局 发布时间:2020-05-29 09:42\n\n某区水利局:\n\n根据市财政局通知和你局的项目计划,现将2020年省级财政第二批水利发展资金500万元下达给你局,用于农村饮水安全巩固提升工程项目。请你局积极做好项目实施和财政资金绩效评价工作。\n');
    expect(r.title).toBe('关于下达2020年第二批省级财政水利发展资金的通知');
    expect(r.kind).toBe('unknown');
  });
  it('is what a 决算 holds, not a 决算, when the title names the self-evaluation results in it (t464)', async () => {
    const text = `某县生态环境分局2023年部门决算中项目绩效自评结果\n我局在2023年度部门决算中反映某县农村黑臭水体治理试点项目绩效自评综述。\n自评得分100分。\n`;
    const r = await reportOf(text);
    expect(r.title).toBe('某县生态环境分局2023年部门决算中项目绩效自评结果');
    expect(r.documentKind).not.toBe('final_accounts');
    expect(r.kind).toBe('project');
    // the 决算 itself is still one
    expect((await reportOf(`某县生态环境分局2023年部门决算\n${EXPLANATION}`)).documentKind).toBe('final_accounts');
  });
  it('stays a self-evaluation when a title line speaks of one', async () => {
    const r = await reportOf(`某某医院2023年度单位决算绩效自评报告\n${EXPLANATION}自评得分95分。\n`);
    expect(r.documentKind).not.toBe('final_accounts');
  });
});

describe('kindOf: what a self-evaluation is about, from its title', () => {
  it('reads a unit evaluating its year, no project named, as the whole unit', () => {
    expect(kindOf('丰都县江池镇人民政府2023年度绩效自评报告', '')).toBe('department_overall');
    expect(kindOf('2024年度城关镇社区卫生服务中心预算执行情况绩效自评报告', '')).toBe('department_overall');
    expect(kindOf('西藏自治区发展和改革委员会2020年度预算绩效管理考核自评报告', '')).toBe('department_overall');
    expect(kindOf('某自治区残疾人联合会2020年度预算绩效自评报告', '')).toBe('department_overall');
  });
  it('keeps a programme named after the unit a project', () => {
    expect(kindOf('四川省住房和城乡建设厅关于2017-2019年省级城镇保障性安居工程支出绩效自评报告', '一、项目概况')).toBe('project');
    expect(kindOf('旌德县2020年农村电商提质增效工程绩效评价自评报告', '')).toBe('project');
    expect(kindOf('2018年度裕安区美丽乡村建设自评报告', '')).toBe('project');
  });
  it('keeps a fund\'s 整体绩效 (a transfer payment as a whole) a project (t810)', () => {
    expect(kindOf('某县特殊教育补助资金转移支付整体绩效目标自评表', '')).toBe('project');
    expect(kindOf('重庆市梁平区林业局2023年度部门整体绩效自评表', '')).toBe('department_overall');
  });
  it('reads a notice launching evaluation work as a notice, and one publishing or sending a report as that report (t826)', () => {
    expect(noticeShapeOf('关于开展2022年度专项资金绩效评价工作的紧急通知', '')).toBe('notice.work');
    expect(kindOf('关于开展2022年度专项资金绩效评价工作的紧急通知', '一、评价范围\n项目名称 预算数 执行数')).toBe('unknown');
    expect(noticeShapeOf('关于公开2022年度部门整体支出绩效自评报告的通知', '')).toBeNull();
    expect(noticeShapeOf('关于报送2022年度项目支出绩效自评报告的通知', '')).toBeNull();
  });
  it('reads the 部门整体支出 sections as the whole department', () => {
    expect(kindOf('', '一、部门概况\n二、部门资金基本情况\n(三)专项资金安排')).toBe('department_overall');
  });
  it('reads nothing of the kind from a cited document\'s name (t548)', () => {
    const cited = '根据《某县财政局关于开展2020年度财政资金部门整体支出和项目支出绩效评价工作的通知》要求,现将"四好农村公路"建设工程专项资金绩效自评如下:';
    expect(kindOf('', cited)).toBe('project');
  });
  it('reads the 转移支付 template opening with 绩效目标分解下达情况 as a fund\'s, with no title', () => {
    expect(kindOf('', '一、绩效目标分解下达情况\n困难群众救助补助资金是指用于开展城乡低保的资金。')).toBe('project');
  });
  it('reads the 转移支付 template as a project', () => {
    expect(kindOf('', '一、基本情况\n(一)转移支付概况。\n')).toBe('project');
  });
});

describe('notice shapes: documents about projects and funds that are no self-evaluation', () => {
  it('reads an allocation notice by its title as about nothing evaluated', () => {
    expect(noticeShapeOf('某县财政局关于下达2024年农村道路建设补助资金的通知', '各乡镇人民政府:')).toBe('notice.allocation');
    expect(kindOf('某县财政局关于下达2024年农村道路建设补助资金的通知', '一、项目名称')).toBe('unknown');
    expect(noticeShapeOf('某市2022年度污染治理专项资金分配表', '')).toBe('notice.allocation');
  });
  it('finds an attached allocation table\'s heading as the title, so it is about nothing evaluated', async () => {
    const r = await reportOf('附件1 | ||||||\n某市2021年度地表水断面生态补偿资金分配表| ||||||单位:万元| ||||||\n序号|辖区|本次下达数|备注|\n1 |市本级| 140 | - | 140 |\n2 |某县| 430 | - | 430 |\n');
    expect(r.title).toBe('某市2021年度地表水断面生态补偿资金分配表');
    expect(r.kind).toBe('unknown');
  });
  it('reads a fund announcing its use by its title or its announcing sentence', () => {
    expect(noticeShapeOf('某市2020年度福利彩票公益金使用情况公告', '')).toBe('announcement.fund_use');
    expect(kindOf('', '为规范管理,现将2023年某县体育彩票公益金筹集、使用情况公告如下。一、项目名称及资金')).toBe('unknown');
  });
  it('reads the directive that opens an untitled allocation notice', () => {
    expect(noticeShapeOf('', '某镇人民政府:\n根据有关文件精神,现下达2025年乡村振兴专项资金50万元,用于项目建设补助。')).toBe('notice.allocation_directive');
  });
  it('reads a department summary graded over all its projects as about no one project', () => {
    expect(kindOf('', '(二)项目支出绩效自评结果。我部门2024年度项目12个,12个项目评为一等,占项目总数比例100%。')).toBe('unknown');
  });
  it('keeps a self-evaluation that cites allocation notices a project', () => {
    const body = '一、项目概况\n根据《某省财政厅关于下达2023年水利发展资金预算的通知》,现将自评情况报告如下:省财政下达资金300万元,分配至各乡镇。';
    expect(noticeShapeOf('某县2023年水利发展资金绩效自评报告', body)).toBeNull();
    expect(kindOf('某县2023年水利发展资金绩效自评报告', body)).toBe('project');
    expect(kindOf('', body)).toBe('project');
  });
  it('reads a report on rectifying an evaluation\'s findings as about nothing evaluated, though its title names the evaluation (t694)', () => {
    const title = '某市自然资源和规划局关于2020-2022年中心城区不动产登记工作项目经费绩效评价报告中反映问题整改情况的报告';
    expect(noticeShapeOf(title, '一、项目概况')).toBe('report.rectification');
    expect(kindOf(title, '一、项目概况\n(一)项目单位基本情况')).toBe('unknown');
    expect(noticeShapeOf('某县农业农村局关于2024年政策性农业保险项目绩效评价整改情况报告', '')).toBe('report.rectification');
    // a self-evaluation that has a 整改 section, or says what it rectified, is still one
    expect(noticeShapeOf('某县2023年水利发展资金绩效自评报告', '五、存在问题及整改情况报告如下')).toBeNull();
    expect(kindOf('某县2023年水利发展资金绩效自评及整改报告', '一、项目概况')).toBe('project');
  });
  it('reads a notice of a round of evaluation results as about no one unit, though its title evaluates', () => {
    const body = '各部、局、办:\n重点选择2022年度14个重点项目及2个单位整体支出开展绩效评价,现将结果通报如下。';
    expect(noticeShapeOf('某部关于2023年全区绩效评价结果情况的通报', body)).toBe('notice.evaluation_results');
    expect(kindOf('某部关于2023年全区绩效评价结果情况的通报', `${body}部门整体支出绩效评价`)).toBe('unknown');
  });
  it('keeps a self-evaluation announced as a 公示 a project', () => {
    expect(kindOf('某县2022年度专项资金项目绩效自评结果公示', '')).toBe('project');
  });
});

describe('kind rules of issue 15: the whole department, one project, news, a 决算 tail', () => {
  it('reads a title naming the 部门绩效自评 or the 部门预算绩效管理 as the whole department (t878, t877)', () => {
    expect(kindOf('2020年度某县某镇人民政府部门绩效自评报告', '一、部门基本情况\n(一)项目概况')).toBe('department_overall');
    expect(kindOf('某市教育体育局部门预算绩效管理工作考核评价报告', '一、项目资金总预算')).toBe('department_overall');
    expect(kindOf('某县文化馆单位预算绩效管理自评报告', '项目名称')).toBe('department_overall');
  });
  it('reads an opening on the unit\'s 部门绩效自评工作 as the whole department, not a contents line (t853)', () => {
    expect(kindOf('', '根据上级要求,某区城市管理局组织开展了2024年度部门绩效自评工作。\n1、智慧城管项目:搭建平台;')).toBe('department_overall');
    expect(kindOf('', '根据《关于开展2024年度部门绩效自评工作的通知》,现将某道路改造项目自评情况报告如下:一、项目概况')).toBe('project');
  });
  it('reads a report on the unit\'s projects in general that counts all of them as the whole department (t876, t943)', () => {
    const counted = '二、部门预算支出情况\n2023年共安排支出项目4个,即工作组经费120万元、排查59万元、调解10万元、救助资金30万元,共219万元。';
    expect(kindOf('某市信访局2023年度部门决算中项目绩效评价报告', counted)).toBe('department_overall');
    expect(kindOf('某市农业农村局关于2023年度项目绩效自评工作的报告', '2023年预算安排我局专项资金项目共计113个,财政资金3267.28万元。')).toBe('department_overall');
    // one project counted, no count, or a project named in the title: a project's
    expect(kindOf('某市信访局2023年度部门决算中项目绩效评价报告', '2023年共安排支出项目1个,即工作组经费120万元。')).toBe('project');
    expect(kindOf('某县生态环境分局2023年部门决算中项目绩效自评结果', '我局反映农村黑臭水体治理试点项目绩效自评综述和所有项目支出绩效自评表。')).toBe('project');
    expect(kindOf('某市信访局2023年度驻京工作组经费项目绩效评价报告', counted)).toBe('project');
  });
  it('reads a unit\'s title of its year over a bracketed project name as that project (t918)', () => {
    const head = '索引号 | 01526035 | 发布机构 | 某市林业和草原局 |\n';
    expect(kindOf('某市林业局林业技术推广站2019年度绩效自评报告', `${head}某市林业局林业技术推广站2019年度绩效自评报告\n(林业技术试验示范推广项目)\n一、项目基本情况`)).toBe('project');
    expect(kindOf('某县第一小学2023年度绩效自评报告', '某县第一小学2023年度绩效自评报告\n(教育专项工作经费)\n一、自评结论')).toBe('project');
    // a numbered heading is no bracketed name; the unit's year stays the whole unit
    expect(kindOf('某市林业局林业技术推广站2019年度绩效自评报告', '(一)项目资金\n(二)部门概况')).toBe('department_overall');
  });
  it('reads a fund\'s performance published as a 公示 as the fund\'s, a project (t936)', () => {
    expect(kindOf('', '根据有关要求,现将某市2021年度国家重大水利工程建设基金(三峡后续工作)绩效完成情况公示如下:\n一、2021年度绩效目标')).toBe('project');
    expect(kindOf('', '现将2022年某县衔接推进乡村振兴补助资金绩效目标实现情况予以公告如下。')).toBe('project');
  });
  it('reads a news lead on an evaluation\'s results as no self-evaluation (t939)', () => {
    const body = '近日,省水利厅通报2023年度中央水库移民扶持基金绩效评价结果,我市荣获“优秀”等次。\n2023年,我市争取资金1.3亿元,实施项目227个。';
    expect(noticeShapeOf('', body)).toBe('news.evaluation_results');
    expect(kindOf('', body)).toBe('unknown');
    // a report that cites such a result in its body keeps its title's kind
    expect(kindOf('某县2023年水库移民后期扶持资金绩效自评报告', body)).toBe('project');
  });
  it('reads a page that reaches the 决算 glossary as a 决算, and a 本部门… sentence as no title (t838)', async () => {
    const r = await reportOf('2.部门绩效评价结果。\n本部门按要求对2020年部门整体支出绩效评价情况开展自评,《某县民政局2020年部门整体支出绩效评价报告》见附件(附件1)。\n 第三部分 \n 名词解释\n1.财政拨款收入:指单位从同级财政部门取得的财政预算资金。\n2.事业收入:指事业单位开展专业业务活动取得的收入。\n');
    expect(r.title).toBeNull();
    expect(r.documentKind).toBe('final_accounts');
    expect(r.kind).toBe('unknown');
  });
});

describe('kind rules of issue 15, second step: a headline of news, a plan of uses, the one project evaluated', () => {
  it('reads a news headline on an evaluation round as no self-evaluation, though it evaluates (t559)', () => {
    expect(noticeShapeOf('省发改委近日联合通报2016年度省区域战略推进专项资金绩效评价情况', '')).toBe('news.evaluation_results_headline');
    expect(kindOf('省发改委近日联合通报2016年度省区域战略推进专项资金绩效评价情况', '一、项目概况')).toBe('unknown');
    // a self-evaluation's own title is none
    expect(noticeShapeOf('某县2016年度区域战略推进专项资金绩效评价报告', '')).toBeNull();
  });
  it('reads a fund\'s plan of uses as an allocation (t696)', () => {
    expect(noticeShapeOf('2025年农技推广项目资金使用安排', '')).toBe('notice.allocation');
    expect(kindOf('某县2024年衔接资金使用计划', '一、项目名称')).toBe('unknown');
    expect(kindOf('某县2024年衔接资金使用情况绩效自评报告', '一、项目名称')).toBe('project');
  });
  it('reads an opening that names the one project evaluated as that project\'s (t922)', () => {
    expect(kindOf('', '2018年9月1日工作领导小组委托会计师事务所对某市垃圾处理和环卫设施建设项目财政 支出进行绩效评价,组成专家组。')).toBe('project');
    expect(kindOf('某单位财政支出绩效自评价报告', '我单位对2024年新增地方政府专项债券项目进行绩效自评,评价结果如下:')).toBe('project');
    // no project before 进行…评价: nothing said of the kind
    expect(kindOf('', '我单位对2024年度预算资金使用情况进行绩效评价,结果如下。')).toBe('unknown');
  });
});

describe('kind rules of issue 15, third step: an indicator framework', () => {
  it('reads a document titled as a framework of indicators as evaluating nothing, and a form or report so titled as one (t524)', () => {
    expect(noticeShapeOf('部门整体支出绩效评价指标', '')).toBe('template.indicator_framework');
    expect(kindOf('某省项目支出绩效评价指标体系', '一级指标 二级指标 分值')).toBe('unknown');
    expect(kindOf('某县2023年部门整体支出绩效评价指标自评表', '')).toBe('department_overall');
    expect(kindOf('某县2023年农村道路项目绩效评价指标完成情况报告', '')).toBe('project');
  });
});
