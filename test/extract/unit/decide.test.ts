/** The unit engine (src/extract/unit/): sources, features, full names, abstention. */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../../src/analyze.js';
import { decideUnit, fullNameOf, governmentOf } from '../../../src/extract/unit/decide.js';
import { cleanDepartment, departmentInTitle, publisherUnit } from '../../../src/extract/unit/finders.js';
import { UNIT_FEATURES, UNIT_SOURCES } from '../../../src/extract/unit/rules.js';
import type { SourceDocument } from '../../../src/ingest/document.js';

async function analysisOf(text: string) {
  return analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' });
}
const docOf = async (text: string): Promise<SourceDocument> => (await analysisOf(text)).doc;
const departmentOf = async (text: string) => (await analysisOf(text)).record.report.department;

describe('rule ids', () => {
  it('are unique across sources and features', () => {
    const ids = [...UNIT_SOURCES.map((s) => s.id), ...UNIT_FEATURES.map((f) => f.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('fullNameOf', () => {
  it.each([
    ['县司法局', '县司法局2020年度…经费绩效自评报告\n按要求，紫金县司法局对该经费进行了自评。', '紫金县司法局'],
    ['自治区文化和旅游厅', '自治区文化和旅游厅关于…的报告\n广西壮族自治区文化和旅游厅 | 2022-12-30', '广西壮族自治区文化和旅游厅'],
    ['仁兴镇小学', '仁兴镇小学2013年…绩效评价报告\n禄丰县仁兴镇小学根据要求…', '禄丰县仁兴镇小学'],
    // A name that starts with its place is read as printed.
    ['曾都区河道堤防建设管理处', '随州市曾都区河道堤防建设管理处', '曾都区河道堤防建设管理处'],
    // Words before the place are not a place: "规定，" / "我局和".
    ['司法局', '根据规定司法局开展自评', '司法局'],
  ])('%s in %s → %s', (name, text, full) => {
    expect(fullNameOf(name, text)).toBe(full);
  });
});

describe('governmentOf', () => {
  it('reads a township or a street as its government where the text prints it', () => {
    expect(governmentOf('甲县羊街乡', '(一)主要职能甲县羊街乡人民政府主要职能:')).toBe('甲县羊街乡人民政府');
    expect(governmentOf('乙区河东街道', '乙区河东街道办事处负责…')).toBe('乙区河东街道办事处');
    // (A text that never names the government keeps the township: "发布机构:无为市襄安镇".)
    expect(governmentOf('甲县襄安镇', '发布机构:甲县襄安镇成文日期:')).toBe('甲县襄安镇');
    expect(governmentOf('甲县教育局', '甲县教育局人民政府')).toBe('甲县教育局');
    // A township's government named short is the government the text names in full (t801).
    expect(governmentOf('塘湖镇政府', '单位名称:塘湖镇政府填报日期:2021.5.18单位名称|塘湖镇人民政府|')).toBe('塘湖镇人民政府');
    expect(governmentOf('塘湖镇政府', '单位名称:塘湖镇政府填报日期:2021.5.18')).toBe('塘湖镇政府');
  });

  it('names a unit by the full name its body prints over the short form of its heading, and by a form cell\'s short form', async () => {
    // (委 short for 委员会: "荆门市城管委" is 荆门市城市管理执法委员会, t737.)
    const accounts = '荆门市城管委2021年决算公开\n目录\n第一部分 荆门市城市管理执法委员会概况\n一、主要职能\n荆门市城市管理执法委员会是市政府工作部门。\n';
    expect(await departmentOf(accounts)).toBe('荆门市城市管理执法委员会');
    const form = '项目支出绩效自评表\n项目名称 公共文化服务体系经费 主管部门 六安市文化和旅游局 实施单位 六安市文旅局\n项目资金\n';
    expect(await departmentOf(form)).toBe('六安市文旅局');
  });

  it('makes a form\'s short and full names of a township\'s government one unit', async () => {
    const form = '单位名称:塘湖镇政府填报日期:2021.5.18单位名称|塘湖镇人民政府| ||||||||基本支出总额| 864.2万|项目支出总额| 0 |\n';
    expect(await departmentOf(form)).toBe('塘湖镇人民政府');
  });

  it('makes a 决算 title\'s township one unit with its government', async () => {
    const text = '元江哈尼族彝族傣族自治县羊街乡2021年度部门决算\n目录\n第一部分 部门概况\n一、部门职责\n(一)主要职能元江哈尼族彝族傣族自治县羊街乡人民政府主要职能:\n1.落实政策。\n';
    expect(await departmentOf(text)).toBe('元江哈尼族彝族傣族自治县羊街乡人民政府');
  });
});

describe('departmentInTitle', () => {
  it('reads a cover heading of a year and a placed unit alone', () => {
    expect(departmentInTitle('2023年度内蒙古自治区呼伦贝尔市根河市河东街道办事处')).toBe('内蒙古自治区呼伦贝尔市根河市河东街道办事处');
    // (Not a unit alone, not a unit without its year, not one without a place.)
    expect(departmentInTitle('2023年度根河市河东街道社区建设')).toBeNull();
    expect(departmentInTitle('根河市河东街道办事处')).toBeNull();
    // "X部门2021年度部门决算": 部门 after any unit word says what it is (t514: 办事处, as 局/委员会 before)
    expect(departmentInTitle('大院街道办事处部门2021年度部门决算')).toBe('大院街道办事处');
    expect(departmentInTitle('东湖区第一中学校部门2022年度部门决算')).toBe('东湖区第一中学校');
    expect(departmentInTitle('2023年度街道办事处')).toBeNull();
  });
});

describe('publisherUnit', () => {
  it.each([
    ['发布机构 | 腾冲市林业和草原局 | 公开方式', '腾冲市林业和草原局'],
    ['信息分类:农村危房改造\n发布机构:甲县襄安镇成文日期:\n', '甲县襄安镇'],
    ['-备注/文号:安农财〔2025〕31号-发布机构:安溪县农业农村局-公文生成日期:2025-05-21', '安溪县农业农村局'],
    ['主题分类:环境监测、保护和治理发文单位:咸宁市生态环境局名称:转移支付区域(项目)绩效目标自评表', '咸宁市生态环境局'],
    // (A county portal's 发文机关, t793.)
    ['索引号:8261993/2025-00027 分  类:财政、金融、审计 发文机关:白沙黎族自治县邦溪镇 成文日期:2025年04月10日', '白沙黎族自治县邦溪镇'],
  ])('reads the publisher up to the next field: %s', (text, unit) => {
    expect(publisherUnit(text)).toBe(unit);
  });
  it('reads a township\'s government, which publishes for itself (t906)', async () => {
    expect(publisherUnit('发布机构:中山市东凤镇人民政府成文日期:')).toBe('中山市东凤镇人民政府');
    const page = '东凤镇2010年预算执行情况和2011年预算草案\n信息来源:中山市东凤镇人民政府 发布日期:2011-03-07\n目录\n一、东凤镇人民政府2010年预算执行情况\n';
    expect(await departmentOf(page)).toBe('中山市东凤镇人民政府');
  });
  it('reads no government and no unit without its place', () => {
    expect(publisherUnit('发布机构:台江县人民政府成文日期:')).toBeNull();
    expect(publisherUnit('发布机构:水利局文号:')).toBeNull();
  });

  it('leaves a finance bureau to the unit rules: a weak witness, taken alone, set aside by another unit', async () => {
    const text = '2021年度农业保险保费补贴绩效自评报告\n发布机构:宁国市财政局成文日期:2022-05-01\n一、基本情况\n';
    expect(publisherUnit(text)).toBe('宁国市财政局');
    expect(await departmentOf(text)).toBe('宁国市财政局');
    expect(await departmentOf(text.replace('一、基本情况', '一、基本情况\n宁国市农业农村局对农业保险保费补贴开展了绩效自评。'))).toBe('宁国市农业农村局');
  });
});

describe('sources', () => {
  it('reads the unit that acts in the opening sentence', async () => {
    expect(await departmentOf('一、基本情况\n按照文件精神，临河区医疗保障局贯彻落实医疗救助制度，提高保障水平。')).toBe('临河区医疗保障局');
    expect(await departmentOf('有关规定，广西壮族自治区住房和城乡建设厅、财政厅认真组织开展了2024年度绩效自评工作。')).toBe('广西壮族自治区住房和城乡建设厅');
  });

  it.each([
    ['二、机构设置\n渠县农业综合技术服务中心下设办公室、财务室、种子管理组。', '渠县农业综合技术服务中心'],
    ['二、机构设置\n张家川县第四幼儿园归张家川县教育局主管，是二级预算单位。', '张家川县第四幼儿园'],
    ['一、部门基本情况\n通州区红十字会为区政府直接联系的独立设置的群众团体，机构为正处级单位。', '通州区红十字会'],
    ['一、单位基本情况\n仁寿县慈航镇小学校是一所公办小学校。', '仁寿县慈航镇小学校'],
    ['一、单位概况\n某某县残疾人联合会是一个履行“代表、服务、管理”三种职能的人民团体。', '某某县残疾人联合会'],
    ['(三)单位构成\n和平彝族乡人民政府下属二级预算单位0个,其中行政单位7个。', '和平彝族乡人民政府'],
    ['按照有关要求，我们对方城县动物疫病预防控制中心动物防疫专项经费进行了绩效评价，现将评价结果报告如下。', '方城县动物疫病预防控制中心'],
    // (A finance bureau's evaluation of another unit's quoted project, t544.)
    ['天津市财政局引入第三方专业机构成立了绩效评价组,于2022年7月-11月,对天津市教育委员会“2021年市属高校建设世界一流学科补助”项目开展了绩效评价。', '天津市教育委员会'],
  ])('reads the unit an opening sentence is about: %s', async (text, unit) => {
    expect(await departmentOf(`一、基本情况\n${text}\n其他情况从略。`)).toBe(unit);
  });

  it.each([
    ['一、绩效目标分解下达情况\n(一)金寨县麻埠镇人民政府2023年度下达上级资金转移支付755.19万元。', '金寨县麻埠镇人民政府'],
    ['对我处2022年度项目支出绩效进行了自评。一、本部门项目绩效目标情况(一)南昌市烈士陵园管理处2022年度共有5个项目', '南昌市烈士陵园管理处'],
  ])('reads the unit a clause opens with before a year: %s', async (text, unit) => {
    expect(await departmentOf(text)).toBe(unit);
  });

  it("keeps a unit of no place whose own spending (项目支出) a title evaluates, not a facility a project is named by", async () => {
    expect(await departmentOf('县档案馆项目支出绩效自评报告\n一、基本情况\n')).toBe('县档案馆');
    expect(await departmentOf('老年人日间照料中心项目绩效自评报告\n一、项目概况\n')).toBeNull();
  });

  it("reads the unit's name alone atop the page, above a heading that opens with its year", async () => {
    expect(await departmentOf('宁夏贺兰山东麓葡萄酒产业园区管委会\n2021年葡萄酒产业发展项目支出绩效评价评定等次为优\n根据通知要求,园区管委会高度重视,成立组织机构。\n')).toBe('宁夏贺兰山东麓葡萄酒产业园区管委会');
  });

  it('reads a command office (指挥部) that opens a title as a unit', async () => {
    expect(await departmentOf('某某县人居环境指挥部乡村振兴项目资金绩效评价报告\n受某某县财政局委托,我所成立绩效评价工作组开展评价。\n')).toBe('某某县人居环境指挥部');
  });

  it('reads a township government that carried out the evaluation', async () => {
    expect(await departmentOf('根据文件要求,阿拉善左旗乌力吉苏木人民政府开展并完成了本部门涉及中央对地方转移支付预算执行情况绩效自评工作,涉及项目3个。')).toBe('阿拉善左旗乌力吉苏木人民政府');
  });

  it('reads the unit that signs the report above its date', async () => {
    expect(await departmentOf('现将2024年本级体育彩票公益金使用情况公告如下:\n一、彩票公益金分配情况\n总收入221万元。\n特此公告。\n广水市文化和旅游局\n2025年6月20日\n')).toBe('广水市文化和旅游局');
  });

  it('reads a stamped signature as the unit\'s name alone', async () => {
    expect(await departmentOf('现将2024年本级体育彩票公益金使用情况公告如下:\n一、彩票公益金分配情况\n总收入221万元。\n特此公告。\n广水市文化和旅游局(盖章)\n2025年6月20日\n')).toBe('广水市文化和旅游局');
  });

  it('reads a signature at the end of a longer report, joined to its date by normalization', async () => {
    const body = '一、基本情况\n' + '本项目按计划实施,资金拨付及时,群众满意度较高。'.repeat(400) + '\n';
    const report = `关于仰天洼社区产业设施配套项目绩效目标自评报告\n${body}四、绩效自评结果拟应用和公开情况\n本次自评结果在系统内部公开。\n附件:2024年仰天洼社区项目自评表[点击下载]\n固始县祖师庙镇人民政府\n2025年12月30日\n`;
    expect(await departmentOf(report)).toBe('固始县祖师庙镇人民政府');
    // (A date line under a sentence is no signature.)
    expect(await departmentOf(report.replace('附件:2024年仰天洼社区项目自评表[点击下载]\n固始县祖师庙镇人民政府\n', '项目于\n'))).toBeNull();
  });

  it('reads the unit that set up the evaluation group', async () => {
    expect(await departmentOf('为加强专项资金管理,按照甲省财政厅关于开展绩效评价工作的通知要求,甲省国土资源厅成立了2015年度专项资金绩效评价工作组。\n')).toBe('甲省国土资源厅');
  });

  it('joins a short form to the unit\'s name and keeps the name the surer place prints', async () => {
    // (A byline's "德城区教体局" agrees with the signature's full name.)
    expect(await departmentOf('2021年学前教育资金绩效自评报告\n来源:德城区教体局 发布时间:2022-03-01\n一、基本情况\n资金全部到位。\n德城区教育和体育局\n2022年3月1日\n')).toBe('德城区教育和体育局');
    // (Two units glued are no short form of the second.)
    expect(await departmentOf('攀枝花市财政局攀枝花市文化广播电视和旅游局2022年度绩效自评报告\n一、基本情况\n')).toBeNull();
  });

  it('reads the unit after 关于 in a title', async () => {
    expect(await departmentOf('关于紫金县司法局2020年度一村一法律顾问经费绩效自评的报告\n一、基本情况\n本项目按计划实施。')).toBe('紫金县司法局');
  });

  it('reads a byline glued to the body by flattening', async () => {
    expect(await departmentOf('首页>通知公告\n信息提供日期:2023-03-27来源:福田区民政局根据相关文件规定,现将资金使用情况报告如下:\n一、资金基本情况')).toBe('福田区民政局');
  });

  it('prefers the 实施单位 of a project form to its 主管部门', async () => {
    expect(await departmentOf('2022年度项目支出绩效自评表\n项目名称 | 营养改善计划 | 主管部门 | 永德县教育体育局 | 实施单位 | 永德县明朗中学 |\n')).toBe('永德县明朗中学');
  });

  it('keeps "本级" and drops a coded prefix in a form cell', async () => {
    expect(await departmentOf('信息化运行维护项目绩效自评表\n主管部门\t国家信访局\t实施单位\t国家信访局本级\n')).toBe('国家信访局本级');
    expect(await departmentOf('临时救助绩效目标自评表\n主管部门 |\n[155]濉溪县民政局 |\n')).toBe('濉溪县民政局');
  });

  it('keeps "(本级)" as a 决算 cover prints it, and drops "(汇总)"', async () => {
    const accounts = (unit: string) => `${unit}\n\n2021年度单位决算\n\n目录\n\n第一部分  概况\n\n一、部门职责\n\n第二部分  2021年度单位决算公开表\n\n一、收入支出决算公开表\n`;
    expect(await departmentOf(accounts('海南省应急管理厅(本级)'))).toBe('海南省应急管理厅(本级)');
    expect(await departmentOf(accounts('海南省应急管理厅(汇总)'))).toBe('海南省应急管理厅');
  });

  it('reads a project\'s 实施单位 stated in a sentence', async () => {
    expect(await departmentOf('一、基本情况\n(一)项目概况。\n该项目估算总投资3988万元。立项与管理使用单位及实施建设单位均为缙云县教育局。\n')).toBe('缙云县教育局');
    // (Not a unit without its place, nor a finance bureau.)
    expect(await departmentOf('一、基本情况\n项目实施单位为各乡镇人民政府,主管部门为县财政局。\n')).toBeNull();
  });

  it('reads the unit a 决算\'s duties open with', async () => {
    expect(await departmentOf('第一部分 单位概况\n一、主要职责\n宣汉县马渡关镇庆云学校属教育部门办的一所农村全日制九年一贯制学校,本校的主要职能是实施义务教育。\n')).toBe('宣汉县马渡关镇庆云学校');
    // (A government's office stationed elsewhere publishes for itself.)
    expect(await departmentOf('第一部分 基本情况\n一、部门(单位)职责\n根据《西藏自治区人民政府驻上海办事处职能配置、内设机构和人员编制规定》(藏委厅〔2024〕76号),西藏自治区人民政府驻上海办事处主要履行以下职责:\n')).toBe('西藏自治区人民政府驻上海办事处');
    expect(await departmentOf('第一部分 基本情况\n甲县人民政府主要履行以下职责:\n')).toBeNull();
  });

  it('reads a notice\'s signature glued after its attachment list', async () => {
    const notice = '各乡镇财政所、社会事务服务中心:现将2025年中央财政动物疫病强制免疫补助35万(附件1)下达给你们,请做好防疫工作,附件:1.2025年安溪县中央财政动物强制免疫补助资金分配表2.2025年中央财政强制免疫补助资金绩效目标表安溪县农业农村局2025年3月17日附件1分配表\n';
    expect(await departmentOf(notice)).toBe('安溪县农业农村局');
    // (A finance bureau signs for the money, not as the unit that reports.)
    expect(await departmentOf(notice.replace('安溪县农业农村局', '安溪县财政局'))).toBeNull();
  });

  it('reads the unit whose masthead an official document opens with, the title after its number', async () => {
    const { record } = await analysisOf('甲县农业农村局文件甲农发﹝2023﹞1号关于下达2023年第一批财政衔接推进乡村振兴补助资金绩效目标批复的通知\n各乡镇:\n现将绩效目标批复如下。\n');
    expect(record.report.department).toBe('甲县农业农村局');
    expect(record.report.title).toBe('关于下达2023年第一批财政衔接推进乡村振兴补助资金绩效目标批复的通知');
  });

  it.each([
    ['a line below the title', '2022年度中央财政林业改革发展资金绩效自评报告\n临沧市林业和草原局\n（2023年3月20日）\n一、基本情况\n'],
    ['a page title\'s suffix after a dash', '关于2022年度部门整体支出绩效自评情况的报告-临沧市林业和草原局\n一、部门基本情况\n'],
    ['the subject that evaluated the money', '2022年度中央财政林业改革发展资金绩效自评报告\n根据市财政局要求，临沧市林业和草原局对2022年度中央财政林业改革发展资金开展了绩效自评，现将自评情况报告如下：\n'],
    ['the site\'s header above its navigation', '临沧市林业和草原局\n首页 | 机构概况 | 政务公开 | 互动交流\n2022年度部门整体支出绩效自评报告\n一、部门基本情况\n'],
    ['a form\'s name cell glued to 年度预算', '部门整体支出绩效自评表（2022年度）部门名称临沧市林业和草原局年度预算申请资金（万元）\n'],
  ])('reads the unit from %s', async (_, text) => {
    expect(await departmentOf(text)).toBe('临沧市林业和草原局');
  });

  it('reads a page\'s publisher named without its place, as a bare byline', async () => {
    expect(await departmentOf('2019年度城区供水管网改造工程项目支出绩效评价报告\n发布日期: 2020.06.26 索引号: 00062121-0-0404 发布机构:水利局 文号:\n为全面贯彻实施预算绩效管理,现将自评报告汇报如下:\n')).toBe('水利局');
    expect(await departmentOf('2019年度城区供水管网改造工程项目支出绩效评价报告\n发布机构:财政局 文号:\n一、基本情况\n')).toBeNull();
  });

  it('reads a township\'s central school (中心校) as one word', async () => {
    expect(await departmentOf('开远市乐白道中心校2024年度部门整体和项目支出绩效自评报告\n一、部门基本情况\n')).toBe('开远市乐白道中心校');
  });

  it('reads a bureau\'s county branch as one unit', async () => {
    expect(await departmentOf('临沧市生态环境局云县分局2024年度部门决算公开报告\n目录\n第一部分 单位概况\n')).toBe('临沧市生态环境局云县分局');
  });
});

describe('what is no unit', () => {
  it.each([
    ['a place\'s leadership', '一、基本情况\n云南省委、省政府历来高度重视粮食安全保障工作。'],
    ['two units glued together', '重庆市财政局重庆市住房和城乡建设委员会关于2019年城镇保障性安居工程财政资金绩效评价自评报告\n一、基本情况'],
    ['a template\'s placeholder', 'XX年度XX市红十字会整体支出绩效评价报告\n一、基本情况'],
    ['a fund', '2022年度城乡居民医疗保险补助资金项目绩效自评报告\n一、基本情况\n本单位开展了自评。'],
    ['a project that builds what it names', '2022-2025龙游县农村幼儿园提升改造项目地方债券项目资金绩效评价报告\n一、基本情况\n项目主要包括扩建工程。'],
    ['a county unit the text never places, in a county\'s report', '甲县2021年度财政衔接资金绩效自评报告\n二、自评情况\n县乡村振兴局、县财政局对照得分表,进行了自评,自评得分102分。'],
    // (A file name's picture before the title, a spam mirror's words glued to it.)
    ['a name with Latin letters', '![照料,老年人](/static/img/big_111.jpg)老年人日间照料中心项目绩效自评报告\n一、项目概况\n'],
    ['a name with Latin letters (spam)', 'abcd免费人成残联项目绩效自评报告\n一、单位概况\n'],
    ['a village committee, the site of a project', '富民县大营街道三村村委会大鱼塘示范村提质增效项目资金支出绩效评价报告\n一、项目概况\n'],
    ['the addressee of an allocation notice', '区残联:\n根据宝鸡市财政局文件精神,现将2023年中央残疾人事业发展补助资金134.39万元下达给你们。\n附件:绩效目标表\n项目名称 残疾人事业发展补助资金 主管部门 区残联 资金总额 134.39\n'],
    // (The salutation on its own line under the page's byline, which normalization glues to it, t783.)
    ['the addressee of a notice under its byline', '关于下达2020年第二批甲类资金的通知\n\n编辑:农业股 来源:财政局 发布时间:2020-05-29 09:42\n\n甲县水利局:\n\n根据文件精神,现将资金500万元下达给你局。\n\n附件:绩效目标表\n区级财政部门\n\n甲县财政局\n\n区级主管部门\n\n甲县水利局\n\n主管部门\n\n甲县水利局\n\n资金总额\n\n500\n'],
    // (A county bureau's page publishing its school's report: the school says 我校, t807.)
    ['a bureau publishing a school\'s report', '索引号 | 01526405-X/20240325-00023 | 发布机构 | 甲县教育体育局 |\n2023年度项目支出绩效自评报告(特殊教育公用经费补助资金)\n一、自评结论\n经自评,项目自评得分为100分。\n二、自评工作开展情况\n我校高度重视,成立了自评小组。\n'],
  ])('%s', async (_, text) => {
    expect(await departmentOf(text)).toBeNull();
  });

  it.each([
    ['对重庆市潼南区发展和改革委员会', '重庆市潼南区发展和改革委员会'],
    ['支出情况1.部门基本情况十堰市城市管理执法委员会', '十堰市城市管理执法委员会'],
    ['正文临沧市红十字会', '临沧市红十字会'],
    // Words that may open a name stay.
    ['中共湖南省委党校', '中共湖南省委党校'],
    ['共青团柳州市城中区委员会', '共青团柳州市城中区委员会'],
    // 年 of 青年, 少年, 老年 is no date (t721, t724)
    ['中国共产主义青年团大英县委员会', '中国共产主义青年团大英县委员会'],
    ['老年大学协会长沙市分会', '老年大学协会长沙市分会'],
    ['2021年6月长沙市财政局', '长沙市财政局'],
    // Page chrome: a 标题 metadata field, "目 录" split by a PDF, a gambling mirror's injected prefix.
    ['标题西藏自治区文物局', '西藏自治区文物局'],
    ['标      题 西藏自治区发展和改革委员会', '西藏自治区发展和改革委员会'],
    ['录赣州市沙河中心小学', '赣州市沙河中心小学'],
    ['手机彩票网团结湖街道办事处', '团结湖街道办事处'],
    ['国家档案局', '国家档案局'],
    // a page's breadcrumb run into the name (t587)
    ['首页»广元市利州区人民政府东坝街道办事处', '广元市利州区人民政府东坝街道办事处'],
    ['当前位置：首页 > 政务公开 > 宁国市财政局', '宁国市财政局'],
    // a field label's qualifier left before the value (t765)
    ['(单位) 苏州市园林和绿化管理局', '苏州市园林和绿化管理局'],
    ['（盖章）永兴县畜牧兽医水产局', '永兴县畜牧兽医水产局'],
  ])('cuts sentence words and page chrome before the place: %s → %s', (raw, name) => {
    expect(cleanDepartment(raw)).toBe(name);
  });
});

describe('decideUnit', () => {
  it('joins the names of one unit and takes the fuller one', async () => {
    const doc = await docOf('雨花区洞井街道2021年度单位项目支出绩效评价自评报告\n实施单位 | 长沙市雨花区洞井街道办事处 |\n');
    const d = decideUnit({ doc, title: '雨花区洞井街道2021年度单位项目支出绩效评价自评报告' });
    expect(d.name).toBe('长沙市雨花区洞井街道办事处');
    expect(d.candidates[0]!.sources).toEqual(expect.arrayContaining(['title.prefix', 'form.field.实施单位']));
    const top = d.candidates[0]!;
    expect(top.features.map((f) => f.id)).toContain('unit.agreement');
    // The score is the sum of what scored it, each rule named with its weight (record.reportRoles).
    expect(top.features.map((f) => f.id)).toContain('title.prefix');
    expect(top.score).toBe(top.features.reduce((s, f) => s + f.weight, 0));
    // Evidence: the full name where the text prints it.
    expect(top.evidence?.quote).toBe('长沙市雨花区洞井街道办事处');
    expect(doc.text.slice(top.evidence!.start, top.evidence!.end)).toBe('长沙市雨花区洞井街道办事处');
  });

  it('counts a page\'s byline and metadata as one witness: the report\'s own outline outweighs them', async () => {
    const text = '您现在所在的位置: 网站首页> 甲县实验小学> 预决算信息\n发布机构: 甲县教育体育局 主题分类: 综合政务\n发布时间:2023-09-01 来源:甲县教育体育局 浏览次数:\n目录\n第一部分 甲县实验小学概况\n一、主要职能\n';
    const d = decideUnit({ doc: await docOf(text), title: null });
    expect(d.name).toBe('甲县实验小学');
    expect(d.candidates.find((c) => c.name === '甲县教育体育局')!.features.map((f) => f.id)).not.toContain('unit.agreement');
  });

  it('joins a unit named with its autonomous county\'s full name and with its short one, the full name kept', async () => {
    const text = '景东彝族自治县人民政府驻外办事联络处2018年度部门决算公开说明\n目录\n';
    const d = decideUnit({ doc: await docOf(text), title: '景东彝族自治县人民政府驻外办事联络处2018年度部门决算公开说明' }, [{ name: '景东县人民政府驻外办事联络处', source: 'cover.name' }]);
    expect(d.name).toBe('景东彝族自治县人民政府驻外办事联络处');
    // (Two counties are two units.)
    const other = decideUnit({ doc: await docOf(text), title: '景东彝族自治县人民政府驻外办事联络处2018年度部门决算公开说明' }, [{ name: '镇沅县人民政府驻外办事联络处', source: 'cover.name' }]);
    expect(other.candidates.map((c) => c.name).sort()).toEqual(['景东彝族自治县人民政府驻外办事联络处', '镇沅县人民政府驻外办事联络处']);
    // (A city's bureau and a district's are two units.)
    const levels = decideUnit({ doc: await docOf('临沧市临翔区财政局2022年度部门决算\n目录\n第一部分 部门概况\n一、主要职能\n'), title: '临沧市临翔区财政局2022年度部门决算' }, [{ name: '临沧市财政局', source: 'cover.name' }]);
    expect(levels.candidates).toHaveLength(2);
  });

  it('abstains when two different units score alike', async () => {
    const doc = await docOf('一、基本情况\n来源:甲县水利局 发布时间:2023-01-01\n发布机构 | 乙县农业农村局 |\n');
    const d = decideUnit({ doc, title: null });
    expect(d.reason).toBe('abstained_tie');
    expect(d.name).toBeNull();
  });

  it('says none when nothing names a unit', async () => {
    expect(decideUnit({ doc: await docOf('一、基本情况\n本单位按照要求开展了绩效自评工作，现将自评情况报告如下。'), title: null }).reason).toBe('none');
  });
});

describe('record.reportRoles (issue 15)', () => {
  it('keeps the department decision: the winner, ranked alternatives, scores, rules, evidence', async () => {
    const text = '雨花区洞井街道2021年度单位项目支出绩效评价自评报告\n实施单位 | 长沙市雨花区洞井街道办事处 |\n来源:长沙县水利局 发布时间:2022-01-01\n';
    const { record, doc } = await analysisOf(text);
    const d = record.reportRoles!.find((x) => x.field === 'department')!;
    expect(d.reason).toBe('clear');
    const winner = d.candidates[d.chosen!]!;
    expect(winner.value).toBe(record.report.department);
    expect(winner.value).toBe('长沙市雨花区洞井街道办事处');
    // The rival the byline named is kept, ranked below the winner.
    const rival = d.candidates.find((c) => c.value === '长沙县水利局')!;
    expect(rival.features.map((f) => f.id)).toContain('byline.来源');
    expect(rival.score).toBeLessThan(winner.score);
    expect(d.candidates.map((c) => c.score)).toEqual([...d.candidates.map((c) => c.score)].sort((a, b) => b - a));
    expect(doc.text.slice(rival.evidence!.start, rival.evidence!.end)).toBe('长沙县水利局');
  });

  it('keeps the alternatives when it abstains, with no winner', async () => {
    const { record } = await analysisOf('一、基本情况\n来源:甲县水利局 发布时间:2023-01-01\n发布机构 | 乙县农业农村局 |\n');
    expect(record.report.department).toBeNull();
    const d = record.reportRoles!.find((x) => x.field === 'department')!;
    expect(d).toMatchObject({ chosen: null, reason: 'abstained_tie' });
    expect(d.candidates.map((c) => c.value).sort()).toEqual(['乙县农业农村局', '甲县水利局']);
  });
});

describe('the region without a unit', () => {
  it('comes from a publisher the unit rules set aside', async () => {
    const { record } = await analysisOf('城乡义务教育补助经费转移支付2023年度绩效自评报告\n来源:台江县人民政府 作者:台江县人民政府\n一、基本情况\n');
    expect(record.report.department).toBeNull();
    expect(record.report.region).toMatchObject({ county: '台江县', city: '黔东南苗族侗族自治州', province: '贵州省' });
  });

  it('reads an autonomous prefecture by its short name', async () => {
    const { record } = await analysisOf('红河州生态环境局2021年度项目支出绩效自评报告\n一、基本情况\n');
    expect(record.report.region).toMatchObject({ city: '红河州', province: '云南省' });
  });
});

describe('breadcrumbs', () => {
  it('read the unit a trail ends with, or its channel inside the trail', async () => {
    expect(await departmentOf('当前位置：首页>>政务公开>>部门信息>>天长市水利局\n2022年农村饮水工程项目资金绩效自评报告\n一、基本情况\n本项目按计划实施。')).toBe('天长市水利局');
    expect(await departmentOf('当前位置：首页>>政务公开>>天长市水利局>>财政资金>>\n农村饮水工程项目资金绩效自评报告\n一、基本情况\n本项目按计划实施。')).toBe('天长市水利局');
  });
  it('never read a finance bureau or a government there', async () => {
    expect(await departmentOf('当前位置：首页>>政务公开>>天长市财政局>>财政资金>>\n农村饮水工程项目资金绩效自评报告\n一、基本情况\n本项目按计划实施。')).toBeNull();
  });
});
