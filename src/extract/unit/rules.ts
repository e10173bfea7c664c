/**
 * The unit (department) rules: where a report names its unit (SOURCES, each a finder with a weight
 * for how surely that place names the reporting unit) and what a name must look like (FEATURES,
 * added to its score). decide.ts runs them; ids name each rule in decisions and tests.
 *
 * Weights: a title that starts with the unit gives 10, a form's 实施单位 cell 9, a 主管部门 cell 7,
 * page bylines and metadata 6, a breadcrumb's last item 5; the threshold is 5. A name that is no
 * unit (a fund, a project, a template's XX, two units glued together) gets −20, which nothing
 * overcomes: a wrong department is worse than none.
 */
import type { SourceDocument } from '../../ingest/document.js';
import { AFTER_ORGAN, BUREAU_NAME, BUREAU_SELF, FINANCE_BUREAU, INSTITUTION_SELF, TOWNSHIP_GOVERNMENT, FUND_IN_NAME, LATIN_IN_NAME, LIAISON_OFFICE, ORGAN_END, PLACEHOLDER, PUBLISHER_FOR_OTHERS, STRONG_ORGAN_END, VILLAGE_COMMITTEE } from '../../vocabulary/units.js';
import { placeRunEnds, regionOf } from '../region.js';
import {
  IMPLEMENTING_FIELD,
  SPENDING_FIELD,
  abbreviatedUnit,
  addresseeLine,
  bareBylineUnit,
  actingUnit,
  breadcrumbUnit,
  bylineUnit,
  departmentInTitle,
  displacedImplementer,
  fillerNames,
  fileNameUnit,
  formFieldUnits,
  gluedSigningUnit,
  implementerCut,
  mastheadUnit,
  outlineUnit,
  ownLevelUnit,
  proseFieldUnit,
  publisherUnit,
  signingUnit,
  siteHeaderUnit,
  titleSuffixUnit,
  unitAfterYear,
  unitBeforeYear,
  unitLineAfter,
  unitLineBefore,
} from './finders.js';

export interface UnitContext {
  doc: SourceDocument;
  /** The report's title as chosen (report-info.ts), or null. */
  title: string | null;
  /** Other phrases near the top that read as a title ("岳阳市城市管理监督指挥中心2018绩效评价自评报告" below "岳阳市2018年度…"). */
  otherTitles?: () => readonly string[];
}

/** A name one source found. */
export interface UnitFinding {
  name: string;
  source: string;
}

export interface UnitSource {
  id: string;
  zh: string;
  weight: number;
  find(ctx: UnitContext): (string | null)[];
}

export interface UnitFeature {
  id: string;
  zh: string;
  weight: number;
  test(f: UnitFinding, ctx: UnitContext): boolean;
}

/** Below this score no unit is taken. */
export const UNIT_THRESHOLD = 5;
/** The winner must lead a different unit by this much, else no unit is taken. */
export const UNIT_MARGIN = 1;
/** Added once when two or more sources name the same unit. */
export const AGREEMENT = { id: 'unit.agreement', zh: '多处所指相同', weight: 2 } as const;

/**
 * Where the title stands in the text: its first print that opens a line (a page title above may hold it
 * after other words, "(贵州省)关于黔东南州黄平县2022年…" over the heading "黄平县2022年…"), else its first print.
 */
function titleStart(ctx: UnitContext): number {
  if (!ctx.title) return -1;
  const head = ctx.title.slice(0, 12);
  const first = ctx.doc.text.indexOf(head);
  for (let at = first; at >= 0; at = ctx.doc.text.indexOf(head, at + 1)) {
    if (ctx.doc.text.slice(ctx.doc.text.lastIndexOf('\n', at - 1) + 1, at).trim() === '') return at;
  }
  return first;
}

