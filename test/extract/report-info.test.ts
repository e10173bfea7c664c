/** Report facts (src/extract/report-info.ts): where the unit, region and year are stated. */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { regionOf } from '../../src/extract/report-info.js';
import type { ReportRecord } from '../../src/schema/record.js';

async function reportOf(text: string): Promise<ReportRecord['report']> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record.report;
}

describe('the unit in a form header', () => {
  it.each([
    ['部门(单位)名称:  岳阳市城市管理监督指挥中心        预算编码:   906017\n评价方式:部门(单位)绩效自评', '岳阳市城市管理监督指挥中心'],
    ['项目名称:某水库除险加固工程\n评价年度:2022\n预算部门单位(公章):遂溪县水务局\n填报日期:2023年4月25日', '遂溪县水务局'],
    ['1、蚕茶卫生院整体支出绩效自评表(2021年度)评价部门名称南昌县黄马乡蚕茶卫生院下属单位个数0整体支出规模', '南昌县黄马乡蚕茶卫生院'],
    ['部门整体支出绩效自评报告 部门名称:十堰市城市管理执法委员会 评价单位:十堰市城市管理执法委员会评价小组 一、基本情况', '十堰市城市管理执法委员会'],
  ])('%s → %s', async (text, unit) => {
    expect((await reportOf(text)).department).toBe(unit);
  });

  it('reads the region from that unit, and the year from 评价年度', async () => {
    const r = await reportOf('项目支出绩效自评报告\n项目名称:某水库除险加固工程\n评价年度:2022\n预算部门单位(公章):遂溪县水务局\n填报日期:2023年4月25日');
    expect(r.region).toMatchObject({ county: '遂溪县' });
    expect(r.fiscalYear).toBe(2022);
  });

  it('does not take 资金来源 for a page byline before the title', async () => {
    const r = await reportOf('1、蚕茶卫生院整体支出绩效自评表(2021年度)评价部门名称南昌县黄马乡蚕茶卫生院下属单位个数0资金来源:(1)财政拨款103.21%');
    expect(r.title).toBe('蚕茶卫生院整体支出绩效自评表(2021年度)');
  });
});

describe('the unit in a title', () => {
  it.each([
    ['耒阳市第四中学专项资金绩效自评价报告\n一、基本情况', '耒阳市第四中学'],
    ['镜湖区残联中央转移支付2023年度绩效自评报告(残疾人事业发展补助资金)\n一、绩效目标分解下达情况', '镜湖区残联'],
    ['市级配套就业专项资金项目绩效自评报告\n一、项目基本情况', null],
    ['热点\n保山市广播电视台电视专题节目制作经费项目绩效自评报告\n2018-06-19 10:40:38\n\n2017年度项目绩效自评报告\n一、项目基本情况', '保山市广播电视台'],
  ])('%s → %s', async (text, unit) => {
    expect((await reportOf(text)).department).toBe(unit);
  });

  it('reads a title wrapped before its kind words, with the unit it opens with (t660)', async () => {
    const wrapped = '市公路局2020年度公路养护类项目\n自评结果\n一、自评结论\n(一)自评得分\n对照年初部门预算中项目支出绩效目标批复设定的各项指标值进行打分,自评得分100分。\n附件:2020年度养护类项目自评表(附后)\n';
    expect(await reportOf(wrapped)).toMatchObject({ title: '市公路局2020年度公路养护类项目自评结果', department: '市公路局' });
  });

  it('reads a title that ends 自评情况报告, not a sentence that reports 情况 (现将自评情况报告如下; t668)', async () => {
    expect((await reportOf('关于省级财政项目支出绩效自评情况报告\n一、基本情况\n')).title).toBe('关于省级财政项目支出绩效自评情况报告');
    expect((await reportOf('我省认真组织开展自评。现将自评情况报告如下:\n一、绩效目标分解下达情况\n')).title).toBeNull();
  });

  it('does not join a line above the kind words that opens no title (no year)', async () => {
    expect((await reportOf('第一期公路养护类项目\n自评结果\n附件:2020年度养护类项目自评表(附后)\n')).title).toBe('2020年度养护类项目自评表(附后)');
  });
});

describe('the unit named outside the body', () => {
  const page = (byline: string) => `当前位置:首页>公告公示\n日期:2024-06-11 17:40  来源:${byline}\n分享到:\n优抚对象生活补助经费转移支付2023年度绩效自评报告\n一、绩效目标分解下达情况\n`;

  it('takes a page byline naming a unit of a place', async () => {
    const r = await reportOf(page('临河区退役军人事务局'));
    expect(r.department).toBe('临河区退役军人事务局');
    expect(r.region).toMatchObject({ county: '临河区' });
  });

  it.each(['市人社', '财务科', '县财政局', '某某县人民政府', '屯溪区政府办'])('but not the byline %s', async (byline) => {
    expect((await reportOf(page(byline))).department).toBeNull();
  });

  // A finance bureau reports on the money it runs, and publishes others' reports: its byline is a weak
  // witness (unit.finance_publisher), taken alone and outweighed by any unit the report names itself.
  it('takes a finance bureau\'s byline only when nothing else names a unit', async () => {
    expect((await reportOf(page('某某县财政局'))).department).toBe('某某县财政局');
    expect((await reportOf(`${page('某某县财政局')}某某县退役军人事务局对优抚对象生活补助经费进行了自评。\n`)).department).toBe('某某县退役军人事务局');
  });

  it('takes the unit a report introduces with 以下简称, keeping the province of the title', async () => {
    const r = await reportOf(
      '湖北省残疾人事业发展补助资金(省对下转移支付)项目2018年度绩效自评报告\n根据《省财政厅关于开展绩效自评工作的通知》的规定,湖北残疾人联合会(以下简称“省残联”)成立绩效自评工作专班。',
    );
    expect(r.department).toBe('湖北残疾人联合会');
    expect(r.region.province).toBe('湖北省');
  });

  it('but not a finance bureau introduced that way', async () => {
    const r = await reportOf('某专项资金项目绩效自评报告\n根据某某市财政局(以下简称“市财政局”)的要求,开展绩效自评。');
    expect(r.department).toBeNull();
  });

  it('reads the province from a 区域 form\'s provincial authorities', async () => {
    const r = await reportOf('食品监管补助资金区域绩效目标自评表\n来源:安居区市场监管局 发布时间:2022-08-15\n专项名称\n食品监管补助资金\n省级财政部门\n四川省财政厅\n');
    // (The gazetteer knows 安居区 is in 遂宁市.)
    expect(r.region).toMatchObject({ province: '四川省', county: '安居区', city: '遂宁市' });
  });
});

