/**
 * Where a report names its unit: the finders the unit rules (rules.ts) run. Each returns a name as
 * printed (cleaned of title words and page furniture) or null; none decides between them.
 */
import type { SourceDocument } from '../../ingest/document.js';
import { AFTER_ORGAN, CONSTRUCTION_WORK, FINANCE_BUREAU, GENERIC_SECTION, ORGAN_END, ORGAN_EXTENSION, PERSON_FIELD, PUBLISHER_FOR_OTHERS, SHORT_FORM_UNIT, SITE_BOILERPLATE, STAMP_NOTE, STRONG_ORGAN_END, TOWNSHIP_GOVERNMENT } from '../../vocabulary/units.js';
import { SPAM_PREFIX } from '../../vocabulary/outline.js';
import { BREADCRUMB, DOCUMENT_MASTHEAD, HOME_TRAIL, PAGE_BUTTONS, SITE_NAME, TITLE_LINE_END, TITLE_WITH_SITE_SUFFIX, TRAIL_SEPARATOR } from '../../vocabulary/outline.js';
import { placeRunEnds, regionOf } from '../region.js';

/** Words that end a unit's name and start the report's own title. */
export const TITLE_TAIL =
  /(?:关于)?(?:(?:19|20)\d{2}|20xx|20XX|二〇[一二三四五六七八九〇零]{2})\s*年(?:度)?|关于|(?:部门|单位)?整体支出|(?:项目)?(?:支出)?绩效(?:自评|自我评价|评价)|预算绩效|(?:部门|单位)?决算/u;

/**
 * Words of a sentence or a page, not of a name: "对", "支出情况1.部门基本情况", "年6月至2020年7月", "正文", "决算", "目 录" split by a PDF ("录 赣州市…").
 * 年 of a date, not of 青年, 少年, 老年 or 年鉴 ("中国共产主义青年团大英县委员会" is one name).
 */
const NOT_NAME_PREFIX = /[\d.．、\-—:：]|情况|对|决算|正文|(?<![青少老])年(?!鉴)|月|关于|根据|按照|录/u;

/**
 * A name without the words glued before its place: "对重庆市潼南区发展和改革委员会" → "重庆市潼南区…".
 * Only words that cannot be part of a name are cut ("中共", "共青团" stay).
 */
function trimBeforePlace(name: string): string {
  if (!NOT_NAME_PREFIX.test(name)) return name;
  for (let i = 1; i < name.length - 2; i++)
    if (placeRunEnds(name.slice(i)).length > 0) return NOT_NAME_PREFIX.test(name.slice(0, i)) ? name.slice(i) : name;
  return name;
}

/** Everything up to a breadcrumb's last separator on the name's line (cleanDepartment). */
const TRAIL_BEFORE_NAME = new RegExp(`^[^\\n]*${TRAIL_SEPARATOR}\\s*`, 'u');

/** Strips a unit name of prefixes and suffixes that belong to the title, not the name. */
export function cleanDepartment(name: string): string | null {
  const cleaned = name
    .replace(/^[\s"“《_\-—·]+|[\s"”》:：,，]+$/gu, '')
    .replace(/^(?:附件\s*[:：]?\s*\d*[.、．]?|\d+[、.．])/u, '')
    // (A page's metadata field glued before a title: "标      题 西藏自治区文物局…".)
    .replace(/^(?:单位名称|部门名称|预算单位|主管部门|实施单位|填报单位|标\s*题|名\s*称)[:：]?/u, '')
    // A field label's own qualifier left before the value: "项目主管部门(单位) 苏州市园林和绿化管理局" (t765).
    .replace(/^[（(](?:单位|部门|盖章|公章|签章)[）)]\s*/u, '')
    // A gambling mirror's injected prefix: "手机彩票网团结湖街道办事处".
    .replace(SPAM_PREFIX, '')
    .replace(/^关于/u, '')
    .replace(PAGE_BUTTONS, '')
    // A page's date glued before the name: "2024-08-19常德市疾病预防控制中心".
    .replace(/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/u, '')
    .replace(/(?:的)$/u, '')
    .replace(STAMP_NOTE, '')
    // "首页»X", "当前位置：首页 > 政务公开 > X": a page's breadcrumb before the name.
    .replace(TRAIL_BEFORE_NAME, '')
    // "山丹县人力资源和社会保障局(汇总)": the report's scope, not the name. ("海南省应急管理厅(本级)"
    // names the unit's own budget level, as "国家信访局本级" does: kept as printed.)
    .replace(/[（(](?:汇总|部门汇总|合并|部门|单位)[）)]$/u, '')
    // "黄石市卫生健康委员会部门2024年度部门决算", "大院街道办事处部门2021年度部门决算": 部门 after a unit's name says what it is.
    .replace(/(?<=[局委会室院厅府心处所站校馆队])部门$/u, '')
    .trim();
  const n = trimBeforePlace(cleaned);
  if (Array.from(n).length < 3 || Array.from(n).length > 40) return null;
  if (/^(?:部门|单位|项目|本部门|我单位|我部门)$/u.test(n)) return null;
  if (/[。；，]/u.test(n)) return null;
  // Uploader and site boilerplate is no unit ("请进行举报或认领文档简介仁兴镇小学").
  if (SITE_BOILERPLATE.test(n)) return null;
  // A site's name ("某某县人民政府门户网站") ends in 站 but is no unit.
  if (SITE_NAME.test(n)) return null;
  return n;
}

