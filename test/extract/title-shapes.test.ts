/** The report's title where no heading line states it (src/extract/title-shapes.ts): shapes, not sites. */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import type { ReportRecord } from '../../src/schema/record.js';

async function reportOf(text: string): Promise<ReportRecord['report']> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record.report;
}

const contents = (unit: string) =>
  `第一部分:${unit}概况\n一、主要职能\n二、机构设置\n第二部分:${unit}2021年度部门决算报表\n表一:收入支出决算总表\n表二:收入决算表\n第三部分:${unit}2021年度部门决算情况说明\n一、2021年度收入支出决算总体情况\n二、2021年度一般公共预算支出决算情况\n`;

describe('the contents of a 决算 are no title', () => {
  it('abstains when the text opens at 目录: its 第N部分 entries name parts, not the document', async () => {
    const r = await reportOf(`目 录\n${contents('永州市农业农村局')}第一部分:永州市农业农村局概况\n一、主要职能\n负责全市农业农村工作。\n`);
    expect(r.title).toBeNull();
  });
});

describe('a 决算 cover above its contents', () => {
  it('takes a 决算 title whose year lacks its 年 ("兴马镇人民政府2019决算公开"; t645)', async () => {
    expect((await reportOf('兴马镇人民政府2019决算公开\n第一部分部门概况\n一、基本职能及主要工作\n')).title).toBe('兴马镇人民政府2019决算公开');
  });
  it.each([
    // The unit on its own line above the year.
    ['海南省应急管理厅(本级)\n2021年度单位决算\n目录\n', '海南省应急管理厅(本级)2021年度单位决算'],
    // A file name above, a page number between the cover and 目录 (a PDF dump joins them).
    ['2019年中共清新区委人民政府接待办公室部门决算.pdf\n2019 年中共清新区委人民政府接待办公室 部 门决算 1 目 录 ', '2019年中共清新区委人民政府接待办公室部门决算'],
    // The dump interleaves 目录 with the first entry.
    ['赣州市沙河中心小学2022年度决算公开.pdf\n赣州市沙河中心小学 2022 年度决算 目 第一部分 录 ', '赣州市沙河中心小学2022年度决算'],
    // A cover that names only the year and the unit.
    ['2023年度内蒙古自治区呼伦贝尔市根河市河东街道办事处\n目 录\n', '2023年度内蒙古自治区呼伦贝尔市根河市河东街道办事处'],
    // Under a page's byline, the cover's last words wrapped to a line of their own.
    ['政府信息公开\n全文检索\n某某区建设局2020年度部门决算公开说明\n来源:区财政局发布时间:2021-09-20浏览次数:【字体:\n乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)建设局2020年度部门决算\n公开说明\n目录\n', '乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)建设局2020年度部门决算公开说明'],
  ])('%s', async (cover, title) => {
    const r = await reportOf(`${cover}${contents('某某单位')}`);
    expect(r.title).toBe(title);
  });

  it('is not a line of page furniture above 目录', async () => {
    const r = await reportOf(`某某县卫生服务中心2022年度单位决算公开\n发布机构:区卫生健康局发布时间: 2023-10-12 14:54字体: [ ]目录公开时间:2023年10月12日\n${contents('某某县卫生服务中心')}`);
    expect(r.title).toBe('某某县卫生服务中心2022年度单位决算公开');
  });
});

describe("a document site's file name when the text states no heading", () => {
  it('drops the extension and the upload stamp', async () => {
    const r = await reportOf(
      '文库文库 - 千万精品文档,你想要的都能搜到,下载即用。\n\n昭通市大关县天星镇中心卫生院2021年部门决算公开表20221013044707503.xls\n\n看我口型:Gun48 页 95.5 KB下载文档\n收入支出决算总表 金额单位:元 项目 行次 金额 一般公共预算财政拨款收入 1 11,122,315.04\n',
    );
    expect(r.title).toBe('昭通市大关县天星镇中心卫生院2021年部门决算公开表');
  });

  it('reads the name an uploader quotes', async () => {
    const r = await reportOf(
      '《2022年度项目支出绩效自评总报告.docx》由会员分享,可在线阅读,更多相关《2022年度项目支出绩效自评总报告.docx(8页珍藏版)》请在第一文库网上搜索。\n1、2022年度项目支出绩效自评总报告为切实做好2022年度财政项目支出绩效评价工作,对我处2022年度项目支出绩效进行了自评。\n',
    );
    expect(r.title).toBe('2022年度项目支出绩效自评总报告');
  });

  it('but not a file name that names no report', async () => {
    const r = await reportOf('会议照片20230101.jpg\n某某会议纪要.docx\n今天开会讨论了几件事情。\n');
    expect(r.title).toBeNull();
  });
});