describe('units named by a province\'s short name or a city\'s development zone (issue 15)', () => {
  it('places a unit under its province\'s short name in the full province', async () => {
    const r = await reportOf('宁夏林业和草原局2022年度部门决算\n第一部分 部门概况\n');
    expect(r.department).toBe('宁夏林业和草原局');
    expect(r.region).toEqual({ province: '宁夏回族自治区', city: null, county: null });
  });
  it('places a development zone\'s unit in its city', async () => {
    const r = await reportOf('项目支出绩效自评报告\n一、项目概况\n预算单位海口国家高新区管委会(行政主管部门)的道路项目。\n主管部门为海口国家高新区管委会\n');
    expect(r.department).toBe('海口国家高新区管委会');
    expect(r.region).toEqual({ province: '海南省', city: '海口市', county: null });
  });
});

describe('the region of the government whose rules the report follows', () => {
  it('fills the levels above the unit\'s own', async () => {
    const r = await reportOf('镜湖区残联中央转移支付2023年度绩效自评报告\n资金使用规范，严格按照《中共芜湖市委办公室 芜湖市人民政府办公室关于全面实施预算绩效管理的通知》开展预算绩效管理。');
    expect(r.region).toMatchObject({ city: '芜湖市', county: '镜湖区' });
  });
  it('gives the whole region when the text names no unit', async () => {
    const r = await reportOf('2021年度市级就业资金配套项目资金绩效自评报告\n根据《益阳市财政局关于开展2021年度部门绩效自评工作的通知》要求，我局开展了自评。');
    expect(r.region).toMatchObject({ province: '湖南省', city: '益阳市', county: null });
  });
  it('never puts a level below the unit\'s own', async () => {
    const r = await reportOf('某某市教育局2021年度部门整体支出绩效自评报告\n根据某某区财政局的通知开展自评。');
    expect(r.region).toMatchObject({ city: '某某市', county: null });
  });
});

describe('the region spelled as the text prints it', () => {
  it('writes a level the gazetteer filled in the short form the text prints, the official one where the text prints it', async () => {
    const short = await reportOf('双柏县水务局2022年度部门整体支出绩效自评报告\n一、基本情况\n根据楚雄州财政局的要求,双柏县水务局开展了自评。');
    expect(short.region.city).toBe('楚雄州');
    const official = await reportOf('双柏县水务局2022年度部门整体支出绩效自评报告\n一、基本情况\n根据楚雄彝族自治州财政局的要求,双柏县水务局开展了自评。');
    expect(official.region.city).toBe('楚雄彝族自治州');
  });
});

describe('regionOf', () => {
  it('takes no city from a county followed by 市场', () => {
    // The city comes from the gazetteer (安居区 is in 遂宁市), not from "安居区市".
    expect(regionOf('安居区市场监管局')).toEqual({ province: '四川省', city: '遂宁市', county: '安居区' });
    expect(regionOf('遂宁市市场监督管理局经开区分局')).toMatchObject({ city: '遂宁市' });
  });
  it('takes no county from a word that ends in 区 but names none (自治区财政厅, 园区管委会; t583)', () => {
    expect(regionOf('自治区财政厅').county).toBeNull();
    expect(regionOf('园区管委会').county).toBeNull();
    expect(regionOf('西夏区财政局').county).toBe('西夏区');
  });
});

describe('county-level cities (县级市)', () => {
  it.each([
    ['耒阳市第四中学', { province: '湖南省', city: '衡阳市', county: '耒阳市' }],
    ['开远市卫生健康综合监督执法局', { province: '云南省', city: '红河哈尼族彝族自治州', county: '开远市' }],
    ['湖北省仙桃市教育局', { province: '湖北省', city: null, county: '仙桃市' }],
    ['衡阳市耒阳市水利局', { city: '衡阳市', county: '耒阳市' }],
  ])('%s is a county', (name, region) => {
    expect(regionOf(name)).toMatchObject(region);
  });

  it('gives a municipality no prefecture: its districts are counties', () => {
    expect(regionOf('重庆市梁平区林业局')).toEqual({ province: '重庆市', city: null, county: '梁平区' });
    expect(regionOf('北京市文物局')).toEqual({ province: '北京市', city: null, county: null });
  });

  it('keeps a prefecture a city', () => {
    expect(regionOf('茂名市发展和改革局')).toEqual({ province: '广东省', city: '茂名市', county: null });
  });
});

describe('the gazetteer fills the levels above a named place', () => {
  it.each([
    ['紫金县司法局', { province: '广东省', city: '河源市', county: '紫金县' }],
    ['密云区红十字会', { province: '北京市', city: null, county: '密云区' }],
    ['通州区红十字会', { province: null, city: null, county: '通州区' }],
    ['普陀区体育局', { province: null, city: null, county: '普陀区' }],
    ['上海市普陀区体育局', { province: '上海市', city: null, county: '普陀区' }],
    ['朝阳区教育委员会', { province: null, city: null, county: '朝阳区' }],
    ['株洲市荷塘区妇女联合会', { province: '湖南省', city: '株洲市', county: '荷塘区' }],
  ])('%s', (name, region) => {
    expect(regionOf(name)).toEqual(region);
  });
});