/** A fund designation between the unit's name and the title's tail: "耒阳市第四中学|专项资金", "镜湖区残联|中央转移支付". */
const FUND_DESIGNATION = /(?:中央|省级|市级|县级|区级)?(?:专项资金|(?:专项)?转移支付)$/u;

/**
 * The unit a title starts with: "2021年茂名市发展和改革局整体支出绩效自评报告" → 茂名市发展和改革局.
 * A fund designation may stand between the name and the title's tail.
 */
export function departmentInTitle(title: string): string | null {
  // "2021年茂名市发展和改革局整体支出绩效自评报告": the year may come first.
  // ("关于紫金县司法局2020年度…的报告": the unit after 关于.)
  const bare = title.replace(/^(?:(?:19|20)\d{2}|20xx)\s*年度?/u, '').replace(/^关于/u, '');
  const m = TITLE_TAIL.exec(bare);
  // A 决算's cover heading of its year and unit alone: "2023年度内蒙古自治区…根河市河东街道办事处".
  if (!m) return bare !== title && unitAtStart(`${bare}。`) === bare ? bare : null;
  if (m.index === 0) return null;
  const name = cleanDepartment(bare.slice(0, m.index));
  if (!name) return null;
  // ("中共湖南省委党校(湖南行政学院)": a second name in brackets.)
  if (ORGAN_END.test(name.replace(AFTER_ORGAN, ''))) return name;
  const unit = cleanDepartment(name.replace(FUND_DESIGNATION, ''));
  if (unit && unit !== name && ORGAN_END.test(unit)) return unit;
  return unitAtStart(name);
}

/**
 * The unit a project title starts with: "耒阳市水利局农村饮水安全工程项目" → 耒阳市水利局. The
 * shortest prefix that ends like a unit, extended by a unit word right after it (…人民政府办公室);
 * it must name a place, so that "全民健身场地设施" names no unit.
 */
export function unitAtStart(name: string): string | null {
  const chars = Array.from(name);
  for (let i = 3; i < chars.length; i++) {
    let unit = chars.slice(0, i).join('');
    if (!STRONG_ORGAN_END.test(unit)) continue;
    for (let j = i + 1; j <= Math.min(chars.length, i + 4); j++) {
      // "…卫生健康委" + "员会": the longer unit word; "…人民政府" + "办公室": a unit within it.
      if (ORGAN_EXTENSION.test(chars.slice(i, j).join('')) || (j <= i + 2 && ORGAN_END.test(chars.slice(0, j).join('')) && /^(?:委员会|联合会|办公室|中心)$/u.test(chars.slice(Math.max(0, j - 3), j).join('')))) unit = chars.slice(0, j).join('');
    }
    // ("龙游县农村幼儿园提升改造项目": a project builds what it names, which need not report.)
    if (CONSTRUCTION_WORK.test(name.slice(unit.length))) return null;
    const r = regionOf(unit);
    return (r.province || r.city || r.county) && cleanDepartment(unit) ? unit : null;
  }
  return null;
}

/**
 * The unit a document's file name starts with, the name printed on a document site or above a PDF's
 * text ("上海市普陀区体育事业管理中心2022年度项目自评价.pdf", "《…2022年度决算公开.docx》由会员分享"),
 * when it is a unit of a named place ("红十字会整体支出绩效评价报告.pdf" names none).
 */
export function fileNameUnit(text: string): string | null {
  const head = text.slice(0, 1500);
  // (Asked only where an extension stands: the lazy name is tried at every line start otherwise.)
  const m = /\.(?:pdf|docx?|xlsx?|wps)/iu.test(head) ? /(?:^|\n|《)([^\n《》]{4,80}?)\.(?:pdf|docx?|xlsx?|wps)(?=[\s》]|$)/iu.exec(head) : null;
  const unit = m ? departmentInTitle(m[1]!.replace(/^.*[\\/]/u, '')) : null;
  return unit && hasPlace(unit) ? unit : null;
}

/** The unit whose masthead an official document opens with: "邵阳市北塔区财政局文件邵北财农绩﹝2023﹞1号…" (DOCUMENT_MASTHEAD). */
export function mastheadUnit(text: string): string | null {
  const head = text.slice(0, 800);
  for (let at = 0; at >= 0 && at < head.length; at = head.indexOf('\n', at) + 1 || -1) {
    const m = DOCUMENT_MASTHEAD.exec(head.slice(at).trimStart());
    if (!m) continue;
    const name = cleanDepartment(m[0].slice(0, m[0].indexOf('文件')));
    return name && ORGAN_END.test(name) ? name : null;
  }
  return null;
}

