import type { SourceDocument } from '../ingest/document.js';
import type { Region, ReportKind } from '../schema/record.js';
import type { Segmentation } from '../segment/segment.js';
import { BREADCRUMB, FIELD_PREFIX, INDEX_PREFIX, OUTLINE_MARKER, SITE_LINKS, TITLE_CHROME, TRAIL } from '../vocabulary/index.js';
import { COUNTIES, COUNTY_LEVEL_CITIES, MUNICIPALITIES, PREFECTURES, PROVINCES } from '../vocabulary/regions.js';

export interface ReportInfo {
  title: string | null;
  kind: ReportKind;
  department: string | null;
  fiscalYear: number | null;
  region: Region;
}



/** Words that end a unit's name and start the report's own title. */
const TITLE_TAIL =
  /(?:关于)?(?:(?:19|20)\d{2}|20xx|20XX|二〇[一二三四五六七八九〇零]{2})\s*年(?:度)?|关于|(?:部门|单位)?整体支出|(?:项目)?(?:支出)?绩效(?:自评|自我评价|评价)|预算绩效|(?:部门|单位)?决算/u;

/** Strips a unit name of prefixes and suffixes that belong to the title, not the name. */
function cleanDepartment(name: string): string | null {
  const n = name
    .replace(/^[\s"“《_\-—·]+|[\s"”》:：,，]+$/gu, '')
    .replace(/^(?:附件\s*[:：]?\s*\d*[.、．]?|\d+[、.．])/u, '')
    .replace(/^(?:单位名称|部门名称|预算单位|主管部门|实施单位|填报单位)[:：]?/u, '')
    .replace(/^关于/u, '')
    // A page's date glued before the name: "2024-08-19常德市疾病预防控制中心".
    .replace(/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/u, '')
    .replace(/(?:的)$/u, '')
    // "山丹县人力资源和社会保障局(汇总)": the report's scope, not the name.
    .replace(/[（(](?:汇总|本级|单位本级|部门汇总|合并)[）)]$/u, '')
    // "黄石市卫生健康委员会部门2024年度部门决算": 部门 after a unit's name says what it is.
    .replace(/(?<=[局委会室院厅府心])部门$/u, '')
    .trim();
  if (Array.from(n).length < 3 || Array.from(n).length > 40) return null;
  if (/^(?:部门|单位|项目|本部门|我单位|我部门)$/u.test(n)) return null;
  if (/[。；，]/u.test(n)) return null;
  // Uploader and site boilerplate is no unit ("请进行举报或认领文档简介仁兴镇小学").
  if (/举报|认领|文档|下载|简介|会员|浏览|点击/u.test(n)) return null;
  return n;
}

/** A title's year: Arabic or 二〇二一. */
export function yearOf(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/u.exec(text) ?? /((?:19|20)\d{2})(?:年度|度)/u.exec(text);
  if (m) return Number(m[1]);
  const cn = /二〇([一二三四五六七八九〇零])([一二三四五六七八九〇零])\s*年/u.exec(text);
  if (cn) {
    const d = '〇一二三四五六七八九';
    const digit = (c: string) => (c === '零' ? 0 : d.indexOf(c));
    return 2000 + digit(cn[1]!) * 10 + digit(cn[2]!);
  }
  return null;
}

/** A form's year field: "评价年度:2022", "预算年度 | 2021" (no 年 after the digits). */
function formYear(text: string): number | null {
  const m = /(?:评价|预算|绩效|所属)年度[\s|｜:：]*((?:19|20)\d{2})(?!\d)/u.exec(text.slice(0, 3000));
  return m ? Number(m[1]) : null;
}

/** Most frequent "20NN年" in the body, for reports whose title has no year. */
function dominantYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年(?!\d{1,2}月)/gu)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) if (c > bestCount || (c === bestCount && best !== null && y > best)) [best, bestCount] = [y, c];
  return best;
}