describe('the unit in a project title and behind site chrome', () => {
  it.each([
    ['2022年耒阳市水利局农村饮水安全工程项目绩效自评总结报告', '耒阳市水利局'],
    ['2021年某县人民政府办公室电子政务运维项目绩效自评报告', '某县人民政府办公室'],
    ['2021年全民健身场地设施项目绩效自评报告', null],
    ['2022年度城乡居民医疗保险补助资金项目绩效自评报告', null],
  ])('%s → %s', async (title, unit) => {
    expect((await reportOf(`${title}\n一、基本情况\n本单位按照要求开展了绩效自评工作。`)).department).toBe(unit);
  });

  it('drops a breadcrumb glued to the title, keeping the unit it ends with', async () => {
    const r = await reportOf('当前位置：首页>>政务公开>>部门信息>>天长市水利局2022年度部门整体支出绩效自评报告\n一、基本情况\n');
    expect(r.title).toBe('天长市水利局2022年度部门整体支出绩效自评报告');
    expect(r.department).toBe('天长市水利局');
    expect(r.region).toMatchObject({ province: '安徽省', city: '滁州市', county: '天长市' });
  });

  it('takes the unit a breadcrumb ends with when the title names none', async () => {
    const r = await reportOf('当前位置：首页 > 政务公开 > 开远市卫生健康局\n\n2021年度全民健身场地设施项目绩效自评报告\n一、基本情况\n');
    expect(r.department).toBe('开远市卫生健康局');
  });

  it('drops the trail\'s last channel printed before the title on its line, and reads "您当前的位置"', async () => {
    const report = await reportOf('首页 > 政务公开 > 临沧市林业和草原局 > 预算绩效 临沧市林业和草原局2022年度部门整体支出绩效自评报告\n一、基本情况\n');
    expect(report.title).toBe('临沧市林业和草原局2022年度部门整体支出绩效自评报告');
    expect(report.department).toBe('临沧市林业和草原局');
    expect((await reportOf('您当前的位置：首页 > 信息公开 > 临沧市林业和草原局 > 财政预决算\n2022年度部门整体支出绩效自评报告\n一、基本情况\n')).department).toBe('临沧市林业和草原局');
  });

  it('drops a collector\'s "# title:" prefix', async () => {
    const r = await reportOf('# title: 2021年全民健身场地设施项目绩效自评报告\n一、基本情况\n本单位按照要求开展了绩效自评工作。');
    expect(r.title).toBe('2021年全民健身场地设施项目绩效自评报告');
  });
});

describe('titles of 决算 and of announced reports', () => {
  it('reads a 部门决算 title with its year, and the unit before it', async () => {
    const r = await reportOf('目录\n益阳市某某中学2023年度部门决算\n第一部分 单位概况\n一、主要职责\n');
    expect(r.title).toBe('益阳市某某中学2023年度部门决算');
    expect(r.department).toBe('益阳市某某中学');
  });

  it('never takes a numbered section for the title', async () => {
    const r = await reportOf('目录\n第二部分2024年度单位决算情况说明\n一、收入支出决算总体情况说明\n本单位2024年度收、支总计均为1523.26万元。');
    expect(r.title).toBeNull();
  });

  it('takes the unit a 决算 outline names in its first part', async () => {
    const r = await reportOf('目录\n第一部分 洪江市人民政府办公室概况\n一、部门职责\n二、机构设置\n第二部分 部门决算表\n');
    expect(r.department).toBe('洪江市人民政府办公室');
    expect(r.region).toMatchObject({ county: '洪江市', city: '怀化市', province: '湖南省' });
  });

  it('reads the title a sentence announces ("现将…报告如下")', async () => {
    const r = await reportOf('根据《某省财政厅关于印发扶贫项目资金绩效管理办法的通知》(某财农〔2018〕130号),现将2022年西平县交通运输局财政衔接推进乡村振兴资金项目绩效自评总结报告如下:\n一、绩效目标分解下达情况\n');
    expect(r.title).toBe('2022年西平县交通运输局财政衔接推进乡村振兴资金项目绩效自评总结报告');
    expect(r.department).toBe('西平县交通运输局');
  });

  it('cuts a breadcrumb trail that normalization joined to the title line', async () => {
    const r = await reportOf('当前位置:首页\n>> 政务公开 >> 重点领域 >> 公共文化\n丽水市文化馆2018年度整体支出绩效评价报告\n时间:2020-03-26\n一、部门基本概况\n');
    expect(r.title).toBe('丽水市文化馆2018年度整体支出绩效评价报告');
    expect(r.department).toBe('丽水市文化馆');
  });
});

describe('a unit speaking of itself is a sentence, not a title (t827, t635)', () => {
  it('takes no title from 我院/我市 …, and still takes a title that opens with another word', async () => {
    expect((await reportOf('为切实加强管理,提高资金的使用效益,开展自评工作。\n一、基本情况\n通过对照评价指标和评分标准,我院2019年度部门整体支出绩效自评分为88分(详见评价表),绩效等级良。\n')).title).toBeNull();
    expect((await reportOf('某市人民医院2019年度部门整体支出绩效自评报告\n一、部门基本情况\n')).title).toBe('某市人民医院2019年度部门整体支出绩效自评报告');
  });
});

describe('a mirror\'s brand printed as a label and again before the title (t863)', () => {
  it('drops "S: S" before a title, and keeps a title whose label is another word', async () => {
    expect((await reportOf('某某娱乐: 某某娱乐2016年学生资助专项项目绩效评价报告\n一、项目基本情况\n')).title).toBe('2016年学生资助专项项目绩效评价报告');
    expect((await reportOf('附件: 2016年学生资助专项项目绩效评价报告\n一、项目基本情况\n')).title).toBe('2016年学生资助专项项目绩效评价报告');
  });
});

