/**
 * Words that name documents and their parts: the one place for them (parts, document kind,
 * 决算 checks and the review app read these lists; none writes its own).
 */

/** A 决算 table's canonical name and the title variants that name it (longest match wins). */
export interface TableName {
  /** Canonical name, as `Part.table`. */
  name: string;
  /** Regex source matched against the title with spaces, quotes and numbering removed. */
  pattern: string;
}

/**
 * The 部门决算 tables (公开格式 of the 财政部 template, 2017–2024), most specific first: a title is
 * given the first entry whose pattern matches.
 */
export const ACCOUNTS_TABLES: readonly TableName[] = [
  { name: '政府性基金预算财政拨款收入支出决算表', pattern: '政府性基金预算财政拨款(?:收入支出|支出)决算表' },
  { name: '国有资本经营预算财政拨款收入支出决算表', pattern: '国有资本经营预算财政拨款(?:收入支出|支出)决算表' },
  { name: '财政拨款“三公”经费支出决算表', pattern: '三公经费(?:支出)?决算(?:表|统计表)' },
  { name: '一般公共预算财政拨款基本支出决算表', pattern: '一般公共预算财政拨款基本支出决算(?:明细)?表' },
  { name: '一般公共预算财政拨款项目支出决算表', pattern: '一般公共预算财政拨款项目支出决算表' },
  { name: '一般公共预算财政拨款支出决算表', pattern: '一般公共预算财政拨款支出决算(?:明细)?表' },
  { name: '财政拨款收入支出决算总表', pattern: '财政拨款收(?:入)?支(?:出)?决算总表' },
  { name: '财政拨款支出决算表', pattern: '财政拨款支出决算表' },
  { name: '收入支出决算总表', pattern: '收(?:入)?支(?:出)?决算总表' },
  { name: '收入决算表', pattern: '收入决算表' },
  { name: '支出决算表', pattern: '支出决算表' },
  { name: '项目支出决算表', pattern: '项目支出决算表' },
  { name: '机关运行经费支出决算表', pattern: '机关运行经费(?:支出)?决算表' },
  { name: '政府采购情况表', pattern: '政府采购(?:支出)?情况表' },
  { name: '国有资产占用情况表', pattern: '国有资产占(?:用|有使用)情况表' },
] as const;

/** The same tables in a 部门预算 (预算 instead of 决算). */
export const BUDGET_TABLES: readonly TableName[] = ACCOUNTS_TABLES.map((t) => ({
  name: t.name.replace(/决算/gu, '预算'),
  pattern: t.pattern.replace(/决算/gu, '预算'),
}));