describe("a portal's metadata label before the title", () => {
  it('drops 标题, so the unit the title opens with is the department', async () => {
    const r = await reportOf(
      '标      题 西藏自治区文物局中央转移支付2020年度绩效自评报告\n索引号 000014349/2021-00003 文      号\n发布机构 自治区政府办公厅 发布日期 2021-03-15 17:55:56\n\n西藏自治区文物局中央转移支付2020年度绩效自评报告\n\n根据《关于开展2020年度中央对地方转移支付预算执行情况绩效自评工作的通知》要求,我局认真梳理了项目。\n',
    );
    expect(r.title).toBe('西藏自治区文物局中央转移支付2020年度绩效自评报告');
    expect(r.department).toBe('西藏自治区文物局');
  });
});

describe('a page title with a channel tag, restated by the heading', () => {
  it('takes the heading under the byline, without the tag', async () => {
    const r = await reportOf(
      '(直达资金)某某市新建光辉路工程项目2020年度绩效自评报告\n发布时间:2021-05-14 11:40来源:某某区财政局字号:\n某某市新建光辉路工程项目2020年度绩效自评报告\n一、绩效目标分解下达情况\n区财政安排资金700万元。\n',
    );
    expect(r.title).toBe('某某市新建光辉路工程项目2020年度绩效自评报告');
  });

  it("takes a form's heading that adds the year", async () => {
    const r = await reportOf('(临时救助)绩效目标自评表\n绩效目标自评表(2019年度) |\n||||\n项目名称|\n临时救助|\n主管部门|\n某某县民政局|\n');
    expect(r.title).toBe('绩效目标自评表(2019年度)');
  });

  it('keeps an untagged page title over a byline and a heading cut short', async () => {
    const a = await reportOf('建设项目绩效自评报告\n\n时间:2022-12-09 12:18:52 报告 我要投稿\n\n建设项目绩效自评报告(通用9篇)\n\n在不断进步的时代,报告的用途越来越大。\n');
    expect(a.title).toBe('建设项目绩效自评报告');
    const b = await reportOf('2022-2025某某县农村幼儿园提升改造项目地方债券项目资金绩效评价报告\n\n发布时间: 2024- 06- 26 10: 21 浏览次数:\n\n2022-2025某某县农村幼儿园提升改造\n\n资金绩效评价报告\n\n一、基本情况\n');
    expect(b.title).toBe('2022-2025某某县农村幼儿园提升改造项目地方债券项目资金绩效评价报告');
  });
});

describe('titles printed again, joined to an attachment, counted or doubled', () => {
  it('reads past a title printed again (<title>, <h1>) to the heading that restates it in full', async () => {
    const r = await reportOf('专项资金绩效自评价报告\n专项资金绩效自评价报告\n专项资金绩效自评价报告\n2018年某某市标准化水产健康养殖示范基地建设项目专项资金绩效自评价报告\n为进一步推进预算绩效信息公开工作,对项目进行了自评价。\n');
    expect(r.title).toBe('2018年某某市标准化水产健康养殖示范基地建设项目专项资金绩效自评价报告');
  });

  it("cuts a page title joined to its attachment's heading", async () => {
    const r = await reportOf('办公宿舍楼、食堂及餐厅暖通改造经费绩效自评表(修改)附件1项目支出绩效自评表\n2019年度)\n项目名称\n办公宿舍楼、食堂及餐厅暖通改造经费\n主管部门\n某某市发改委\n');
    expect(r.title).toBe('办公宿舍楼、食堂及餐厅暖通改造经费绩效自评表(修改)');
  });

  it('drops a page counter before the title', async () => {
    const r = await reportOf('1/1年学生资助项目绩效目标自评表填报日期:总分:分项目名称某某学院年学生资助项目主管部门某某省教育厅\n');
    expect(r.title).toBe('年学生资助项目绩效目标自评表');
  });

  it('abstains on a dump that prints every run twice', async () => {
    const r = await reportOf('文档简介\n\n1 20152015 年度省级矿产资源勘查开发与年度省级矿产资源勘查开发与 地质环境保护专项资金绩效评价报告地质环境保护专项资金绩效评价报告 某某省国土资源厅某某省国土资源厅 20162016 年年 6 6 月月\n');
    expect(r.title).toBeNull();
  });
});