describe('a phrase inside a sentence (t559, t851)', () => {
  it('is no title when the sentence goes on after it', async () => {
    expect((await reportOf('记者从市发改委获悉,省发改委近日联合通报2016年度省区域战略推进专项资金绩效评价情况,由第三方机构组织评价。\n我市获得96.47分。\n')).title).toBeNull();
    expect((await reportOf('1月20日,绩效评价报告认为,项目执行有效性较好。\n')).title).toBeNull();
    expect((await reportOf('根据文件精神,我单位对环境监测站2021年度大气监测专项开展了自评。现将项目绩效自评情况报告如下:\n一、基本情况\n')).title).toBeNull();
    // (A heading on its own line stays one.)
    expect((await reportOf('2016年度省区域战略推进专项资金绩效评价情况\n一、基本情况\n')).title).toBe('2016年度省区域战略推进专项资金绩效评价情况');
  });
});

describe('a page whose heading names its evaluation work (t850)', () => {
  const page = '您当前的位置:网站首页 > 信息公开 > 公示公告\n\n2019年度湖北省红十字会绩效评价工作开展情况\n\n  • 2020-11-13 00:00\n  • 来源:原创\n\n一、预算绩效管理工作开展情况\n单位组织对项目支出全面开展绩效自评。\n附件2:《2019年度“红十字事业发展工作经费”项目绩效自评表》.docx\n';
  it('takes the heading, not a cited attachment\'s name cut at its quote', async () => {
    const r = await reportOf(page);
    expect(r.title).toBe('2019年度湖北省红十字会绩效评价工作开展情况');
    expect(r.department).toBe('湖北省红十字会');
  });
  it('reads no title inside a cited name', async () => {
    expect((await reportOf('根据要求开展自评。\n附件2:《2019年度“红十字事业发展工作经费”项目绩效自评表》.docx\n')).title).toBeNull();
  });
});

describe('a target declaration\'s caption (t676, t774, t552)', () => {
  it('is the title of a document that opens with it, without its year', async () => {
    const form = '项目支出绩效目标表\n|\n|\n(2023年度)\n|\n|\n项目名称\n|\n亳州市人工增雨飞机作业项目\n|\n|\n主管部门及代码\n|\n亳州市气象局\n|\n';
    expect((await reportOf(form)).title).toBe('项目支出绩效目标表');
  });
  it('is no title of a notice that attaches it after its sentences or among its attachments', async () => {
    const notice = '甲县水利局:\n现将资金500万元下达给你局。请严格执行。\n附件:2020年省级财政水利发展资金绩效目标表\n(2020)年度\n专项(项目)名称\n';
    expect((await reportOf(notice)).title).toBeNull();
    const listed = '相关县(市、区)财政局:为促进发展,现下达专项资金70万元,附件:1.2023年民族发展专项资金分配表2.专项转移支付绩效目标表\n单位:万元\n';
    expect((await reportOf(listed)).title).not.toBe('专项转移支付绩效目标表');
  });
});

describe('an attachment\'s number glued before the title\'s year (t727)', () => {
  it('drops the number, not the year', async () => {
    const page = '索引号 | 1153/2021-0707013 | 发布机构 | 甲市退役军人事务局 |\n公开目录 | 部门预算 | 发布日期 | 2021-07-07 |\n文号 | 浏览量 |\n附件1\n2020年度项目绩效自评报告\n一、项目基本情况\n召开领导小组会议。\n';
    const r = await reportOf(page);
    expect(r.title).toBe('2020年度项目绩效自评报告');
    expect(r.fiscalYear).toBe(2020);
    expect((await reportOf(page.replace('附件1\n', '附件12\n'))).title).toBe('2020年度项目绩效自评报告');
  });
});

describe("a portal's bulleted metadata list glued before the title", () => {
  it('drops the field name 文件标题 left after the dates the chrome cut (t942)', async () => {
    const r = await reportOf('您当前的位置: 区民族宗教委>政务公开>决算公开\n  • 索引号 115001140091301783/2022-00038\n  • 成文日期 2022-08-29\n  • 发布日期 2022-08-29\n  • 文件标题 重庆市黔江区民族宗教事务委员会2021年度部门决算情况说明\n  • 发布机构 黔江区民族宗教委\n一、部门基本情况\n');
    expect(r.title).toBe('重庆市黔江区民族宗教事务委员会2021年度部门决算情况说明');
    expect(r.department).toBe('重庆市黔江区民族宗教事务委员会');
  });
});

describe('a 决算 title ending with its scope', () => {
  it('reads "…2021年部门决算(汇总)" above the contents as the title (t977)', async () => {
    const r = await reportOf('大冶市自然资源和规划局2021年部门决算(汇总)\n目 录\n第一部分:大冶市自然资源和规划局概况\n');
    expect(r.title).toBe('大冶市自然资源和规划局2021年部门决算(汇总)');
  });
});

describe('a page number glued before the title (t784, t811)', () => {
  it('drops one or two digits before a year or a name, and keeps a service number or a count', async () => {
    expect((await reportOf('1 2016年妇女儿童发展专项资金绩效评价报告\n一、项目基本情况\n')).title).toBe('2016年妇女儿童发展专项资金绩效评价报告');
    expect((await reportOf('1东方市殡葬管理中心公墓建设项目绩效评价报告\n一、项目基本情况\n')).title).toBe('东方市殡葬管理中心公墓建设项目绩效评价报告');
    expect((await reportOf('120急救中心2023年度部门整体支出绩效自评报告\n一、部门基本情况\n')).title).toBe('120急救中心2023年度部门整体支出绩效自评报告');
  });
  it('drops a three-digit page number set apart before a year (a running header, t922), never one glued to it', async () => {
    expect((await reportOf('100 2017年度镇江市环境卫生管理处财政支出绩效自评价报告\n一、项目基本情况\n')).title).toBe('2017年度镇江市环境卫生管理处财政支出绩效自评价报告');
    expect((await reportOf('110指挥中心2023年度部门整体支出绩效自评报告\n一、部门基本情况\n')).title).toBe('110指挥中心2023年度部门整体支出绩效自评报告');
  });
});