/** Titles of a self-evaluation form (自评表): 项目支出绩效自评表, 部门整体支出绩效自评表 … */
export const FORM_TITLE = /(?:部门|单位)?(?:整体支出|整体|项目支出|项目|专项资金|资金)?绩效(?:目标)?(?:自评|自我评价)(?:表|情况表|结果表)$/u;
/** A department-overall form, not a project's. */
export const DEPARTMENT_FORM_TITLE = /(?:部门|单位)整体(?:支出)?绩效(?:自评|自我评价)/u;
/** A target declaration: 绩效目标申报表 / 绩效目标表 / 绩效目标申报明细表. */
export const TARGET_TITLE = /绩效目标(?:申报|审核)?(?:明细)?表/u;
/** An evaluation report that is not a self-evaluation (财政重点评价, 第三方, 部门评价). */
export const EVALUATION_REPORT_TITLE = /(?<!自)评价报告|第三方(?:机构)?(?:绩效)?评价|重点(?:绩效)?评价(?:报告)?/u;
/** Another body evaluates: a third party, an entrusted agency, an evaluation team, a finance bureau's 重点评价. */
export const EVALUATOR = /第三方|委托|评价(?:机构|组|小组|工作组)|重点(?:绩效)?评价|财政(?:局|厅|部)(?:组织|开展)/u;
/** A self-evaluation report's title. */
export const SELF_EVALUATION_TITLE = /绩效(?:自评|自我评价)(?:报告|总结|情况)/u;
/** Cover words of a 部门决算 / 部门预算. */
export const ACCOUNTS_COVER = /(?:部门|单位)?决算(?:公开)?(?:报告)?$|部门决算(?!中)/u;
/** A title about the whole department ("整体和项目支出绩效自评": the whole department, its projects included). */
// (A fund's "转移支付整体绩效目标自评表", t810, is the whole of one fund, a project's kind.)
// ("…镇人民政府部门绩效自评报告", t878; "…局部门预算绩效管理工作考核评价报告", t877: the department's whole budget, as t280.)
export const DEPARTMENT_KIND_TITLE = /部门整体|单位整体|整体支出|(?<!转移支付|资金|项目)整体绩效|整体(?:和|及|与)项目|部门绩效(?:自评|自我评价)|(?:部门|单位)预算绩效管理/u;
/** A title about a project or a fund ("…提质增效工程绩效评价自评报告", "…美丽乡村建设自评报告": a works programme is one). */
export const PROJECT_KIND_TITLE = /项目|专项|资金|经费|补贴|补助|转移支付|工程(?=绩效)|建设(?=(?:绩效)?(?:自评|评价))/u;
/** An opening about the whole department ("一、部门概况 二、部门资金基本情况": the 部门整体支出 sections). */
// ("组织开展了2024年度部门绩效自评工作", t853: the department's own evaluation, its projects summed up; a 决算's
// contents line "四、部门绩效自评情况" is no such sentence.)
export const DEPARTMENT_KIND_BODY = /部门整体支出|整体支出绩效|部门整体绩效|部门资金(?:基本)?情况|部门财政资金收支|部门绩效(?:自评|自我评价)工作/u;
/**
 * An opening about a project or a fund ("一、基本情况 (一)转移支付概况", "一、绩效目标分解下达情况": the
 * 转移支付 templates; all 52 labelled texts that open with the latter are a fund's).
 */
export const PROJECT_KIND_BODY = /项目支出绩效|项目名称|项目绩效|专项资金|项目资金|资金绩效|项目概况|项目基本情况|项目负责人|转移支付概况|绩效目标分解下达情况/u;
/**
 * A line of the opening that is only a project's or a fund's name in brackets, under a unit's title of its year
 * ("…林业技术推广站2019年度绩效自评报告" / "(林业技术试验示范推广项目)", t918; "(教育专项工作经费)"): the report is
 * that project's. All 10 tune texts with such a line are project reports.
 */
export const PROJECT_SUBTITLE_LINE = /(?:^|\n)[ \t]*[（(][^（）()\n]{2,40}(?:项目|专项|资金|经费)[）)][ \t]*(?=\n|$)/u;
/**
 * A fund's performance published as a 公示 ("现将重庆市2021年度国家重大…工程建设基金(三峡后续工作)绩效完成情况公示如下",
 * t936): the fund's own report of its targets met, a project's kind.
 */
export const FUND_PERFORMANCE_ANNOUNCEMENT = /(?:资金|基金|转移支付)[^。\n]{0,40}绩效(?:目标)?(?:完成|实现|自评)情况(?:予以)?(?:公示|公告|公布)如下/u;
/**
 * A title on the self-evaluation of a unit's projects in general, no project named ("…关于2023年度项目绩效自评工作的报告",
 * "…2023年度部门决算中项目绩效评价报告"): read with ALL_PROJECTS_COUNT, a report on all of the department's projects.
 */
export const PROJECTS_IN_GENERAL_TITLE = /^(?:关于)?(?:(?:19|20)\d{2}\s*年度?)?(?:部门决算中)?项目(?:支出)?绩效(?:自评|自我评价|评价)(?:工作)?的?(?:报告|结果)$/u;
/**
 * The department's count of all its projects ("2023年共安排支出项目4个", "预算安排我局专项资金项目共计113个"): with a
 * title on its projects in general, the report covers the whole department (t876, t943; the labels' convention, as t280).
 */