describe('titles behind chrome a site adds (a site name, a breadcrumb, a byline glued on by normalization)', () => {
  const site = '无障碍 | 长者模式 | 登录\n某某县人民政府门户网站\n当前位置：首页>>信息公开>>财政资金\n';

  it("finds a 决算 cover whose line normalization joined to the breadcrumb's", async () => {
    const r = await reportOf(`${site}2023年度内蒙古自治区呼伦贝尔市根河市河东街道办事处\n目 录\n${contents('河东街道办事处')}`);
    expect(r.title).toBe('2023年度内蒙古自治区呼伦贝尔市根河市河东街道办事处');
  });

  it('reads a trail that opens with 您当前所在的位置', async () => {
    const r = await reportOf(`${site}您当前所在的位置:首页>政务公开>重点领域信息>财政资金>城乡义务教育补助经费转移支付2023年度绩效自评报告\n来源:某某县教育局作者:某某县人民政府字号:\n一、基本情况\n(一)转移支付概况。\n`);
    expect(r.title).toBe('城乡义务教育补助经费转移支付2023年度绩效自评报告');
  });

  it("drops a mirror's keyword list that normalization joined to the title's line (t664)", async () => {
    const r = await reportOf('某某图gif第210期,某某美女,综合图区美腿丝袜\n\n农村公路绩效评价报告\n\n时间:2022-12-20 11:27:21 报告 我要投稿\n按照建设绩效评价办法,推进规范有序建设。\n');
    expect(r.title).toBe('农村公路绩效评价报告');
  });

  it("drops an attachment's number before the title", async () => {
    const r = await reportOf(`${site}附件3四川省汶川县2021年中央食品监管专项转移支付绩效自评报告为进一步规范和提高中央对地方转移支付专项资金管理,按照要求开展了自评。\n`);
    expect(r.title).toBe('四川省汶川县2021年中央食品监管专项转移支付绩效自评报告');
  });

  it.each([
    ['某某县财政局关于2021年度中央转移支付专项资金绩效自评的报告'],
    ['2022年度项目支出绩效自评总报告'],
    ['某某县住房和城乡建设局2024年度专项债券项目资金绩效评价情况表'],
    ['部门整体支出绩效评价基础数据表'],
    // (A fund's name in brackets after the title, up to 24 characters: t369.)
    ['2021年工程支出绩效评价自评报告(2021年州级文化和旅游开展专项资金)'],
  ])('knows the ending of %s', async (title) => {
    const r = await reportOf(`${site}信息阅读\n发布时间：2023-06-01 10:00 来源：本站 浏览次数：12\n【字体：大 中 小】 打印\n${title}\n一、基本情况\n本单位按要求开展了自评。\n`);
    expect(r.title).toBe(title);
  });
});

describe('a byline joined before the title', () => {
  it.each([
    ['某某县2021年度财政衔接资金绩效自评报告'],
    ['**河县2023年度中央水利发展资金绩效自评报告'],
  ])('keeps the place that opens %s', async (title) => {
    const r = await reportOf(`发布时间：2023-06-01 10:00  来源：本站  浏览次数：12\n【字体：大 中 小】 打印\n${title}\n根据有关文件规定,我县按照评价真实、数据准确的原则,认真开展了绩效自评。\n`);
    expect(r.title).toBe(title);
  });
});

describe("a portal's index block or a document site's page counter before the title", () => {
  it('drops an index number after the publication date', async () => {
    const r = await reportOf(
      '信息公开\n索引号：11340000-2023-00012  发布机构：某某县财政局\n公开方式：主动公开  成文日期：2023-05-01\n监督索引号53042800755701000元江哈尼族彝族傣族自治县羊街乡2021年度部门决算\n目录\n第一部分 部门概况\n',
    );
    expect(r.title).toBe('元江哈尼族彝族傣族自治县羊街乡2021年度部门决算');
  });

  it('drops a page counter glued after site chrome', async () => {
    const r = await reportOf('文库 - 千万精品文档,你想要的都能搜到,下载即用。\n已阅读5页,还剩15页未读 继续免费阅读\n下载本文档\n版权说明:本文档由用户提供并上传,收益归属内容提供方\n文档简介\n1/1年学生资助项目绩效目标自评表填报日期:总分:分项目名称某某学院年学生资助项目主管部门某某省教育厅\n');
    expect(r.title).toBe('年学生资助项目绩效目标自评表');
  });
});

describe('an ex-ante assessment report and a template site count', () => {
  it('takes …事前绩效评估报告 without the (通用9篇) count', async () => {
    const r = await reportOf('财政支出项目事前绩效评估报告(通用9篇)在我们平凡的日常里,报告很常用。\n财政支出项目事前绩效评估报告1\n项目名称:某项目');
    expect(r.title).toBe('财政支出项目事前绩效评估报告');
  });
});