describe('决算 covers and page chrome', () => {
  it.each([
    ['监督索引号53092200631901000\n临沧市云县财政局2022年度部门决算\n目录\n第一部分 临沧市云县财政局概况\n', '临沧市云县财政局2022年度部门决算', '临沧市云县财政局'],
    ['政务公开 > 财政 > 财政专题 > 2021市级部门决算专题\n\n北京市文物局2021年度部门决算\n\n日期:2022-09-01 10:00    来源:北京市文物局\n目 录\n', '北京市文物局2021年度部门决算', '北京市文物局'],
    ['正文\n黄石市卫生健康委员会部门2024年度部门决算\n目录\n第一部分 黄石市卫生健康委员会概况\n', '黄石市卫生健康委员会部门2024年度部门决算', '黄石市卫生健康委员会'],
    ['重庆市潼南区玉溪镇人民政府2022年度部门决算公开\n重庆市潼南区玉溪镇人民政府\n2022年度部门决算情况说明\n一、部门基本情况\n', '重庆市潼南区玉溪镇人民政府2022年度部门决算公开', '重庆市潼南区玉溪镇人民政府'],
  ])('%s', async (text, title, unit) => {
    const r = await reportOf(text);
    expect(r.title).toBe(title);
    expect(r.department).toBe(unit);
  });
});

describe('the unit from page metadata and the lines around the title', () => {
  it('takes the publisher a page names, when a unit of a place', async () => {
    const r = await reportOf('索引号 | 01526035-8-/2020-0828018 | 发布机构 | 腾冲市林业和草原局 |\n公开目录 | 财政预决算 |\n木材检查站租金项目绩效自评报告\n一、项目基本情况\n');
    expect(r.department).toBe('腾冲市林业和草原局');
    expect(r.region).toMatchObject({ county: '腾冲市', city: '保山市', province: '云南省' });
  });

  it('takes a line that is only a unit above the title', async () => {
    expect((await reportOf('青川县司法局\n关于2021年度政法纪检监察转移支付资金绩效的自评报告\n一、基本情况\n')).department).toBe('青川县司法局');
  });

  it('drops a page date glued before the unit and refuses uploader text', async () => {
    expect((await reportOf('来源:2024-08-19常德市疾病预防控制中心\n项目支出绩效自评报告\n一、基本情况\n')).department).toBe('常德市疾病预防控制中心');
  });

  it('puts a cover\'s year line back before its title', async () => {
    expect((await reportOf('2023年度\n益阳市某某中学部门决算\n目录\n第一部分 益阳市某某中学概况\n一、部门职责\n')).title).toBe('2023年度益阳市某某中学部门决算');
  });
});

describe('titles flattened with page furniture', () => {
  it.each([
    ['上传文档查看更多白碱滩区项目支出绩效评价报告(2019年度)\n一、项目概况\n本项目资金用于环境整治。', '白碱滩区项目支出绩效评价报告(2019年度)'],
    ['组配分类2024年度天水市生态环境局(汇总)部门决算\n目录\n第一部分 部门概况\n', '2024年度天水市生态环境局(汇总)部门决算'],
    ['中共湖南省委党校(湖南行政学院)\n2021年度部门整体支出绩效自评报告\n省财政厅:\n根据要求，我校开展了自评。', '中共湖南省委党校(湖南行政学院)2021年度部门整体支出绩效自评报告'],
    // A button before a page's index number, a word processor's page field, an official document's masthead and number.
    ['收藏监督索引号53082300121501000景东彝族自治县人民政府驻外办事联络处2018年度部门决算公开说明\n目录\n', '景东彝族自治县人民政府驻外办事联络处2018年度部门决算公开说明'],
    ['2016年公路日常养护项目PAGE——PAGE 1—2016年公路日常养护项目支出绩效评价报告\n一、项目基本情况\n', '2016年公路日常养护项目支出绩效评价报告'],
    // A title that ends 自评情况的报告, before a dash and the site's unit.
    ['关于2022年度部门整体支出绩效自评情况的报告-临沧市林业和草原局\n一、部门基本情况\n', '关于2022年度部门整体支出绩效自评情况的报告'],
    // Other endings of a self-evaluation's heading: …自评情况说明/汇报, …自评结果 and …自评综述 on their own line.
    ['临沧市林业和草原局2022年度部门整体支出绩效自评情况的说明\n一、部门基本情况\n', '临沧市林业和草原局2022年度部门整体支出绩效自评情况的说明'],
    ['临沧市林业和草原局2022年度部门整体支出绩效自评情况汇报\n一、部门基本情况\n', '临沧市林业和草原局2022年度部门整体支出绩效自评情况汇报'],
    ['临沧市林业和草原局2022年度部门整体支出绩效自评结果\n一、部门基本情况\n', '临沧市林业和草原局2022年度部门整体支出绩效自评结果'],
    // A report's announcement: …报告结果公示, …报告公开.
    ['甲县新庄集乡人民政府部门整体支出绩效评价报告结果公示\n为深入贯彻落实预算绩效管理要求,现将评价结果公示如下。\n', '甲县新庄集乡人民政府部门整体支出绩效评价报告结果公示'],
    ['裕民县2021年10个重点项目绩效评价报告公开\n一、项目基本情况\n', '裕民县2021年10个重点项目绩效评价报告公开'],
    // A 决算 marked (公开); a page title printed twice before a form's heading.
    ['北京市丰台区人民政府西罗园街道办事处2024年度部门决算(公开)\n目 录\n第一部分 2024年度部门决算报表\n', '北京市丰台区人民政府西罗园街道办事处2024年度部门决算(公开)'],
    ['九亭镇2021年预算绩效评价结果公开九亭镇2021年预算绩效评价结果公开财政项目支出绩效自评表\n项目名称 社区事务\n', '九亭镇2021年预算绩效评价结果公开'],
    // The words a spam mirror injects before, inside or after the title.
    ['甲市民政局365体育网址,皇冠足球体育2024年度中央财政福彩公益金转移支付绩效自评报告\n一、绩效目标分解下达情况\n', '2024年度中央财政福彩公益金转移支付绩效自评报告'],
    ['精品一区二区中文在线,无遮挡动漫在线观看,成全免费高清大全\n\n妇幼保健自评报告\n\n一、基本情况\n', '妇幼保健自评报告'],
    ['优米体育足球农机事务中心2020年度农机购置补贴专项资金项目绩效评价报告\n目 录\n一、项目情况\n', '农机事务中心2020年度农机购置补贴专项资金项目绩效评价报告'],
  ])('%s', async (text, title) => {
    expect((await reportOf(text)).title).toBe(title);
  });

  it('takes no sentence fragment for a title', async () => {
    expect((await reportOf('财政局组织专家现场核查，撰写评价报告，并报送市政府。\n一、项目概况\n本项目资金用于环境整治。')).title).toBeNull();
  });
});