export const ALL_PROJECTS_COUNT = /共安排(?:支出)?项目\s*(\d+)\s*个|安排(?:我局|我单位|我部门|本部门|本单位)[^。\n，,]{0,12}项目共计?\s*(\d+)\s*个/u;
/**
 * A news item's lead on an evaluation's results ("近日,省水利厅通报2023年度中央水库移民扶持基金绩效评价结果,我市荣获…",
 * t939): it reports a result, it is no self-evaluation.
 */
// (Its subject may open the line, and a headline says 情况: "省发改委近日联合通报2016年度…专项资金绩效评价情况", t559.)
export const NEWS_EVALUATION_RESULTS = /(?:^|\n)[^。\n，,]{0,12}?近日[，,]?[^。\n]{0,60}(?:通报|公布|发布)[^。\n]{0,40}(?:评价|考核)(?:结果|情况)/u;
/**
 * A sentence that names the one project evaluated ("…委托江苏立信会计师事所对镇江市垃圾处理和环卫设施建设项目财政 支出进行绩效评价",
 * t922; "对2024年新增地方政府专项债券项目进行绩效自评"): the report is that project's. All 6 tune texts with it are.
 */
export const PROJECT_EVALUATED_SENTENCE = /对[^。\n，,]{2,40}项目\s*(?:财政\s*)?(?:支\s*出\s*)?(?:资金\s*)?进行(?:了)?(?:绩效)?(?:自评|评价)/u;

/**
 * What follows the unit in the title of its self-evaluation of a year, no project or fund named:
 * "丰都县江池镇人民政府|2023年度绩效自评报告", "…中心|预算执行情况绩效自评报告", "…|2020年度预算绩效管理考核自评报告",
 * "…联合会|2020年度预算绩效自评报告" (its whole budget).
 */
export const UNIT_YEAR_EVALUATION_TITLE = /^(?:(?:19|20)\d{2}\s*年度?)?(?:预算执行情况|预算(?:绩效)?管理考核|预算)?(?:绩效)?(?:自评|自我评价)(?:总结)?报告$/u;
/**
 * A report on rectifying what an evaluation found, not the evaluation: "…绩效评价整改情况报告", "…绩效评价报告中反映
 * 问题整改情况的报告". Its title names the evaluation, so it is read even when the title is evaluative.
 */
export const RECTIFICATION_REPORT_TITLE = /整改(?:落实)?(?:情况|工作)(?:的)?(?:报告|通报|说明)$/u;

/**
 * A notice that allocates money, not an evaluation of it: "关于调整下达…资金项目投资计划的通知",
 * "…专项资金分配表". (A self-evaluation cites such notices inside 《》; these match a title only.)
 */
// (A fund's plan of uses, "2025年农技推广项目资金使用安排", t696, allocates as well.)
export const ALLOCATION_NOTICE_TITLE = /(?:下达|分配|拨付|预拨)[^\n，。；《》]{2,80}?的通知$|资金[^\n，。；《》]{0,40}?(?:分配(?:方案|明细表|表)|使用(?:安排|计划|方案))$/u;
/**
 * A notice's title ("关于开展2022年度专项资金绩效评价工作的紧急通知", t826): the page is the notice, not a
 * self-evaluation, even when it names one. (A notice that sends a report up or publishes it, 报送/上报/呈报,
 * 公开/公布/印发/发布, carries it.)
 */
export const WORK_NOTICE_TITLE = /关于(?!报送|上报|呈报|公开|公布|印发|发布)[^\n，。；《》]{2,80}?的(?:紧急|补充)?通知$/u;
/** The directive that opens an allocation notice: "现下达2025年…资金100万元", "现将…予以下达". */
export const ALLOCATION_DIRECTIVE = /(?:^|[\n，,。:：])\s*现(?:将|就)?(?:予以|提前|调整|追加|转)?(?:下达|拨付|预拨)/u;
/** A fund's own announcement of how it was raised and used: "…彩票公益金筹集使用情况的公告". */
export const FUND_USE_ANNOUNCEMENT_TITLE = /(?:筹集|分配|安排|使用)[、和及与]?(?:分配|使用)?情况的?(?:公告|公布|公示)$/u;
/** The announcing sentence: "现将2021年德城区体育彩票公益金筹集、使用情况公告如下". */
export const FUND_USE_ANNOUNCEMENT_BODY = /将[^。\n]{0,60}(?:筹集|分配|使用)[^。\n]{0,10}情况(?:予以)?(?:公告|公布)如下/u;
/**
 * A department's summary over all its projects' self-evaluations (a 决算's "项目支出绩效自评结果":
 * "21个项目评为一等 … 占项目总数比例"): it is about no one project.
 */