/**
 * The unit a breadcrumb trail ends with ("当前位置：首页>>政务公开>>部门信息>>天长市水利局"), when
 * it is a unit of a named place.
 */
export function breadcrumbUnit(text: string): string | null {
  const crumb = BREADCRUMB.exec(text.slice(0, 1500)) ?? HOME_TRAIL.exec(text.slice(0, 1500));
  if (!crumb) return null;
  const after = text.slice(crumb.index + crumb[0].length);
  const m = /^([\u4e00-\u9fff（）()]{4,30}?)(?=\s|$|(?:19|20)\d{2}|关于)/u.exec(after);
  const last = placeUnit(m?.[1]);
  if (last) return last;
  // "首页>>政务公开>>天长市水利局>>财政资金>>": the unit's channel stands inside the trail.
  const items = crumb[0].split(/>>|>|»|›|→|\//u).map((item) => item.replace(/^.*?[:：]/u, '').trim());
  for (const item of items.reverse()) {
    const unit = /^[\u4e00-\u9fff（）()]{4,30}$/u.test(item) ? placeUnit(item) : null;
    if (unit) return unit;
  }
  return null;
}

/**
 * Field names of a form's header cells that hold the reporting unit, the field in group 1 and the
 * name in group 2 ("主管部门 | [155]濉溪县民政局", "实施单位 (盖章) | 青神县发展和改革局", "主管部门(单位)名称|
 * 安溪县水利局", "主管部门及代码 404-永济市文化和旅游局"; a target declaration's 申报单位, a 决算 cover's 编制单位/报送单位). A transfer
 * form's 中央/地方/自治区主管部门 is the authority over the fund, not the unit. A bare 部门 is a field
 * only as a cell ("部门 | 金寨县茶谷和美丽乡村建设服务中心 |", a page's "部门: | 财政局 |"), a bare 单位 only before its colon
 * (a 决算 table's header "单位:张家川回族自治县龙山镇四方中学|2024年度|金额单位:万元", t579). The name ends before
 * the next cell's name where normalization glued the cells ("主管部门稷山县卫生健康和体育局年初预算数0…").
 * A sentence's "主管部门为X" is no cell (proseFieldUnit reads it).
 */
export const UNIT_FIELD = new RegExp(
  String.raw`(?<!中央|省级|市级|地方|自治区)(单位名称|部门[（(]单位[）)]名称|部门名称|项目单位|预算部门(?:单位)?|预算单位|主管部门(?:[（(]单位[）)]名称|及代码)?|资金使用单位|实施单位|填报单位|申报单位|编制单位|报送单位|评价单位|(?<![\u4e00-\u9fff])部门(?=[:：]?[ \t]*[|｜])|(?<![\u4e00-\u9fff])单位(?=[:：]))[\s|｜:：]*(?:[（(](?:盖章|公章)[）)])?[\s|｜:：]*(?:\d+[-—]|[\[【]\d+[\]】])?(?![为是均])([\u4e00-\u9fff（）()]{3,40}?)(?=[\s|｜\t]|$|[，。；]|项目|专项(?:名称|资金)|部门名称|单位[：:]|主管|实施|填报|联系|评价(?:单位|方式|机构)|委托(?:单位|方)|下属单位|预算编码|资金使用|年初预算|全年预算|全年执行|年度|资金情况|资金额度|预算执行|填报日期|自评得分|${PERSON_FIELD.source}|[（(]?(?:盖|公|签)章)`,
  'gmu',
);

/** Fields that name the unit that spends (实施单位) rather than the one above it (主管部门). */
export const IMPLEMENTING_FIELD = /^(?:部门|单位|单位名称|部门[（(]单位[）)]名称|部门名称|项目单位|资金使用单位|实施单位|填报单位|申报单位|编制单位|报送单位|评价单位)$/u;
/**
 * Fields of the unit that spends a project's money: on a project form they name the reporting unit
 * before a 单位名称/填报单位 header, which names the unit that filled the form in
 * ("单位名称:昌宁县供销合作社联合社 … 项目实施单位 昌宁县昌龙鸿运牧业专业合作社").
 */
export const SPENDING_FIELD = /^(?:实施单位|资金使用单位|项目单位)$/u;

/** The last text's UNIT_FIELD cells of the opening: four readers (two unit sources, two features) ask for one document's. */
let lastCells: { text: string; cells: readonly (readonly [field: string, value: string])[] } | null = null;

/** [field, value as printed] of every UNIT_FIELD match in the first 3,000 characters of `text`, in order. */
function fieldCellsOf(text: string): readonly (readonly [field: string, value: string])[] {
  if (lastCells?.text === text) return lastCells.cells;
  const cells = [...text.slice(0, 3000).matchAll(UNIT_FIELD)].map((m) => [m[1]!, m[2]!] as const);
  lastCells = { text, cells };
  return cells;
}

/**
 * True when a form's 实施单位 cell holds only a place, its name cut where the cell wrapped
 * ("实施单位 | 上海市普陀区 / 体育事业管理 / 中心"): the unit that reports was not read.
 */
export function implementerCut(text: string): boolean {
  for (const [field, value] of fieldCellsOf(text)) {
    if (!SPENDING_FIELD.test(field)) continue;
    if (placeRunEnds(value).includes(value.length)) return true;
  }
  return false;
}

/** The units a form's header cells name, with their field, in order. */
export function formFieldUnits(text: string): { field: string; name: string }[] {
  const out: { field: string; name: string }[] = [];
  for (const [field, value] of fieldCellsOf(text)) {
    // ("国家信访局本级" names the unit's own budget level: kept as printed; "(本级)" in brackets is dropped.)
    const name = cleanDepartment(value);
    if (name && ORGAN_END.test(name.replace(AFTER_ORGAN, ''))) out.push({ field, name });
  }
  return out;
}

/**
 * The unit a form names outside its cells when its 实施单位 cell holds no name where it stands
 * (flattening or OCR moved the name: "实施单位 全年预算数 … 稷山县医疗保险服务中心 产出", "实施第位自评得分98
 * 财政审1度评分银川市第六中学项…"): a unit of the 主管部门's place, other than the 主管部门, printed in the
 * form's opening. Only when exactly one such unit stands there; null otherwise.
 */
export function displacedImplementer(text: string): string | null {
  const cells = formFieldUnits(text);
  if (cells.some((c) => IMPLEMENTING_FIELD.test(c.field))) return null;
  const competent = cells[0]?.name;
  const place = competent ? placeRunEnds(competent).filter((end) => end < competent.length).at(-1) : undefined;
  if (!competent || !place) return null;
  const head = text.slice(0, 3000);
  const prefix = competent.slice(0, place);
  const found = new Set<string>();
  for (let at = head.indexOf(prefix); at >= 0; at = head.indexOf(prefix, at + 1)) {
    const run = /^[\u4e00-\u9fff（）()]{4,40}/u.exec(head.slice(at))?.[0];
    const unit = run ? unitAtStart(run) : null;
    if (unit && !competent.startsWith(unit) && !unit.startsWith(competent)) found.add(unit);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** Fields of the unit that filled the form in: 单位名称, 填报单位. */
const FILLER_FIELD = /^(?:单位名称|填报单位)$/u;

/**
 * The names a form's 单位名称/填报单位 cells hold, whether or not they end with an organ word
 * ("单位名称:农业工作科填报日期:" → 农业工作科): who filled the form in, read as printed.
 */
export function fillerNames(text: string): string[] {
  const out: string[] = [];
  for (const [field, value] of fieldCellsOf(text)) {
    const name = FILLER_FIELD.test(field) ? cleanDepartment(value) : null;
    if (name) out.push(name);
  }
  return out;
}

/** What follows the acting unit's name ("…高度重视", "…对X进行了自评", "…是…单位"). */
const ACTING_CUES = [
  '高度重视',
  '认真组织',
  '组织开展',
  '贯彻落实',
  '成立了?[^。；\\n]{0,60}?(?:评价|自评)[^。；\\n]{0,10}?(?:工作组|领导小组|专班)',
  '内设',
  // a unit's history opening its 概况: "X成立于1951年6月"
  '(?:始建|创建|组建|成立)于(?:19|20)\\d{2}',
  '下设',
  // a 决算's structure: "X下属二级预算单位0个"
  '下属(?:二级)?(?:预算)?单位',
  '归[\\u4e00-\\u9fff]{2,20}主管',
  // ("…进行了绩效自查自评": a self-check and self-evaluation.)
  '对[^。；\\n]{2,60}?(?:进行|开展)了?(?:绩效)?(?:自查)?(?:自评|评价|自我评价)',
  '开展(?:并完成)?了[^。；\\n]{0,60}?绩效(?:自评|评价)',
  '是一[所个]',
  '[是为][^。；\\n]{0,30}?(?:单位|机构|部门|团体)[，,。；]',
  // a 决算's duties: "X属一级预算单位", "X主要履行以下职责", "X的主要职能是"
  '属[^。；\\n]{0,30}?(?:单位|机构|学校|团体)',
  '主要履行',
  '的主要职[能责][是为:：]',
  // the report's own announcement: "X现将2021年度…自评情况报告如下"
  '现将[^。；\\n]{2,60}?(?:报告|汇报|公开|说明)如下',
];
/**
 * The characters the cues open with (a leading class counts with all its characters): asked before
 * the cues, at every length the lazy name tries, one class test replaces twelve failing cues (the
 * scan of the opening cost 2.4 times as much).
 */
const CUE_OPENERS = [...new Set(ACTING_CUES.flatMap((c) => [...(c.startsWith('[') ? c.slice(1, c.indexOf(']')) : c[0]!)]))].join('');
const ACTING_SUBJECT = new RegExp(
  `(?:^|[\\n，,。；;：:）)\\]】》])[ \\t]*([\\u4e00-\\u9fff（）()]{4,40}?)(?:、[\\u4e00-\\u9fff]{2,12})?(?=[${CUE_OPENERS}])(?=${ACTING_CUES.join('|')})`,
  'gmu',
);

/**
 * The unit a report's opening names as the one acting: "紫金县司法局对…进行了自评", "广西壮族自治区住房和
 * 城乡建设厅、财政厅认真组织开展了…", "临河区医疗保障局贯彻落实…", "西区动物疫病预防控制中心是…单位",
 * "湖南省国土资源厅成立了…专项资金绩效评价工作组", "南纪门街道办事处内设10个办公室", "X下设办公室…", "X开展并完成了本部门…绩效自评工作", "X是一所公办小学校", "X归张家川县教育局主管", "X为区政府直接联系的…群众团体";
 * a 决算's duties: "X属一级预算单位", "X属教育部门办的一所…学校", "X主要履行以下职责", "X的主要职能是";
 * or the one evaluated: "我们对方城县动物疫病预防控制中心…进行了绩效评价".
 */
export function actingUnit(text: string): string | null {
  const head = text.slice(0, 3000);
  for (const m of head.matchAll(ACTING_SUBJECT)) {
    const name = cleanDepartment(m[1]!);
    if (name && ORGAN_END.test(name) && (STRONG_ORGAN_END.test(name) || hasPlace(name))) return name;
  }
  const object = /(?:我们|我局|我单位|本单位|我委|我院)对([\u4e00-\u9fff（）()]{4,40})[^。；\n]{0,40}?进行了?(?:绩效)?(?:自评|评价|自我评价)/u.exec(head);
  if (object) return unitAtStart(object[1]!);
  // (A finance bureau's evaluation of another unit's project, quoted: "…对天津市教育委员会“2021年…补助”项目开展了
  // 绩效评价", t544: the unit, its name whole before the quote.)
  const quoted = EVALUATED_UNIT.exec(head);
  return quoted && unitAtStart(quoted[1]!) === quoted[1] ? quoted[1]! : null;
}

/** A unit whose quoted project is evaluated: "对X“Y”项目开展了绩效评价" (X in group 1). */
const EVALUATED_UNIT = /对([\u4e00-\u9fff（）()]{4,40}?)[“"][^”"\n]{2,60}[”"](?:项目|专项)?(?:资金)?[^。；\n]{0,10}?(?:开展|进行)了?(?:绩效)?(?:自评|评价|自我评价)/u;

/**
 * The unit a clause opens with, right before a year: "(一)金寨县麻埠镇人民政府2023年度下达上级资金…",
 * "南昌市烈士陵园管理处2022年度共有5个项目", "第二部分 黄石市财政局2023年度部门决算表". The first such
 * unit of a named place in the opening.
 */
export function unitBeforeYear(text: string): string | null {
  // (Not a 公文's printing line, "奉节县财政局办公室 2024年11月4日印发": the office that printed it.)
  const clause = /(?:^|[\n。；;]|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d[、.．]|第[一二三四五六七八九十]部分)[ \t]*([\u4e00-\u9fff]{4,40}?)[ \t]*(?:19|20)\d{2}[ \t]*年(?![ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*印发)/gmu;
  for (const m of text.slice(0, 3000).matchAll(clause)) {
    const unit = unitAtStart(`${m[1]!}。`);
    if (unit === m[1]) return unit;
  }
  return null;
}

/**
 * A 决算's sentence that opens with its year, then the unit, then what the unit spent or took in: "2019年,大英县市场
 * 监督管理局机关运行经费支出156.38万元", "2023年度,X收入决算…". The words after the name are a 决算's own.
 */
const YEAR_THEN_UNIT = /(?:^|[\n。；;])[ \t]*(?:19|20)\d{2}[ \t]*年度?[ \t]*[,，]?[ \t]*([\u4e00-\u9fff（）()]{4,40}?)(?=机关运行经费|(?:收入|支出|收支)决算|一般公共预算财政拨款|政府性基金预算|[“"]?三公[”"]?经费|政府采购支出)/gmu;

/** The unit of a named place a 决算 sentence names after its year (YEAR_THEN_UNIT), the first in the opening. */
export function unitAfterYear(text: string): string | null {
  for (const m of text.slice(0, 3000).matchAll(YEAR_THEN_UNIT)) {
    const unit = unitAtStart(`${m[1]!}。`);
    if (unit === m[1]) return unit;
  }
  return null;
}

/**
 * A unit's own budget level named in the body: "社会服务与管理项目为省商务厅本级的经常性项目", "1.本溪市住房公积金
 * 管理中心本级", "下设二级预算单位分别为北京市机关事务管理局本级行政…". The first unit so named in the opening, from its
 * place (or its bare level, 省/市/县/区/州, that fullNameOf completes) to 本级; not a government's own level ("市本级财政"),
 * nor a form's heading.
 */
export function ownLevelUnit(text: string): string | null {
  const head = text.slice(0, 3000);
  for (let at = head.indexOf('本级'); at >= 0; at = head.indexOf('本级', at + 2)) {
    // (Not a form's or a list's heading, "X本级单位项目绩效自评表清单": a workbook may gather other units' forms under it.)
    if (/^本级[^。；，,\n]{0,12}表/u.test(head.slice(at, at + 16))) continue;
    const before = /[\u4e00-\u9fff（）()]{3,30}$/u.exec(head.slice(Math.max(0, at - 30), at))?.[0];
    if (!before) continue;
    // (The longest run that starts like a unit's name: a place of the gazetteer, or a bare level.)
    for (let i = 0; i <= before.length - 3; i++) {
      const run = before.slice(i);
      if (placeRunEnds(run).length === 0 && !/^(?:省|市|县|区|州)[\u4e00-\u9fff]/u.test(run)) continue;
      const name = cleanDepartment(run);
      if (name === run && STRONG_ORGAN_END.test(name) && !PUBLISHER_FOR_OTHERS.test(name)) return name;
      break;
    }
  }
  return null;
}

/**
 * A name on its own, then a date that ends the line: a signature. Normalization joins the two lines
 * (and a closing line without a stop before them): "…[点击下载]固始县祖师庙镇人民政府2025年12月30日".
 */
const SIGNATURE = /(?:^|[\n。；;\]】])[ \t]*([\u4e00-\u9fff（）()]{4,30}?)[ \t]*\n?[ \t]*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \t]*(?=\n|$)/gu;

/** What every signature ends with: a date that ends the line. */
const DATE_LINE_END = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \t]*(?=\n|$)/u;

/**
 * The unit that signs the report: a line that is only a unit's name, right above a date line
 * ("广水市文化和旅游局\n2025年6月20日"), in the opening or, for a longer report, at its end (the last
 * signature of the closing text: "…附件:…自评表[点击下载]\n固始县祖师庙镇人民政府\n2025年12月30日").
 */
export function signingUnit(text: string): string | null {
  const unitOf = (m: RegExpMatchArray | undefined) => {
    const name = m ? cleanDepartment(m[1]!) : null;
    // (The line is the name alone, or the name and its stamp: "甲县水利局(盖章)".)
    return name && name === m![1]!.replace(STAMP_NOTE, '') && ORGAN_END.test(name.replace(AFTER_ORGAN, '')) ? name : null;
  };
  // (Asked only where a date ends a line: the lazy name is tried after every stop otherwise.)
  const signatures = (s: string) => (DATE_LINE_END.test(s) ? [...s.matchAll(SIGNATURE)] : []);
  const openingText = text.slice(0, 8000);
  const opening = unitOf(DATE_LINE_END.test(openingText) ? openingText.matchAll(SIGNATURE).next().value : undefined);
  if (opening || text.length <= 8000) return opening;
  return unitOf(signatures(text.slice(Math.max(8000, text.length - 3000))).at(-1));
}

/**
 * A notice's signature that normalization glued after its list of attachments, its date after it:
 * "附件:1.…分配表2.…绩效目标表安溪县农业农村局2025年3月17日附件1…".
 */
const GLUED_SIGNATURE = /附件\s*[:：]?\s*1\s*[.、．][^\n]{0,300}?(?:表|通知|办法|方案|清单|明细)[ \t]*([\u4e00-\u9fff（）()]{4,30}?)[ \t]*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/u;

/** The unit of a named place that signs a notice after its attachment list (GLUED_SIGNATURE), from its place on. */
export function gluedSigningUnit(text: string): string | null {
  const m = GLUED_SIGNATURE.exec(text.slice(0, 3000));
  if (!m) return null;
  const run = m[1]!;
  for (let i = 0; i < run.length - 2; i++) {
    if (placeRunEnds(run.slice(i)).length === 0) continue;
    const name = cleanDepartment(run.slice(i));
    return name && ORGAN_END.test(name.replace(AFTER_ORGAN, '')) && hasPlace(name) ? name : null;
  }
  return null;
}

const hasPlace = (name: string) => {
  const r = regionOf(name);
  return !!(r.province || r.city || r.county);
};

/** A page's byline: "来源:安居区市场监管局 发布时间:…", "信息来源:区湘湖旅游度假区管委会". */
const BYLINE = /来源[:：]\s*([\u4e00-\u9fff（）()]{3,30}?)(?=\s|$|发布|日期|时间|浏览|阅读|分享|字体|打印|【|文字|作者|录入|访问|点击)/mu;
/**
 * A government page's metadata naming its publisher, up to the next field ("发布机构 | 腾冲市林业和草原局 |",
 * "发布机构:无为市襄安镇成文日期:", "-发布机构:安溪县农业农村局-公文生成日期", "发文单位:咸宁市生态环境局名称:",
 * "发文机关:白沙黎族自治县邦溪镇 成文日期:").
 */
const PUBLISHER_FIELD = /(?:发布机构|发文单位|发文机关)\s*[:：]?[\s|｜]*([\u4e00-\u9fff（）()]{3,30}?)(?=[\s|｜\-—]|$|公开|公文|责任|主题|发文|发布|生成|成文|名称|文号|索引)/mu;

/**
 * The unit a web page's byline names ("来源:安居区市场监管局"), when it is a unit of a named place.
 * Portals and finance bureaus publish for others, so their bylines say nothing about the unit.
 */
export function bylineUnit(text: string): string | null {
  const head = text.slice(0, 1500);
  const m = BYLINE.exec(head);
  if (m) return placeUnit(m[1]);
  // The body glued to the byline by flattening ("来源:福田区民政局根据相关文件规定…"): the unit it starts with.
  const glued = /(?<!资金)来源[:：]\s*([\u4e00-\u9fff（）()]{4,40})/u.exec(head);
  const unit = glued ? unitAtStart(glued[1]!) : null;
  return unit ? placeUnit(unit) : null;
}

/**
 * The unit a county site's byline or metadata names without its place ("来源: 扶贫办", "信息来源:区湘湖旅游度假区管委会", "发布机构:水利局"):
 * labels take it when the body only says 我局. Not a publisher for others, not a bare office
 * ("来源:办公室" names a section of whatever unit runs the site), not a short form ("市人社"), not a unit
 * of a named place (bylineUnit reads those).
 */
export function bareBylineUnit(text: string): string | null {
  const head = text.slice(0, 1500);
  // (A page's metadata names its publisher so too: "发布机构:水利局文号:".)
  const raw = BYLINE.exec(head)?.[1] ?? PUBLISHER_FIELD.exec(head)?.[1];
  const name = raw ? cleanDepartment(raw) : null;
  if (!name || !ORGAN_END.test(name) || PUBLISHER_FOR_OTHERS.test(name) || GENERIC_SECTION.test(name) || SHORT_FORM_UNIT.test(name)) return null;
  return hasPlace(name) ? null : name;
}

/**
 * A unit of a named place, not a publisher for others (governments, portals; a finance bureau is left to the unit rules).
 * A township's government publishes for itself ("信息来源:中山市东凤镇人民政府" over its own budget report, t906).
 */
export function placeUnit(raw: string | undefined): string | null {
  const name = raw ? cleanDepartment(raw) : null;
  if (!name || !ORGAN_END.test(name) || (PUBLISHER_FOR_OTHERS.test(name) && !FINANCE_BUREAU.test(name) && !TOWNSHIP_GOVERNMENT.test(name))) return null;
  const r = regionOf(name);
  return r.province || r.city || r.county ? name : null;
}

/**
 * The unit of a named place whose name ends the page's title after a dash or a bar ("关于…自评情况的报告-
 * 临沧市林业和草原局"): the site's owner, as a byline names it. Not a publisher for others.
 */
export function titleSuffixUnit(text: string): string | null {
  const m = TITLE_WITH_SITE_SUFFIX.exec(text.slice(0, 600));
  return m && TITLE_LINE_END.test(m[1]!.trim()) ? placeUnit(m[2]) : null;
}

/**
 * The unit whose site the page is on, when the page opens with its name alone on a line above the
 * navigation ("临沧市林业和草原局\n首页 | 机构概况 | 政务公开"): a unit of a named place, not a government
 * or portal.
 */
export function siteHeaderUnit(text: string): string | null {
  const m = /^\s*([^\n]{3,30})\n[ \t]*([^\n]*)/u.exec(text.slice(0, 400));
  // (Or above a heading that opens with its year: "宁夏…园区管委会\n2021年葡萄酒产业发展项目支出绩效评价评定等次为优".)
  if (!m || !/首页|网站|导航|[|｜]|>>|»|^(?:19|20)\d{2}\s*年/u.test(m[2]!)) return null;
  const name = placeUnit(m[1]!.trim());
  return name === m[1]!.trim() ? name : null;
}

/** The publisher a government page's metadata names, when it is a unit of a named place (PUBLISHER_FIELD). */
export function publisherUnit(text: string): string | null {
  return placeUnit(PUBLISHER_FIELD.exec(text.slice(0, 1500))?.[1]);
}

/**
 * A line that is only a unit's name, right above the title: "青川县司法局\n关于2021年度…的自评报告". The
 * title must open its line: above a title that a breadcrumb's line runs into ("牟定县人民政府\n首页>>…>>
 * 正文牟定县2020年…报告") the line is the site's header, not the unit's.
 */
export function unitLineBefore(doc: SourceDocument, titleStart: number): string | null {
  const lineStart = doc.text.lastIndexOf('\n', titleStart - 1);
  if (lineStart <= 0 || doc.text.slice(lineStart + 1, titleStart).trim() !== '') return null;
  const prev = doc.text.slice(doc.text.lastIndexOf('\n', lineStart - 1) + 1, lineStart).trim();
  const name = cleanDepartment(prev);
  // ("中共湖南省委党校(湖南行政学院)": a second name in brackets.)
  return name && name === prev && ORGAN_END.test(name.replace(/[（(][^（）()]*[）)]$/u, '')) ? name : null;
}

/** A line in brackets that dates the report: "(2023年2月8日在…会议上)", "（2023年3月20日）". */
const OCCASION = /^[（(][^（）()\n]*(?:19|20)\d{2}\s*年[^（）()\n]*[）)]/u;

/**
 * A line that is only a unit's name (of a named place), right below the title: a cover's or a heading's
 * byline ("2022年度…绩效自评报告\n临沧市林业和草原局\n（2023年3月20日）").
 */
export function unitLineAfter(doc: SourceDocument, titleStart: number): string | null {
  const lineEnd = doc.text.indexOf('\n', titleStart);
  if (lineEnd < 0) return null;
  const nextEnd = doc.text.indexOf('\n', lineEnd + 1);
  let next = doc.text.slice(lineEnd + 1, nextEnd < 0 ? undefined : nextEnd).trim();
  // A line in brackets between them, the report's date and occasion ("(2023年2月8日在县第十七届人民代表大会第二次会议上)"):
  // the unit's line follows it (in the source's lines: normalization joins the short lines).
  const occasion = OCCASION.exec(next);
  if (occasion) {
    const after = doc.text.indexOf(occasion[0], lineEnd + 1) + occasion[0].length;
    const rawStart = doc.toRaw[after];
    if (rawStart === undefined) return null;
    const rawEnd = doc.rawText.indexOf('\n', rawStart);
    next = doc.rawText.slice(rawStart, rawEnd < 0 ? undefined : rawEnd).trim();
  }
  const name = cleanDepartment(next.replace(STAMP_NOTE, ''));
  return name && name === next.replace(STAMP_NOTE, '') && ORGAN_END.test(name.replace(AFTER_ORGAN, '')) && hasPlace(name) ? name : null;
}

/**
 * The unit a report introduces with an abbreviation: "湖北残疾人联合会（以下简称“省残联”）成立绩效自评工作专班".
 * Only the first such name, and not a finance bureau (which directs the evaluation).
 */
export function abbreviatedUnit(text: string): string | null {
  const head = text.slice(0, 2000);
  // (Asked only where the words stand: the pattern is slow to fail.)
  const at = head.indexOf('以下简称');
  const m = at > 0 ? /([^\s，,。；;：:、（()）《》“”"]{4,24})[（(]以下简称/u.exec(head.slice(Math.max(0, at - 30), at + 4)) : null;
  const name = m ? cleanDepartment(m[1]!) : null;
  return name && ORGAN_END.test(name) && !/财政/u.test(name) ? name : null;
}

/**
 * A form's field stated in a sentence: "立项与管理使用单位及实施建设单位均为缙云县教育局", "业主单位为海南博鳌…
 * 管理局", "主管部门为海口国家高新区管委会(行政主管部门)".
 */
const PROSE_FIELD = /(?:预算|实施|业主|建设|主管|使用)(?:建设)?(?:单位|部门)均?[为是]([\u4e00-\u9fff]{4,40}?)(?=[,，。；;、\s(（]|$)/gu;

/** The first unit of a named place that a sentence states as a project's 实施/预算/业主单位 or 主管部门 (PROSE_FIELD). */
export function proseFieldUnit(text: string): string | null {
  for (const m of text.slice(0, 3000).matchAll(PROSE_FIELD)) {
    const unit = placeUnit(m[1]);
    if (unit) return unit;
  }
  return null;
}

/** The unit a 决算's outline names: "第一部分 洪江市人民政府办公室概况". */
export function outlineUnit(text: string): string | null {
  const m = /第一部分[\s:：]*([\u4e00-\u9fff（）()]{4,30}?)(?:部门|单位)?(?:基本)?概况/u.exec(text.slice(0, 3000));
  const name = m ? cleanDepartment(m[1]!) : null;
  return name && ORGAN_END.test(name) ? name : null;
}


/** A notice's salutation line at the top: "区残联:", "西坪镇、桃舟乡…人民政府:", "各乡镇财政所、社会事务服务中心:". */
const SALUTATION = /(?:^|\n)[ \t]*([\u4e00-\u9fff、，,（）() \t]{2,120})[:：][ \t]*(?=\n|根据|为|按照|现将|经)/u;
/** A notice's words to the addressee: "下达给你们", "请你单位", "你局". */
const SECOND_PERSON = /你们|你单位|你局|你委|你处|你院|你校|你所|你中心|贵单位/u;

/**
 * The line a notice opens with to name whom it is sent to (its salutation), when the opening speaks to
 * them ("现将…下达给你们"); null for a text that is no such notice. The source's own lines (`rawText`) are
 * read too: normalization may glue the salutation to the page's byline above it ("…来源:财政局发布时间:
 * 2020-05-29 09:42陈仓区水利局:", t783).
 */
export function addresseeLine(text: string, rawText?: string): string | null {
  if (!SECOND_PERSON.test(text.slice(0, 1500))) return null;
  for (const head of [text.slice(0, 400), rawText?.slice(0, 600) ?? '']) {
    const m = SALUTATION.exec(head);
    // (A field's label is no salutation: "来源:", "发布时间:", "单位名称:".)
    if (m && !/来源|时间|日期|名称|单位$|部门$|标题|索引/u.test(m[1]!.trim())) return m[1]!;
  }
  return null;
}