export const UNIT_SOURCES: readonly UnitSource[] = [
  { id: 'title.prefix', zh: '标题开头的单位', weight: 10, find: (ctx) => [ctx.title ? departmentInTitle(ctx.title) : null] },
  {
    id: 'title.other',
    zh: '另一标题开头的单位',
    weight: 8,
    find: (ctx) => [(ctx.otherTitles?.() ?? []).map(departmentInTitle).find((u) => u !== null) ?? null],
  },
  { id: 'title.file_name', zh: '文件名开头的单位', weight: 8, find: (ctx) => [fileNameUnit(ctx.doc.text)] },
  { id: 'title.unit_below', zh: '标题下一行的单位', weight: 8, find: (ctx) => [titleStart(ctx) >= 0 ? unitLineAfter(ctx.doc, titleStart(ctx)) : null] },
  { id: 'title.masthead', zh: '红头：X文件', weight: 10, find: (ctx) => [mastheadUnit(ctx.doc.text)] },
  { id: 'title.unit_line', zh: '标题上一行的单位', weight: 9, find: (ctx) => [titleStart(ctx) > 0 ? unitLineBefore(ctx.doc, titleStart(ctx)) : null] },
  {
    id: 'form.field.实施单位',
    zh: '表头：实施单位/单位名称',
    weight: 9,
    find: (ctx) => {
      const fields = formFieldUnits(ctx.doc.text).filter((f) => IMPLEMENTING_FIELD.test(f.field));
      return [(fields.find((f) => SPENDING_FIELD.test(f.field)) ?? fields[0])?.name ?? null];
    },
  },
  {
    id: 'form.field.主管部门',
    zh: '表头：主管部门/预算单位',
    weight: 7,
    find: (ctx) => formFieldUnits(ctx.doc.text).filter((f) => !IMPLEMENTING_FIELD.test(f.field)).slice(0, 1).map((f) => f.name),
  },
  {
    id: 'form.implementer_displaced',
    zh: '实施单位栏错位时表中另一单位',
    weight: 7,
    find: (ctx) => [IMPLEMENTER_DISPLACED.test(ctx.doc.text.slice(0, 3000)) ? displacedImplementer(ctx.doc.text) : null],
  },
  { id: 'outline.概况', zh: '第一部分 X概况', weight: 7, find: (ctx) => [outlineUnit(ctx.doc.text)] },
  { id: 'body.以下简称', zh: 'X（以下简称…）', weight: 6, find: (ctx) => [abbreviatedUnit(ctx.doc.text)] },
  { id: 'body.acting', zh: '正文：X对…进行自评/X认真组织', weight: 6, find: (ctx) => [actingUnit(ctx.doc.text)] },
  { id: 'body.field', zh: '正文：实施单位为X/主管部门为X', weight: 6, find: (ctx) => [proseFieldUnit(ctx.doc.text)] },
  { id: 'body.unit_year', zh: '句首单位后接年度', weight: 6, find: (ctx) => [unitBeforeYear(ctx.doc.text)] },
  { id: 'body.year_unit', zh: '决算句：年度后接单位与支出', weight: 6, find: (ctx) => [unitAfterYear(ctx.doc.text)] },
  { id: 'body.own_level', zh: '正文：X本级', weight: 6, find: (ctx) => [ownLevelUnit(ctx.doc.text)] },
  { id: 'body.signature', zh: '落款：单位名称与日期', weight: 6, find: (ctx) => [signingUnit(ctx.doc.text)] },
  { id: 'body.signature_glued', zh: '落款：附件列表后的单位与日期', weight: 6, find: (ctx) => [gluedSigningUnit(ctx.doc.text)] },
  { id: 'byline.来源', zh: '来源：X', weight: 6, find: (ctx) => [bylineUnit(ctx.doc.text)] },
  { id: 'byline.bare', zh: '来源：无地名的单位', weight: 5, find: (ctx) => [bareBylineUnit(ctx.doc.text)] },
  { id: 'meta.发布机构', zh: '发布机构：X', weight: 6, find: (ctx) => [publisherUnit(ctx.doc.text)] },
  { id: 'meta.site_header', zh: '网站页眉的单位', weight: 5, find: (ctx) => [siteHeaderUnit(ctx.doc.text)] },
  { id: 'meta.title_suffix', zh: '页面标题后缀的单位', weight: 5, find: (ctx) => [titleSuffixUnit(ctx.doc.text)] },
  { id: 'breadcrumb.tail', zh: '导航末项', weight: 5, find: (ctx) => [breadcrumbUnit(ctx.doc.text)] },
];

const hasPlace = (name: string) => {
  const r = regionOf(name);
  return !!(r.province || r.city || r.county);
};
/**
 * A second unit glued after the first: "重庆市财政局重庆市住房和城乡建设委员会" (a place starts again
 * after an organ word). A branch of the first is one unit: "临沧市生态环境局云县分局".
 */