describe('the kind of an evaluation report', () => {
  it('is the kind its title names: a project evaluated by another body is still a project', async () => {
    const r = await reportOf('贵州省民族宗教事务委员会民族工作经费专项资金(2017-2019年度)绩效评价报告\n根据《项目支出绩效评价管理办法》，受委托，第三方评价机构对该专项资金开展了重点绩效评价。\n一、项目基本情况\n');
    expect(r.documentKind).toBe('evaluation_report');
    expect(r.kind).toBe('project');
  });
});

describe('the fiscal year', () => {
  it('is none when the title covers several years', async () => {
    const r = await reportOf('四川省住房和城乡建设厅关于2017-2019年省级城镇保障性安居工程支出绩效自评报告\n一、基本情况\n2019年，我厅按要求开展了自评。');
    expect(r.fiscalYear).toBeNull();
  });
  it('is the title\'s single year otherwise', async () => {
    const r = await reportOf('四川省住房和城乡建设厅关于2019年省级城镇保障性安居工程支出绩效自评报告\n一、基本情况\n2020年，我厅按要求开展了自评。');
    expect(r.fiscalYear).toBe(2019);
  });
  it('is the year before for a round of evaluation results titled by the year it was held, when the opening names that 年度', async () => {
    const r = await reportOf('某某镇2021年预算绩效评价结果公开\n2020年度财政项目支出绩效自评表\n项目名称 城镇建设管理\n');
    expect(r.fiscalYear).toBe(2020);
    const unnamed = await reportOf('某某镇2021年预算绩效评价结果公开\n财政项目支出绩效自评表\n项目名称 城镇建设管理\n');
    expect(unnamed.fiscalYear).toBe(2021);
    const own = await reportOf('某某县水利局2021年度项目绩效自评结果公开\n2020年度结转项目已完成。\n');
    expect(own.fiscalYear).toBe(2021);
  });
  it('is the year whose end a date names ("截止2023年12月31日") when nothing else names one (t574)', async () => {
    const r = await reportOf('社会服务与管理项目绩效自评报告\n截止2023年12月31日,项目实际使用资金1076.47万元。项目于3月开工。');
    expect(r.fiscalYear).toBe(2023);
    const other = await reportOf('社会服务与管理项目绩效自评报告\n项目于2023年5月10日开工。');
    expect(other.fiscalYear).toBeNull();
  });
  it('is never a goal\'s horizon ("到2030年…力争") when the title has none (t544)', async () => {
    const r = await reportOf('市属高校建设世界一流学科补助项目绩效评价报告\n对市教育委员会"2021年市属高校建设世界一流学科补助"项目开展评价。三所大学建设世界一流学科,到2030年,三所大学力争建成世界一流学科。');
    expect(r.fiscalYear).toBe(2021);
    // a deadline inside the year still counts
    const d = await reportOf('某项目绩效评价报告\n项目到2022年底完成建设。项目于2022年3月开工。');
    expect(d.fiscalYear).toBe(2022);
  });
});

describe('the title among page names and restatements', () => {
  it('is the piece of a page title that ends like a title', async () => {
    const r = await reportOf('某某城_某某网-【某某平台】2022年度中央财政林业改革发展资金转移支付绩效自评报告\n一、基本情况\n本项目按计划实施。');
    expect(r.title).toBe('2022年度中央财政林业改革发展资金转移支付绩效自评报告');
  });
  it('is the next line when it restates the page title in full', async () => {
    const a = await reportOf('县档案馆2024年部门整体支出绩效自评报告\n寻甸回族彝族自治县档案馆2024年部门整体支出绩效自评报告\n一、基本情况\n本馆按要求开展了自评。');
    expect(a.title).toBe('寻甸回族彝族自治县档案馆2024年部门整体支出绩效自评报告');
    const b = await reportOf('天津市北辰区宸宜幼儿园2022年部门决算公开\n天津市北辰区宸宜幼儿园2022年度部门决算\n目录\n第一部分 部门概况\n');
    expect(b.title).toBe('天津市北辰区宸宜幼儿园2022年度部门决算');
  });
  it('is not a byline line that follows the title', async () => {
    const r = await reportOf('2022年度项目支出绩效自评表\n发布时间:2024-06-13 17:10【字体:打印2022年度项目支出绩效自评表\n项目名称 | 某项目 |\n');
    expect(r.title).toBe('2022年度项目支出绩效自评表');
  });
});