export function kindOf(title: string, body: string): ReportKind {
  // ("整体和项目支出绩效自评": the whole department, its projects included.)
  if (/部门整体|单位整体|整体支出|整体绩效|整体(?:和|及|与)项目/u.test(title)) return 'department_overall';
  if (/项目|专项|资金|经费|补贴|补助|转移支付/u.test(title)) return 'project';
  const head = body.slice(0, 3000);
  if (/部门整体支出|整体支出绩效|部门整体绩效/u.test(head)) return 'department_overall';
  if (/项目支出绩效|项目名称|项目绩效|专项资金|项目资金|资金绩效|项目概况|项目基本情况|项目负责人/u.test(head)) return 'project';
  return 'unknown';
}

/** Region named inside a unit's name or title: 广东省 / 广州市 / 花都区. */
export function regionOf(text: string): Region {
  const region: Region = { province: null, city: null, county: null };
  let rest = text.replace(/^(?:(?:19|20)\d{2}\s*年度?)/u, '').replace(/^(?:中共|中国共产党|共青团)/u, '');
  const province = PROVINCES.find((p) => rest.includes(p) || rest.includes(p.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '') + '省'));
  if (province) {
    region.province = province;
    rest = rest.slice(rest.indexOf(province.slice(0, 2)) + province.length);
  }
  // A municipality (北京市, 重庆市 …) has no prefecture level: its districts are counties, its city null.
  if (!region.province || !MUNICIPALITIES.has(region.province)) {
    // A city's name holds no 县/区: "安居区市场监管局" names no city "安居区市".
    const city = /^[^市县区州盟]{0,8}?((?:(?![县区])[\u4e00-\u9fff]){2,6}?(?:市|自治州|州|地区|盟))/u.exec(rest);
    if (city && !/^(?:城市|全市|本市)$/u.test(city[1]!)) {
      // "耒阳市第四中学": a county-level city is the county; the gazetteer knows its prefecture.
      const countyLevel = COUNTY_LEVEL_CITIES.get(city[1]!);
      if (countyLevel) {
        region.county = city[1]!;
        region.city = countyLevel.city;
        region.province ??= countyLevel.province;
        return region;
      }
      region.city = city[1]!;
      rest = rest.slice(rest.indexOf(city[1]!) + city[1]!.length);
    }
  }
  // One-character names exist only for counties (横县, 萧县): "城市管理…" is not a county.
  const county = /^([\u4e00-\u9fff]{2,8}?自治[县旗]|[\u4e00-\u9fff]{2,4}?(?:县|区|旗|市)|[\u4e00-\u9fff]县)/u.exec(rest);
  if (county && county[1]!.length >= 2 && !/^(?:城区|辖区|市区|本区|全区|全县|本县)$/u.test(county[1]!)) region.county = county[1]!;
  return completeRegion(region);
}

/**
 * The levels above a named county or prefecture, from the gazetteer: 紫金县 → 河源市, 广东省. Only
 * when the name is one place (or one place within the levels already known): 朝阳区 alone names two.
 */
export function completeRegion(region: Region): Region {
  if (region.county) {
    const places = (COUNTIES.get(region.county) ?? []).filter(
      (p) => (!region.province || p.province === region.province) && (!region.city || p.city === region.city),
    );
    if (places.length === 1) {
      region.city ??= places[0]!.city;
      region.province ??= places[0]!.province;
    }
  }
  if (region.city && !region.province) region.province = PREFECTURES.get(region.city) ?? null;
  return region;
}