export const PROJECT_GRADE_SUMMARY = /\d+\s*个项目评为[一二三四五优良中差]|占项目总数比例/u;
/**
 * A notice of a round's evaluation results over many units or projects, "…关于2023年全区绩效评价结果情况的通报": it
 * evaluates, but is no one unit's or project's self-evaluation.
 */
export const EVALUATION_RESULTS_NOTICE_TITLE = /评价结果(?:情况)?的?通报$/u;
/**
 * A framework of indicators, titled as such ("部门整体支出绩效评价指标", t524: a blank template with its weights, no unit,
 * year or score): it sets out how to evaluate, it evaluates nothing. (A form is titled …表, a report …报告.)
 */
export const INDICATOR_FRAMEWORK_TITLE = /绩效(?:评价)?指标(?:体系)?$/u;
/** Words of an evaluation: a title or opening holding one evaluates something (自评, 绩效评价). */
export const EVALUATION_WORD = /自评|自我评价|评价|评估/u;
/** A template site's count of the versions it collects: "…绩效自评报告(精选17篇)", "(通用9篇)". */
export const TEMPLATE_COLLECTION_SUFFIX = /\s*[（(](?:精选|通用|优选|推荐|热门)\s*\d+\s*篇[）)]$/u;
/**
 * A 决算 document's title or cover line anywhere in it: "黄山市中医医院2023年度单位决算2024年9月目录…",
 * "部门决算", "单位决算", "2020年度决算公开报告", "决算公开"; not what a 决算 holds ("…2023年部门决算中项目绩效自评结果": its forms).
 */
export const ACCOUNTS_TITLE = /(?:部门|单位)决算(?!中)|年度?决算(?:公开|报告)|决算公开/u;
/**
 * The 决算 template's glossary part ("第三部分 名词解释": 财政拨款收入, 年初结转和结余 …): a page that reaches it is a
 * 决算's, even when only its tail is stored (t838, a tail naming its attached 部门整体支出绩效评价报告). Every tune text
 * with such a heading is labelled `unknown` (a 部门预算's glossary is read as a budget before this).
 */
export const ACCOUNTS_GLOSSARY = /第[一二三四五六七八九十]部分[\s:：]*名词解释/u;
/** A 决算's contents list its statements and their explanation: 收入支出决算总表, …决算情况说明. */
export const ACCOUNTS_CONTENTS = /收入支出决算总表|决算(?:总体)?情况说明/u;
export const BUDGET_COVER = /(?:部门|单位)预算(?:公开)?(?:报告)?$|年度部门预算|部门预算/u;
/** Score summary table headers: 项目名称 | 自评分数 / 自评得分 / 得分. */
export const SCORE_TABLE_NAME_HEADER = /项目名称/u;
export const SCORE_TABLE_SCORE_HEADER = /自评(?:分数|得分|结果)|^得分$|评价得分/u;
/** Contents page. */
export const CONTENTS_TITLE = /^目\s*录$/u;

/** The canonical 决算 (or 预算) table named by a title, or null. */
export function tableNamed(title: string, tables: readonly TableName[] = ACCOUNTS_TABLES): string | null {
  const t = title.replace(/[\s“”"‘’'《》]/gu, '').replace(/^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|表?\d+[-－]?\d*)/u, '');
  for (const entry of tables) if (new RegExp(entry.pattern, 'u').test(t)) return entry.name;
  return null;
}