function isJoint(name: string): boolean {
  for (const m of name.matchAll(/(?:局|厅|委员会|办公室)/gu)) {
    const rest = name.slice(m.index + m[0].length);
    if (rest.length >= 4 && placeRunEnds(rest).length > 0 && ORGAN_END.test(rest) && !/分局$/u.test(rest)) return true;
  }
  return false;
}
/** A unit named by its level alone: "县乡村振兴局", "市财政局". */
const BARE_LEVEL = /^(?:省|市|县|区|州|旗)/u;
/** A place's leadership: "云南省委、省政府高度重视…" names the government, not the reporting unit. */
const LEADERSHIP = /(?:省|市|县|区|州|旗)(?:委|政府)$/u;
/** Sources that read a form's 主管部门: the unit above the one that reports when the form has an 实施单位 cell. */
const COMPETENT_SOURCE = /^form\.(?:field\.主管部门|department)$/u;
/** A form's 实施单位 cell (OCR reads 单 as 第: "实施第位"). */
const IMPLEMENTER_CELL = /实施[单第]位|资金使用单位/u;
/** An 实施单位 cell followed straight by the form's next cells or figures, its name printed elsewhere. */
const IMPLEMENTER_DISPLACED = /实施[单第]位[\s|｜:：]*(?:其中|全年|年初|年度|项目资金|资金|分值|执行|预算|得分|自评得分|项目类别|[\d—-])/u;
/** Sources that see the page rather than the report: a publisher for others names no unit there. */
const PAGE_SOURCE = /^(?:byline|meta|breadcrumb|body)\./u;
/** A page's furniture that names its site's owner: byline, metadata, breadcrumb. */
const PAGE_SOURCE_ONLY_SITE = /^(?:byline|meta|breadcrumb)\./u;
/** The page's own furniture: its byline and metadata. */
const PAGE_ONLY_SOURCE = /^(?:byline|meta)\./u;