describe('the title behind page chrome any site adds (issue 15: shapes, not sites)', () => {
  const body = '2021年度某某县水务局部门整体支出绩效自评报告\n一、部门基本情况\n某某县水务局负责全县水利工作。';
  const title = '2021年度某某县水务局部门整体支出绩效自评报告';
  it.each([
    ['a site name on its own line', `无障碍 | 长者模式 | 登录\n某某县人民政府门户网站\n${body}`],
    ['a channel line under a breadcrumb', `当前位置：首页>>信息公开>>法定主动公开内容>>财政资金\n信息阅读\n${body}`],
    ['a footer linking the next page', `${body}\n\n上一篇：关于2023年度部门预算公开的说明\n下一篇：某某镇2022年度部门决算公开`],
    ['page numbers glued before it', `第1页/共6页${body}`],
  ])('%s', async (_shape, text) => {
    expect((await reportOf(text)).title).toBe(title);
  });

  it('takes no site name for the unit', async () => {
    const r = await reportOf('某某县人民政府门户网站\n2022年度项目支出绩效自评表\n项目名称 | 农村道路养护 |');
    expect(r.title).toBe('2022年度项目支出绩效自评表');
    expect(r.department).toBeNull();
  });

  it('keeps a unit line and a cover year line above the title, and a title wrapped before its year bracket', async () => {
    expect((await reportOf('中共湖南省委党校(湖南行政学院)\n2021年度部门整体支出绩效自评报告\n一、基本情况')).title).toBe('中共湖南省委党校(湖南行政学院)2021年度部门整体支出绩效自评报告');
    expect((await reportOf('2023年度\n益阳市箴言中学部门决算\n目录\n第一部分 益阳市箴言中学概况\n一、部门职责')).title).toBe('2023年度益阳市箴言中学部门决算');
    // (The wrapped year bracket is no title of its own.)
    expect((await reportOf('项目支出绩效自评表\n(2022年度)\n项目名称 | 农村道路养护 |')).title).toMatch(/^项目支出绩效自评表/u);
  });
});

describe('the department behind page chrome (issue 15)', () => {
  it('reads a 决算 cover from the line its unit starts on, not the site lines above it', async () => {
    const r = await reportOf('无障碍 | 长者模式 | 登录\n某某县人民政府门户网站\n南江县林业局2020年度部门决算编制说明\n第一部分 部门概况\n一、基本职能及主要工作');
    expect(r.department).toBe('南江县林业局');
  });

  it('drops page buttons glued before a unit', async () => {
    const r = await reportOf('一、部门概况\n发布时间：2023-05-06 来源：本站 打印 关闭\n西区动物疫病预防控制中心是西区农业农村和交通运输局下属二级事业单位。\n(一)基本职能。');
    expect(r.department).toBe('西区动物疫病预防控制中心');
  });
});

describe('report kinds a heading names (issue 15)', () => {
  const body = '\n发布时间：2023-05-06\n一、部门基本情况\n南江县水务局负责全县水利工作，2022年预算100万元。\n二、绩效自评情况';
  it.each([
    ['南江县水务局2022年度项目支出绩效自评结果公告', '南江县水务局'],
    ['关于南江县水务局2022年度部门整体支出绩效自评结果的公示', '南江县水务局'],
    ['南江县水务局关于2022年度项目支出绩效自评情况的报告', '南江县水务局'],
  ])('%s', async (title, unit) => {
    const r = await reportOf(`首页 > 政务公开\n${title}${body}`);
    expect(r.title).toBe(title);
    expect(r.department).toBe(unit);
  });

  it('reads a 决算 cover whose unit names no place from its own line', async () => {
    const r = await reportOf('首页 > 政务公开\n林业服务中心2022年度部门决算公开\n第一部分 部门概况\n一、基本职能及主要工作');
    expect(r.department).toBe('林业服务中心');
  });
});

describe('headings of notices and announcements, and titles cut or padded by a page', () => {
  it('takes an allocation notice heading wrapped after its 关于', async () => {
    const r = await reportOf('某县财政局关于\n调整下达某县2024年农业产业发展资金项目计划的通知\n各相关单位:\n根据有关文件,现下达资金100万元。');
    expect(r.title).toBe('某县财政局关于调整下达某县2024年农业产业发展资金项目计划的通知');
    expect(r.kind).toBe('unknown');
  });
  it('takes a heading wrapped after 关于 and its year', async () => {
    const r = await reportOf('某县体育局关于2020年\n\n某县体育彩票公益金筹集使用情况的公告\n\n为贯彻落实有关规定,现将情况公告如下。');
    expect(r.title).toBe('某县体育局关于2020年某县体育彩票公益金筹集使用情况的公告');
  });
  it('takes a fund announcement but not the sentence announcing it', async () => {
    const r = await reportOf('2016年某省福利彩票公益金使用情况公告\n现将2016年全省福利彩票公益金筹集、使用情况公告如下:全年筹集公益金43.3亿元。');
    expect(r.title).toBe('2016年某省福利彩票公益金使用情况公告');
    const s = await reportOf('为贯彻落实《彩票管理条例》,现将2022年某区体育彩票公益金筹集、使用情况公告如下。\n一、筹集情况\n本年筹集100万元。');
    expect(s.title).toBeNull();
  });
  it('takes no notice a self-evaluation cites', async () => {
    const r = await reportOf('一、项目概况\n根据《某省财政厅关于下达2023年水利发展资金预算的通知》(某财农〔2023〕1号),省财政下达资金300万元。');
    expect(r.title).toBeNull();
  });
  it('skips a name cut inside a bracket for the heading that follows', async () => {
    const r = await reportOf('信息名称 | 2023年《某市农业高质量发展(“两强一增”行动)绩效目标自评表》 | 内容概述 | 某市转移支付区域(项目)绩效目标自评表(2023年度)转移支付名称');
    expect(r.title).toBe('某市转移支付区域(项目)绩效目标自评表(2023年度)');
  });
  it('drops a template site count of its versions', async () => {
    const r = await reportOf('村集体经济项目绩效自评报告(精选17篇)在日常工作中,报告很常用。\n村集体经济项目绩效自评报告1\n一、基本情况');
    expect(r.title).toBe('村集体经济项目绩效自评报告');
  });
});