/** What a report's or a form's title ends with. */
const TITLE_END =
  /(?:(?:绩效)?(?:自评|自我评价|评价|自评价)(?:总结)?(?:报告|表(?!格)|情况)|绩效评价报告|自评报告)(?:\s*[（(](?:(?:19|20)\d{2}|20xx)\s*年度?[）)]|[（(][^（()）\n]{0,16}(?:资金|经费|项目)[）)])?|(?<=(?:19|20)\d{2}\s*年度?\s*[^\n，。；,]{0,30}?)(?:部门|单位)?决算(?:公开)?(?:情况说明|编制说明|公开说明|说明|报告)?(?=\s*(?:\n|$|[（(]?目\s*录|第一部分))/u;
/** Words a document never starts a title with: navigation, file names, uploader boilerplate. */
const NOT_TITLE = /由会员分享|可在线阅读|请在|搜索|下载|浏览|发布时间|来源[:：]|\.(?:docx?|pdf|xlsx?|wps)|^(?:并|和|及|撰写|形成|开展|组织|按照|根据|对|将|由|在|通过)/u;

/**
 * The document's title when no heading states it: the first phrase in the opening text that ends
 * like a report title ("…绩效自评报告", "…自评表(2023年度)"), skipping file-name lines and page
 * furniture. Web pages and text dumps put navigation before it.
 */
export function findTitle(text: string): { text: string; start: number } | null {
  return findTitleFrom(text, true) ?? findTitleFrom(text, false);
}

/** findTitle after the page furniture near the top (`afterFurniture`), or from the start. */
function findTitleFrom(text: string, afterFurniture: boolean): { text: string; start: number } | null {
  // Web-page furniture ("来源:财务科 2019-07-09 浏览量:1", "【字体: 大 中 小】打印") sits between the
  // page's <title> and the document's own title: start after the last of it near the top.
  let from = 0;
  // ("资金来源:" is a form's field, not a byline.)
  if (afterFurniture) for (const m of text.slice(0, 600).matchAll(/(?:(?<!资金)来源[:：]|发布时间[:：]|浏览量[:：]?|浏览次数[:：]?|【?字体[:：]|打印|关闭窗口)[^\n]{0,40}?(?=[\n|｜]|[\u4e00-\u9fff]{4})/gu)) from = m.index + m[0].length;
  const head = text.slice(from, from + 2500);
  const re = new RegExp(TITLE_END.source, 'gu');
  for (const m of head.matchAll(re)) {
    const end = m.index + m[0].length;
    // A file name ("…自评报告.docx") is not the title.
    if (/^\s*\.(?:docx?|pdf|xlsx?|wps)/iu.test(head.slice(end, end + 6))) continue;
    let start = m.index;
    while (start > 0 && end - start < 60) {
      const ch = head[start - 1]!;
      if (/[\n|｜\t。；！？!?：:《》“”"【】\[\]，,]/u.test(ch)) break;
      if (ch === ' ' && !/[A-Za-z0-9]/u.test(head[start - 2] ?? '')) break;
      if (/\.(?:pdf|docx?|xlsx?|wps)$/iu.test(head.slice(Math.max(0, start - 6), start))) break;
      start--;
    }
    const raw = head.slice(start, end);
    // Drop list and attachment markers: "1、", "附件:1.", "附件1".
    const title = raw
      .replace(/^\s*(?:(?:PAGE\s*)+\d*\s*)/u, '')
      .replace(/^(?:[\]】\s]*|大中小|打印|关闭)+/u, '')
      .replace(/^\s*(?:附件\s*[:：]?\s*\d*[.、．]?|\d+[、.．])\s*/u, '')
      // "现将2022年西平县交通运输局…绩效自评总结报告如下": the title inside the sentence that announces it.
      .replace(/^(?:现将|特将|现就|兹将)/u, '')
      .trim();
    // A title quoted in an uploader's sentence ("《….docx》由会员分享") or page furniture is not it.
    if (NOT_TITLE.test(title) || head[start - 1] === '《') continue;
    // "第二部分2021年度部门决算说明" is a section of the document, not its title.
    if (isOutlineHeading(title)) continue;
    if (Array.from(title).length < 6) continue;
    // A cover that prints the year on its own line above the rest: "2023年度\n益阳市箴言中学部门决算".
    const year = /(?:^|\n)[ \t]*((?:19|20)\d{2}\s*年度?)[ \t]*\n[ \t]*$/u.exec(head.slice(Math.max(0, start - 16), start));
    if (year && !yearOf(title)) return { text: year[1]! + title, start: from + start - (head.slice(0, start).length - head.slice(0, start).lastIndexOf(year[1]!)) };
    return { text: title, start: from + start + raw.indexOf(title) };
  }
  return null;
}

/** Some pages print the title twice around the unit's name: "X(市场监管经开区分局)X" → X. */
function undoubleTitle(title: string): string {
  // A template site's "X【模板】Y": the title is X.
  title = title.replace(/【(?:模板|范文|范本)】.*$/u, '');
  const twice = /^(.{6,})[（(][^（()）]{1,20}[）)]\1$/u.exec(title.replace(/\s+/gu, ''));
  return twice ? twice[1]! : title;
}

/** Organisation suffixes: a department name ends with one of these. */
const ORG_SUFFIX =
  /(?:局|委|委员会|办公室|办|院|中心|会|联合会|所|站|队|部|厅|署|处|学校|党校|中学|小学|幼儿园|大学|学院|馆|团|社|室|政府|街道办事处|街道|镇|乡|公司|集团|场|园|残联|分局|监狱|医院|卫生院)$/u;

/** A fund designation between the unit's name and the title's tail: "耒阳市第四中学|专项资金", "镜湖区残联|中央转移支付". */
const FUND_DESIGNATION = /(?:中央|省级|市级|县级|区级)?(?:专项资金|(?:专项)?转移支付)$/u;

/**
 * The unit a title starts with: "2021年茂名市发展和改革局整体支出绩效自评报告" → 茂名市发展和改革局.
 * A fund designation may stand between the name and the title's tail.
 */
function departmentInTitle(title: string): string | null {
  // "2021年茂名市发展和改革局整体支出绩效自评报告": the year may come first.
  const bare = title.replace(/^(?:(?:19|20)\d{2}|20xx)\s*年度?/u, '');
  const m = TITLE_TAIL.exec(bare);
  if (!m || m.index === 0) return null;
  const name = cleanDepartment(bare.slice(0, m.index));
  if (!name) return null;
  if (ORG_SUFFIX.test(name)) return name;
  const unit = cleanDepartment(name.replace(FUND_DESIGNATION, ''));
  if (unit && unit !== name && ORG_SUFFIX.test(unit)) return unit;
  return unitAtStart(name);
}

/** Suffixes that end a unit's name for sure: "城乡" ends with 乡 but names no township. */
const STRONG_ORG_SUFFIX = /(?:局|厅|委员会|委|办公室|中心|学校|党校|中学|小学|幼儿园|医院|卫生院|人民政府|街道办事处|联合会|残联|管理处|管理站|大学|学院)$/u;

/** Longer unit names that extend a shorter one: 人民政府 + 办公室, 财政局 + 分局 … */
const UNIT_EXTENSION = /^(?:办公室|委员会|办事处|分局|中心|服务中心|管理处|管理站|管理所|服务站)$/u;

/**
 * The unit a project title starts with: "耒阳市水利局农村饮水安全工程项目" → 耒阳市水利局. The
 * shortest prefix that ends like a unit, extended by a unit word right after it (…人民政府办公室);
 * it must name a place, so that "全民健身场地设施" names no unit.
 */
function unitAtStart(name: string): string | null {
  const chars = Array.from(name);
  for (let i = 3; i < chars.length; i++) {
    let unit = chars.slice(0, i).join('');
    if (!STRONG_ORG_SUFFIX.test(unit)) continue;
    for (let j = i + 1; j <= Math.min(chars.length, i + 4); j++) {
      // "…卫生健康委" + "员会": the longer unit word; "…人民政府" + "办公室": a unit within it.
      if (UNIT_EXTENSION.test(chars.slice(i, j).join('')) || (j <= i + 2 && ORG_SUFFIX.test(chars.slice(0, j).join('')) && /^(?:委员会|联合会|办公室|中心)$/u.test(chars.slice(Math.max(0, j - 3), j).join('')))) unit = chars.slice(0, j).join('');
    }
    const r = regionOf(unit);
    return (r.province || r.city || r.county) && cleanDepartment(unit) ? unit : null;
  }
  return null;
}

/** A title without the site chrome a web page or a collector put before it: "# title:", "当前位置：首页>>…>>". */
export function stripSiteChrome(title: string): string {
  const crumb = BREADCRUMB.exec(title);
  const bare = (crumb ? title.slice(crumb.index + crumb[0].length) : title).replace(FIELD_PREFIX, '').replace(INDEX_PREFIX, '').replace(SITE_LINKS, '').trim();
  const unchromed = bare.replace(TITLE_CHROME, '').trim();
  return Array.from(unchromed).length >= 6 ? unchromed : bare;
}

/**
 * The unit a breadcrumb trail ends with ("当前位置：首页>>政务公开>>部门信息>>天长市水利局"), when
 * it is a unit of a named place.
 */
function breadcrumbUnit(text: string): string | null {
  const crumb = BREADCRUMB.exec(text.slice(0, 1500));
  if (!crumb) return null;
  const after = text.slice(crumb.index + crumb[0].length);
  const m = /^([\u4e00-\u9fff（）()]{4,30}?)(?=\s|$|(?:19|20)\d{2}|关于)/u.exec(after);
  const name = m ? cleanDepartment(m[1]!) : null;
  if (!name || !ORG_SUFFIX.test(name) || /财政|人民政府|政府办公室|网站|门户/u.test(name)) return null;
  const r = regionOf(name);
  return r.province || r.city || r.county ? name : null;
}

/** Field names of a form's header cells that hold the reporting unit. */
const UNIT_FIELD =
  /(?<!中央|省级|市级)(?:单位名称|部门[（(]单位[）)]名称|部门名称|项目单位|预算部门(?:单位)?|预算单位|主管部门|实施单位|填报单位|评价单位)[\s|｜:：]*(?:[（(](?:盖章|公章)[）)])?[\s|｜:：]*(?:\d+[-—])?([\u4e00-\u9fff（）()]{3,40}?)(?=[\s|｜\t]|$|[，。；]|项目|单位[：:]|主管|实施|填报|联系|评价(?:单位|方式|机构)|下属单位|预算编码|资金使用)/gmu;

/**
 * The unit a web page's byline names ("来源:安居区市场监管局"), when it is a unit of a named place.
 * Portals and finance bureaus publish for others, so their bylines say nothing about the unit.
 */
function bylineUnit(text: string): string | null {
  const m = /来源[:：]\s*([\u4e00-\u9fff（）()]{4,30}?)(?=\s|$|发布|日期|时间|浏览|分享|字体|打印|【|文字|作者|录入|访问|点击)/mu.exec(text.slice(0, 1500));
  return placeUnit(m?.[1]);
}

/** A unit of a named place, not a publisher for others (finance bureaus, governments, portals). */
function placeUnit(raw: string | undefined): string | null {
  const name = raw ? cleanDepartment(raw) : null;
  if (!name || !ORG_SUFFIX.test(name) || /财政|人民政府|政府办公室|网站|门户/u.test(name)) return null;
  const r = regionOf(name);
  return r.province || r.city || r.county ? name : null;
}

/** The publisher a government page's metadata names: "发布机构 | 腾冲市林业和草原局 |". */
function publisherUnit(text: string): string | null {
  const m = /发布机构\s*[:：]?[\s|｜]*([\u4e00-\u9fff（）()]{4,30}?)(?=[\s|｜]|$|公开|责任|主题|发文|发布|生成)/mu.exec(text.slice(0, 1500));
  return placeUnit(m?.[1]);
}

/** A line that is only a unit's name, right above the title: "青川县司法局\n关于2021年度…的自评报告". */
function unitLineBefore(doc: SourceDocument, titleStart: number): string | null {
  const lineStart = doc.text.lastIndexOf('\n', titleStart - 1);
  if (lineStart <= 0) return null;
  const prev = doc.text.slice(doc.text.lastIndexOf('\n', lineStart - 1) + 1, lineStart).trim();
  const name = cleanDepartment(prev);
  // ("中共湖南省委党校(湖南行政学院)": a second name in brackets.)
  return name && name === prev && ORG_SUFFIX.test(name.replace(/[（(][^（）()]*[）)]$/u, '')) ? name : null;
}

/**
 * The unit a report introduces with an abbreviation: "湖北残疾人联合会（以下简称“省残联”）成立绩效自评工作专班".
 * Only the first such name, and not a finance bureau (which directs the evaluation).
 */
function abbreviatedUnit(text: string): string | null {
  const m = /([^\s，,。；;：:、（()）《》“”"]{4,24})[（(]以下简称/u.exec(text.slice(0, 2000));
  const name = m ? cleanDepartment(m[1]!) : null;
  return name && ORG_SUFFIX.test(name) && !/财政/u.test(name) ? name : null;
}

/** A 区域 form names the province's authorities: "省级财政部门 | 四川省财政厅". */
function provinceOfAuthorities(text: string): string | null {
  const m = /省级(?:财政部门|主管部门)[\s|｜:：]*([\u4e00-\u9fff]{2,10})/u.exec(text.slice(0, 3000));
  return (m && PROVINCES.find((p) => m[1]!.startsWith(p))) ?? null;
}

/**
 * A unit evaluates under the rules of its own government or a higher one: "根据《益阳市财政局关于开展…
 * 绩效自评…的通知》", "按照《中共芜湖市委办公室 芜湖市人民政府办公室…》". The first place so cited
 * fills the region's levels above the most specific one already known.
 */
function fillRegionFromIssuer(region: Region, text: string): void {
  const m = /(?:根据|按照|依据)[《〈<“"]?(?:中共)?([\u4e00-\u9fff]{2,12}?(?:省|市|县|区|州))(?:财政局|财政厅|委办公室|人民政府)/u.exec(text.slice(0, 4000));
  if (!m) return;
  const issuer = regionOf(m[1]!);
  const levels = ['province', 'city', 'county'] as const;
  const known = levels.reduce((deepest, level, i) => (region[level] ? i : deepest), -1);
  levels.forEach((level, i) => {
    if (i < (known < 0 ? levels.length : known)) region[level] ??= issuer[level];
  });
}

/** A numbered heading is a section, not the document's title: 一、 （一） 一是 第四部分. */
function isOutlineHeading(text: string): boolean {
  return OUTLINE_MARKER.test(text.trim()) || /^[一二三四五六七八九十]+是/u.test(text.trim());
}

/**
 * A title that starts on a breadcrumb's line ("政务公开 > 财政 > 2021市级部门决算专题\n北京市文物局
 * 2021年度部门决算", or a trail joined by normalization to the title line): what follows that raw
 * line's break, else the title without its trail.
 */
function titleAfterTrail(doc: SourceDocument, span: { start: number; end: number; text: string }): string {
  const rawStart = doc.toRaw[span.start] ?? 0;
  const rawEnd = doc.toRaw[span.end] ?? rawStart;
  const lineStart = doc.rawText.lastIndexOf('\n', rawStart - 1) + 1;
  const lineEnd = doc.rawText.indexOf('\n', rawStart);
  const onTrail = /(?:>>|>|»|›)/u.test(doc.rawText.slice(lineStart, lineEnd < 0 ? rawEnd : Math.min(lineEnd, rawEnd)));
  if (onTrail && lineEnd >= 0 && lineEnd < rawEnd) {
    for (let i = span.start; i < span.end; i++) if (doc.toRaw[i]! > lineEnd) return doc.text.slice(i, span.end).trim();
  }
  const trail = TRAIL.exec(span.text);
  return trail ? span.text.slice(trail[0].length) : span.text;
}

/** The unit a 决算's outline names: "第一部分 洪江市人民政府办公室概况". */
function outlineUnit(text: string): string | null {
  const m = /第一部分[\s:：]*([\u4e00-\u9fff（）()]{4,30}?)(?:部门|单位)?(?:基本)?概况/u.exec(text.slice(0, 3000));
  const name = m ? cleanDepartment(m[1]!) : null;
  return name && ORG_SUFFIX.test(name) ? name : null;
}

/** Report-level facts: title, kind, department, fiscal year, region. */
export function extractReportInfo(doc: SourceDocument, seg: Segmentation, hintTitle?: string): ReportInfo {
  const text = doc.text;
  // A first line carrying page furniture ("…发布时间:2023-12-05【字体:打印…") is not the title, nor is a
  // numbered heading ("一是单位整体绩效自评情况", "第四部分2021年度部门绩效评价情况").
  let title = seg.title && !/发布时间|来源[:：]|浏览|字体[:：]/u.test(seg.title.text) && !isOutlineHeading(seg.title.text) ? titleAfterTrail(doc, seg.title).replace(/^(?:附件\s*[:：]?\s*\d*[.、．]?)/u, '') : null;
  if (!title && hintTitle) title = hintTitle;
  const clean = (t: string | null) => (t ? undoubleTitle(stripSiteChrome(t.replace(/\s*\n\s*/gu, ''))) || null : null);
  const foundTitle = () => {
    const found = findTitle(text);
    return clean(found ? titleAfterTrail(doc, { ...found, end: found.start + found.text.length }) : null);
  };
  title = clean(title) ?? foundTitle();
  let department: string | null = title ? departmentInTitle(title) : null;
  if (title && !department) {
    // A heading without the unit ("2022年度部门决算情况说明") under a title line that names it.
    const other = foundTitle();
    const unit = other && other !== title ? departmentInTitle(other) : null;
    if (unit && other) [title, department] = [other, unit];
  }
  {
    // A form's header cells: "主管部门 | 219-池州市贵池区棠溪镇人民政府", "实施单位 (盖章) | 青神县发展和改革局",
    // "部门(单位)名称:岳阳市城市管理监督指挥中心预算编码:…" (spaces between cells lost).
    for (const m of text.slice(0, 3000).matchAll(UNIT_FIELD)) {
      const name = cleanDepartment(m[1]!.replace(/[（(]?本级[）)]?$/u, ''));
      if (name && ORG_SUFFIX.test(name)) {
        // The form's cell names the unit in full ("南昌县黄马乡蚕茶卫生院" for the title's "蚕茶卫生院").
        if (!department || (name.length > department.length && name.endsWith(department))) department = name;
        break;
      }
    }
  }
  if (title) {
    const at = text.indexOf(title.slice(0, 12));
    const unit = at > 0 ? unitLineBefore(doc, at) : null;
    // "中共湖南省委党校(湖南行政学院)\n2021年度部门整体支出绩效自评报告": the unit's line opens the title.
    if (unit && /^(?:(?:19|20)\d{2}\s*年|关于)/u.test(title) && !departmentInTitle(title)) [title, department] = [unit + title, department ?? unit];
    department ??= unit;
  }
  department ??= outlineUnit(text) ?? abbreviatedUnit(text) ?? bylineUnit(text) ?? publisherUnit(text) ?? breadcrumbUnit(text);
  const fiscalYear = (title ? yearOf(title) : null) ?? formYear(text) ?? dominantYear(text.slice(0, 4000));
  const kind = kindOf(title ?? '', text);
  const region = regionOf(department ?? title ?? '');
  // "湖北残疾人联合会" under a title "湖北省残疾人事业发展补助资金…": the title names the province.
  region.province ??= (department && title ? regionOf(title).province : null) ?? provinceOfAuthorities(text);
  fillRegionFromIssuer(region, text);
  return { title, kind, department, fiscalYear, region };
}