export const UNIT_FEATURES: readonly UnitFeature[] = [
  { id: 'unit.organ.strong', zh: '以局/厅/委员会/中心等结尾', weight: 1, test: (f) => STRONG_ORGAN_END.test(f.name.replace(AFTER_ORGAN, '')) },
  { id: 'unit.place', zh: '名称含地名', weight: 1, test: (f) => hasPlace(f.name) },
  { id: 'unit.place.gazetteer', zh: '以行政区划名称开头', weight: 1, test: (f) => placeRunEnds(f.name.replace(/^(?:中共|共青团)/u, '')).length > 0 },
  { id: 'unit.organ.none', zh: '不以机构词结尾', weight: -20, test: (f) => !ORGAN_END.test(f.name.replace(AFTER_ORGAN, '')) },
  { id: 'unit.fund_words', zh: '资金/项目名称不是单位', weight: -20, test: (f) => FUND_IN_NAME.test(f.name) },
  { id: 'unit.placeholder', zh: '模板占位XX', weight: -20, test: (f) => PLACEHOLDER.test(f.name) },
  { id: 'unit.joint', zh: '两个单位连在一起', weight: -20, test: (f) => isJoint(f.name) },
  { id: 'unit.latin', zh: '名称含字母（文件名、垃圾词）', weight: -20, test: (f) => LATIN_IN_NAME.test(f.name) },
  { id: 'unit.village', zh: '村（居）委会不是预算单位', weight: -20, test: (f) => VILLAGE_COMMITTEE.test(f.name.replace(AFTER_ORGAN, '')) },
  // A notice's salutation ("区残联:" … "现将…下达给你们") names who receives it; its target form's 主管部门
  // is that addressee too. The unit that writes is another (the sender signs or publishes).
  {
    id: 'unit.addressee',
    zh: '通知抬头的受文单位',
    weight: -20,
    test: (f, ctx) => {
      const line = addresseeLine(ctx.doc.text, ctx.doc.rawText);
      return line !== null && line.includes(f.name);
    },
  },
  // "老年人日间照料中心项目绩效自评报告": a name of no place right before 项目 (not 项目支出, a unit's own
  // spending) is what the project builds or runs, not who reports on it.
  {
    id: 'unit.project_object',
    zh: '标题中项目所指的设施',
    weight: -20,
    test: (f, ctx) => {
      const at = f.source === 'title.prefix' && !hasPlace(f.name) ? (ctx.title ?? '').indexOf(`${f.name}项目`) : -1;
      return at >= 0 && !ctx.title!.startsWith('支出', at + f.name.length + 2);
    },
  },
  // A sentence's "县乡村振兴局、县财政局对照…进行了自评" in a county's report: a unit the text never prints
  // with its place is one of the county's, not surely the one that reports.
  { id: 'unit.body_bare_level', zh: '正文中无地名的县/市/区单位', weight: -3, test: (f) => f.source.startsWith('body.') && BARE_LEVEL.test(f.name) },
  { id: 'unit.leadership', zh: '省委/市政府等领导机关', weight: -20, test: (f) => f.source.startsWith('body.') && LEADERSHIP.test(f.name) },
  // A project form's 主管部门 is the unit above the one that reports when the form has an 实施单位
  // cell: weaker, though often the same unit ("主管部门 实施单位 天长市水利局").
  {
    id: 'unit.competent_over_implementer',
    zh: '有实施单位栏时的主管部门',
    weight: -2,
    test: (f, ctx) => COMPETENT_SOURCE.test(f.source) && IMPLEMENTER_CELL.test(ctx.doc.text.slice(0, 3000)),
  },
  // A form filled in by a unit the vocabulary cannot read as one ("单位名称:农业工作科 … 主管部门
  // 区市场监督管理局 项目实施单位 农业科"): the one that reports is not the 主管部门 above it.
  {
    id: 'unit.filler_elsewhere',
    zh: '填报单位另有其名',
    weight: -6,
    test: (f, ctx) => COMPETENT_SOURCE.test(f.source) && fillerNames(ctx.doc.text).some((n) => !n.includes(f.name) && !f.name.includes(n)),
  },
  // A form whose 实施单位 cell holds no name where it stands (flattening moved it: "实施单位全年预算数…",
  // "…事业管理中心 实施单位 其中:当年财政拨款"; a wrapped cell cut it to its place: "上海市普陀区 / 体育事业
  // 管理 / 中心") reports for a unit not read: its 主管部门 is no guess for it.
  {
    id: 'unit.implementer_elsewhere',
    zh: '实施单位栏的名称错位',
    weight: -6,
    test: (f, ctx) => COMPETENT_SOURCE.test(f.source) && (IMPLEMENTER_DISPLACED.test(ctx.doc.text.slice(0, 3000)) || implementerCut(ctx.doc.text)),
  },
  // (A township's government publishes and reports for itself: "金寨县麻埠镇人民政府2023年度下达…"; so does a
  // government's office stationed elsewhere, "西藏自治区人民政府驻上海办事处".)
  {
    id: 'unit.publisher_for_others',
    zh: '页面发布者为财政/政府/门户',
    weight: -20,
    test: (f) => PAGE_SOURCE.test(f.source) && PUBLISHER_FOR_OTHERS.test(f.name) && !TOWNSHIP_GOVERNMENT.test(f.name) && !LIAISON_OFFICE.test(f.name) && !(PAGE_ONLY_SOURCE.test(f.source) && FINANCE_BUREAU.test(f.name)),
  },
  // A bureau's byline or metadata over a report whose unit speaks of itself as an institution ("我校…", never
  // "我局"): a county bureau's site publishing its school's report (t807). The page names the publisher only.
  {
    id: 'unit.page_bureau_for_institution',
    zh: '页面发布者为主管局，正文自称我校/我院',
    weight: -6,
    test: (f, ctx) => {
      if (!PAGE_SOURCE_ONLY_SITE.test(f.source) || !BUREAU_NAME.test(f.name)) return false;
      const head = ctx.doc.text.slice(0, 3000);
      return INSTITUTION_SELF.test(head) && !BUREAU_SELF.test(head);
    },
  },
  // A finance bureau's byline or metadata: the bureau reports on the money it runs (农业保险保费补贴, its key
  // projects' evaluations) but publishes others' reports too. Weak: any other unit named near as surely
  // makes a tie (abstention) or wins.
  {
    id: 'unit.finance_publisher',
    zh: '页面发布者为财政部门',
    weight: -3,
    test: (f) => PAGE_ONLY_SOURCE.test(f.source) && FINANCE_BUREAU.test(f.name),
  },
];