describe('the title on an essay site', () => {
  it('never takes the site\'s "下面是小编为大家整理的…" sentence as the title', async () => {
    const r = await reportOf('第一文秘网 > 范文写作\n\n作者: 时间:2022-05-10 19:10:07 浏览次数:\n\n下面是小编为大家整理的部门整体支出绩效评价报告,供大家参考。\n\n某市某街道办事处部门整体支出绩效评价报告\n\n一、部门基本情况\n');
    expect(r.title ?? '').not.toMatch(/小编/u);
  });
});

describe('a mirror\'s injected gambling spam', () => {
  it('is read as absent inside a 决算 title, so the unit is found', async () => {
    const r = await reportOf('2021年度365bet体育投注网站_365骑士版app下载_365betvip某镇人民政府部门决算\n目录\n公开时间:2022年8月23日\n第一部分部门概况\n');
    expect(r.title).toBe('2021年度某镇人民政府部门决算');
    expect(r.department).toBe('某镇人民政府');
  });
  it('is cut from the end of a title glued to its byline, and the byline\'s publisher does not win', async () => {
    const r = await reportOf('政府信息公开\n\n2022年度四川省遂宁中学校单位决算 -澳客官方网站\n\n来源:遂宁市教育和体育局 发布时间:2023-08-25 15:15 浏览次数:\n\n目录\n第一部分 单位概况\n');
    expect(r.title).toBe('2022年度四川省遂宁中学校单位决算');
    expect(r.department).toBe('四川省遂宁中学校');
  });
  it('leaves a sports bureau\'s own words alone', async () => {
    const r = await reportOf('上海市普陀区体育局2023年度部门决算\n目录\n第一部分 部门概况\n');
    expect(r.title).toBe('上海市普陀区体育局2023年度部门决算');
  });
});

describe('a department budget\'s heading', () => {
  it('ends like a title, as a 决算\'s does ("…2022年部门预算" above its date)', async () => {
    const r = await reportOf('某县某街道办事处2022年部门预算\n2022年1月\n第一部分 部门概况\n一、主要职能\n');
    expect(r.title).toBe('某县某街道办事处2022年部门预算');
    // a fund's budget named in a notice's sentence is no title
    const n = await reportOf('各乡镇:\n现下达2022年农村公路养护资金预算,请按规定使用。\n');
    expect(n.title).not.toBe('现下达2022年农村公路养护资金预算');
  });
});

describe('titles and units of headings that wrap or carry notes (issue 15, point 5)', () => {
  it('reads a 决算 title whose kind words wrap to the line below its unit', async () => {
    const r = await reportOf('2023年度某某市供销合作社联合社\n决算公开\n部门名称:某某市供销合作社联合社\n目录\n第一部分 部门概况\n');
    expect(r.title).toBe('2023年度某某市供销合作社联合社决算公开');
  });

  it('reads a form caption after a bracketed note glued before it', async () => {
    const r = await reportOf('详情见附件(注:以下内容为附件图片识别,个别文字可能不准确,请以附件为准)部门预算项目支出绩效自评表(2023年度) | | |\n项目名称 | | 某某工作经费 | |\n');
    expect(r.title).toBe('部门预算项目支出绩效自评表(2023年度)');
  });

  it('takes no form instruction that ends in 自评情况 for the title', async () => {
    const r = await reportOf('合计 | 100 | |\n评价结论 | 结合自评情况,说明项目自评总分。(200字以内) | |\n部门预算项目支出绩效自评表(2023年度) | |\n项目名称 | 某某工作经费 | |\n');
    expect(r.title).toBe('部门预算项目支出绩效自评表(2023年度)');
  });

  it('takes the heading a page title restates with 关于 and the places above the unit, and the unit below its occasion line', async () => {
    const r = await reportOf('(贵州省)关于黔东南州黄平县2022年预算执行情况和2023年预算草案的报告\n黄平县2022年预算执行情况和2023年预算草案的报告\n(2023年2月8日在县第十七届人民代表大会第二次会议上)\n黄平县财政局\n各位代表:\n受县人民政府委托,现将报告提请审议。\n');
    expect(r.title).toBe('黄平县2022年预算执行情况和2023年预算草案的报告');
    expect(r.department).toBe('黄平县财政局');
    // (The prefecture the gazetteer adds above 黄平县 is written as the text prints it.)
    expect(r.region.city).toBe('黔东南州');
  });

  it('reads a notice title followed by its document number, and a 决算 title before a bulleted byline or with its (本级)', async () => {
    const a = await reportOf('财政部关于下达2021年某某资金预算的通知\n[财综〔2021〕20号]  [2021-06-09]\n有关省、自治区、直辖市财政厅(局):\n现下达2021年某某资金预算100万元。\n');
    expect(a.title).toBe('财政部关于下达2021年某某资金预算的通知');
    const b = await reportOf('某某市妇幼保健院2023年度部门决算•发布时间:2023-02-02•信息来源:某某市妇幼保健院•【字体:\n一、主要职责\n');
    expect(b.title).toBe('某某市妇幼保健院2023年度部门决算');
    const c = await reportOf('当前位置:首页\n2021年度某某市退役军人事务局部门决算(本级)\n一、部门职责\n');
    expect(c.title).toBe('2021年度某某市退役军人事务局部门决算(本级)');
  });

  it('reads the unit whose own level a project report names, in full where its rules print it', async () => {
    const r = await reportOf('一、项目概括\n(一)项目基本情况\n社会服务与管理项目为省商务厅本级的经常性项目,项目资金用途为保障我厅各处室履行职能。\n项目资金管理严格按照《海南省商务厅财务统一管理试行办法》执行。\n');
    expect(r.department).toBe('海南省商务厅');
  });

  it('reads the unit a 决算 sentence names after its year', async () => {
    const r = await reportOf('九、国有资本经营预算支出决算情况说明\n2019年国有资本经营预算拨款支出0万元。\n(一)机关运行经费支出情况\n2019年,大英县市场监督管理局机关运行经费支出156.38万元,比2018年减少231.64万元。\n');
    expect(r.department).toBe('大英县市场监督管理局');
  });
});