describe("a news item's or a notice's headline above its byline, when no heading ends like a report's", () => {
  it('takes the line above 来源', async () => {
    const r = await reportOf('某某网\n\n某市福彩收入花哪了?共使用5亿近八成用于扶老助困\n来源:某某日报\n记者从市民政局获悉,2016年度福利彩票公益金筹集分配和使用情况日前公布。\n');
    expect(r.title).toBe('某市福彩收入花哪了?共使用5亿近八成用于扶老助困');
  });

  it('skips blank lines and reads a date-and-time byline; the kind comes from the body alone', async () => {
    // (Read as a title, "…安排相关资金…" would make the page a project's report.)
    const r = await reportOf('新闻网 正文\n中央财政已累计安排相关资金458亿元 文化场馆更有温度\n\n2018-06-12 07:27:10 来源: 人民日报\n中央财政今年继续安排资金支持各地公共文化服务体系建设。\n');
    expect(r.title).toBe('中央财政已累计安排相关资金458亿元文化场馆更有温度');
    expect(r.kind).toBe('unknown');
  });

  it('drops a channel tag before the headline ("【公示公开】"; t631)', async () => {
    const r = await reportOf('首页 > 政务公开 > 主要民生资金\n\n      【公示公开】2021年学生资助资金情况公示\n\n      发布时间:2022-05-20 11:26 信息来源:某某市财政局\n\n2021年,市本级财政学生资助共投入8573.19万元。\n');
    expect(r.title).toBe('2021年学生资助资金情况公示');
  });

  it.each([
    ['a unit alone', '某某县民政局'],
    ['a sentence', '根据相关文件规定,现将上级转移支付资金使用情况报告如下。'],
    ['a welcome banner', '欢迎访问某某县人民政府网站今天是星期一'],
    ['a breadcrumb', '首页 > 政务公开 > 通知公告'],
  ])('is not %s', async (_what, line) => {
    const r = await reportOf(`${line}\n发布时间:2023-04-05 16:23 信息来源:计财科\n本单位按要求公开了有关信息。\n`);
    expect(r.title).toBeNull();
  });
});

describe("a government portal's metadata name, when no heading ends like a report's", () => {
  it('takes X of 名称:X文号:, the fields glued together', async () => {
    const r = await reportOf('您现在所在的位置:网站首页>政府信息公开首页>某某县实验小学>财务管理>预决算信息索引号: 113417310032630336/202309-00221 组配分类:预决算信息 发布机构:某某县教育体育局 主题分类:综合政务 名称:某某县实验小学预决算信息 文号:\n生成日期: 2023-09-01\n');
    expect(r.title).toBe('某某县实验小学预决算信息');
  });

  it('takes X of a metadata table\'s cells, 名称: |X|文号: | (t649), and reads the 部门预算 as no evaluation', async () => {
    const r = await reportOf('索引号: | 11341802556345493F /202201-00014 |组配分类: |政府预算|发布机构: |某某区清风街道办事处|名称: |某某市某某区清风街道办事处2022年部门预算|文号: |无|成文日期: |\n第一部分部门概况\n主要职责\n第二部分2022年部门预算情况说明\n');
    expect(r).toMatchObject({ title: '某某市某某区清风街道办事处2022年部门预算', kind: 'unknown' });
  });

  it("but not a form's 项目名称 cell without a 文号 after it", async () => {
    const r = await reportOf('项目名称:某某县实验小学校舍维修\n主管部门:某某县教育体育局\n');
    expect(r.title).toBeNull();
  });
});

describe('a notice of evaluation results (…的通报) and the kinds of report a sentence lists', () => {
  it('takes an evaluation\'s rectification report (…绩效评价整改情况报告; t633) as the title, about no kind', async () => {
    const title = '开远市农业农村局关于2024年政策性农业保险项目绩效评价整改情况报告';
    // (A portal's metadata line runs into it, its 时效性 field last.)
    const r = await reportOf(`-开远市农业农村局\n-\n索引号kysnyncj/2026-00003-发布机构开远市农业农村局-文号-发布日期2026-01-23-时效性有效${title}\n${title}\n根据《开远市财政局关于再评价工作情况的通报》的相关要求,我单位高度重视,现将整改情况报告如下:\n一、基本情况\n`);
    expect(r).toMatchObject({ title, kind: 'unknown' });
  });
  it('takes …绩效评价结果情况的通报 above its date, not a report kind named in the body', async () => {
    const r = await reportOf('首页 > 新闻中心 > 通知公告\n\n某某部关于2023年全区绩效评价结果情况的通报\n\n2024-01-08\n【字体:\n各部、局、办:\n各预算单位应高度重视,针对绩效重点评价报告、整体支出绩效评价报告中反映的问题,查找和分析原因。\n');
    expect(r.title).toBe('某某部关于2023年全区绩效评价结果情况的通报');
  });
});

describe("a collector's Markdown image before the heading", () => {
  it('is chrome, and the facility a project is named by is no unit', async () => {
    const r = await reportOf('【#第一文档网# 导语】以下是小编为您整理的《老年人日间照料中心项目绩效自评报告》,欢迎阅读!\n![日间,照料,老年人,绩效,报告](/static/img/rand/big_111.jpg)老年人日间照料中心项目绩效自评报告\n一、项目概况(一)项目基本情况。\n');
    expect(r.title).toBe('老年人日间照料中心项目绩效自评报告');
    expect(r.department).toBeNull();
  });
});
