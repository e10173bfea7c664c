import type { SourceDocument } from '../ingest/document.js';
import type { Region, ReportKind } from '../schema/record.js';
import type { Segmentation } from '../segment/segment.js';
import {
  BREADCRUMB,
  DOCUMENT_MASTHEAD,
  ALL_PROJECTS_COUNT,
  DEPARTMENT_KIND_BODY,
  DEPARTMENT_KIND_TITLE,
  FUND_PERFORMANCE_ANNOUNCEMENT,
  PROJECT_EVALUATED_SENTENCE,
  PROJECT_SUBTITLE_LINE,
  PROJECTS_IN_GENERAL_TITLE,
  FIELD_PREFIX,
  IMAGE_LINK,
  INDEX_PREFIX,
  OUTLINE_MARKER,
  PAGE_FIELD,
  PAGE_FOOTER,
  SENTENCE_GOES_ON,
  SPAM_RUN,
  PROJECT_KIND_BODY,
  PROJECT_KIND_TITLE,
  REPORT_NAME_WORD,
  SITE_LINKS,
  SITE_NAME,
  SPAM_WORDS,
  TEMPLATE_COLLECTION_SUFFIX,
  TITLE_CHROME,
  TITLE_TAG,
  TITLE_WITH_SITE_SUFFIX,
  TRAIL,
  UNIT_YEAR_EVALUATION_TITLE,
} from '../vocabulary/index.js';
import { PROVINCES, shortNameOf } from '../vocabulary/regions.js';
import { noticeShapeOf } from './document-kind.js';
import { placeRunEnds, regionOf } from './region.js';
import { decideUnit, type UnitDecision } from './unit/decide.js';
import { yearOf } from './fiscal-year.js';
import { cleanDepartment, departmentInTitle, unitLineBefore } from './unit/finders.js';
import { ORGAN_END } from '../vocabulary/units.js';
import { isContentsEntry, titleFromShapes, TITLE_SHAPES } from './title-shapes.js';

export { regionOf } from './region.js';

export interface ReportInfo {
  title: string | null;
  kind: ReportKind;
  department: string | null;
  region: Region;
  /** How the department was chosen among the units the sources named (record.reportRoles). */
  unit: UnitDecision;
}




export function kindOf(title: string, body: string): ReportKind {
  if (noticeShapeOf(title, body)) return 'unknown';
  if (DEPARTMENT_KIND_TITLE.test(title)) return 'department_overall';
  const unit = departmentInTitle(title);
  const afterUnit = unit && title.includes(unit) ? title.slice(title.indexOf(unit) + unit.length) : title;
  // (A cited document's name says what that document is about: "根据《…关于开展部门整体支出和项目支出绩效评价工作的通知》".)
  const head = body.slice(0, 3000).replace(CITED_TITLE, '《》');
  if (reportsOnAllProjects(afterUnit, head)) return 'department_overall';
  if (PROJECT_KIND_TITLE.test(title)) return 'project';
  // A unit's title of its year over a bracketed project name ("…推广站2019年度绩效自评报告" / "(…推广项目)").
  if (PROJECT_SUBTITLE_LINE.test(body.slice(0, SUBTITLE_REACH))) return 'project';
  if (unit && title.includes(unit) && UNIT_YEAR_EVALUATION_TITLE.test(afterUnit)) return 'department_overall';
  if (DEPARTMENT_KIND_BODY.test(head)) return 'department_overall';
  if (PROJECT_KIND_BODY.test(head) || FUND_PERFORMANCE_ANNOUNCEMENT.test(head) || PROJECT_EVALUATED_SENTENCE.test(head)) return 'project';
  return 'unknown';
}

/** How far into the text a bracketed project line under the title may stand (after a page's index fields). */
const SUBTITLE_REACH = 1500;

/**
 * A title on the unit's projects in general ("…关于2023年度项目绩效自评工作的报告") over an opening that counts all
 * the department's projects, two or more ("共安排支出项目4个"): the report covers the whole department.
 */
function reportsOnAllProjects(titleAfterUnit: string, head: string): boolean {
  if (!PROJECTS_IN_GENERAL_TITLE.test(titleAfterUnit)) return false;
  const m = ALL_PROJECTS_COUNT.exec(head);
  return m !== null && Number(m[1] ?? m[2]) >= 2;
}

/** A document cited by its name in 《》. */
const CITED_TITLE = /《[^《》\n]{0,80}》/gu;

/**
 * What a report's or a form's title ends with (…自评的报告, …自评总报告, …评价情况表, …绩效监控总结报告, …决算公开表 and …2022年部门预算 too;
 * …绩效评价工作开展情况 ending its line or before a bulleted byline, t850; a target declaration's …绩效目标表 ending its
 * line or before its year, "项目支出绩效目标表\n(2023年度)", t676, without the year as labelled),
 * and the headings of documents that are no self-evaluation but read like one (an allocation notice
 * "关于下达…的通知" standing alone above its addressee, a fund's "…使用情况的公告"). A 决算's kind words may
 * stand on the line below its year and unit ("2023年度乌海市供销合作社联合社\n决算公开"), or end with its scope
 * ("…部门决算(本级)", "…2021年部门决算(汇总)", t977) before a bulleted byline ("•发布时间:"); a notice's title may be followed by its number ("[财综〔2021〕20号]").
 */
const TITLE_END =
  /(?:(?:绩效)?(?:自评|自我评价|评价|自评价)(?:总结|总)?(?:(?:情况|结果)的报告|(?<=[\u4e00-\u9fff]{2}(?:自评|自我评价|评价|自评价))(?:情况|结果)报告(?![如于给])|的?报告(?:结果)?的?(?:公示|公开)?|(?:基础数据)?表(?!格)|(?:结果|情况)?的?(?:公告|公示|公开)|情况表(?!格)|情况的?(?:说明|汇报)|情况|工作(?:开展)?情况(?=[ \t]*(?:\n|$|[•·]))|(?:结果|综述)(?=[ \t]*(?:\n|$)))|绩效评价报告|自评报告|绩效监控(?:总结)?报告|(?:事前)?绩效评估报告)(?:\s*[（(](?:(?:19|20)\d{2}|20xx)\s*年度?[）)]|[（(][^（()）\n，。；:：]{1,24}[）)])?|绩效目标(?:申报)?表(?=[ \t]*(?:\n|$|[|｜]|[（(](?:19|20)\d{2}))|(?<=(?:下达|分配|拨付|预拨|^关于)[^\n，。；《》]{2,80}?)的(?:紧急|补充)?通知(?=\s*(?:\n|$|各[^\n，。；]{1,20}[:：]|[\[［【(（]?[\u4e00-\u9fff]{1,8}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*\d+\s*号))|(?<=(?:绩效|评价)[^\n，。；《》]{0,20}?)整改(?:落实)?(?:情况|工作)的?报告(?![如于给])|(?<=(?:绩效|评价)[^\n，。；《》]{0,40}?)的通报(?=\s*(?:\n|$|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|来源[:：]|发布(?:时间|日期)[:：]))|(?:筹集|分配|安排|使用)[、和及与]?(?:分配|使用)?情况的?(?:公告|公布)(?![如于》”])|(?<=资金[^\n，。；《》|｜]{0,40}?)分配(?:方案|明细表|表)(?=\s*(?:[|｜\n]|$))|(?<=(?:19|20)\d{2}(?:\s*年度?\s*[^\n，。；,]{0,30}?)?(?:[ \t]*\n[ \t]*)?)(?:(?:部门|单位)?决算|(?:部门|单位)预算)(?:公开)?(?:情况说明|编制说明|公开说明|说明|报告|公开表)?(?:[（(](?:公开|本级|汇总)[）)])?(?=\s*(?:\n|$|[（(]?目\s*录|第一部分|[•·]?\s*(?:来源[:：]|发布(?:时间|日期)[:：])))/u;
/** Does a phrase end like a title? (TITLE_END at its end; the last 40 characters decide.) */
function endsLikeTitle(phrase: string): boolean {
  const tail = phrase.slice(-40);
  for (const m of tail.matchAll(TITLE_END_ALL)) if (m.index + m[0].length === tail.length) return true;
  return false;
}
const TITLE_END_ALL = new RegExp(TITLE_END.source, 'gu');
/**
 * Words a document never starts a title with: navigation, file names, uploader and essay-site boilerplate ("下面是小编为大家整理的…"),
 * and a sentence's opening verb (a form's instructions "结合自评情况,说明…" end in 自评情况 too) or a unit speaking of
 * itself ("我院2019年度部门整体支出绩效自评分为88分", "现将我市…自评报告如下": t827, t635; "本部门按要求对2020年部门整体支出
 * 绩效评价情况开展自评", t838).
 */
const NOT_TITLE = /由会员分享|可在线阅读|请在|搜索|下载|浏览|发布时间|来源[:：]|小编|为大家(?:精心)?(?:整理|收集|准备|推荐)|\.(?:docx?|pdf|xlsx?|wps)|^(?:并|和|及|撰写|形成|开展|组织|按照|根据|对|针对|结合|将|由|在|通过|我(?=[院市局县区校委所站镇乡部单中])|本(?=部门|单位))/u;

/**
 * The document's title when no heading states it: the first phrase in the opening text that ends
 * like a report title ("…绩效自评报告", "…自评表(2023年度)"), skipping file-name lines and page
 * furniture. Web pages and text dumps put navigation before it.
 */
export function findTitle(text: string): { text: string; start: number } | null {
  return findTitleFrom(text, true) ?? findTitleFrom(text, false);
}

type FoundTitle = { text: string; start: number };

/**
 * The title phrases of one text, each pass (after the furniture, from the top) read once and only
 * as far as asked: the title pattern is the slow part of reading a report's facts.
 */
function titleSearch(text: string): { first(): FoundTitle | null; candidates(): FoundTitle[] } {
  const passes = [true, false].map((after) => ({ items: [] as FoundTitle[], gen: titlesFrom(text, after), done: false }));
  const nth = (pass: 0 | 1, i: number): FoundTitle | null => {
    const p = passes[pass]!;
    while (p.items.length <= i && !p.done) {
      const r = p.gen.next();
      if (r.done) p.done = true;
      else p.items.push(r.value);
    }
    return p.items[i] ?? null;
  };
  return {
    first: () => nth(0, 0) ?? nth(1, 0),
    // The first after the page furniture, and those above it (above a byline).
    candidates: () => {
      const after = nth(0, 0);
      const out = after ? [after] : [];
      for (let i = 0; ; i++) {
        const t = nth(1, i);
        if (!t || (after && t.start >= after.start)) return out;
        out.push(t);
      }
    },
  };
}

/** findTitle after the page furniture near the top (`afterFurniture`), or from the start. */
function findTitleFrom(text: string, afterFurniture: boolean): { text: string; start: number } | null {
  for (const t of titlesFrom(text, afterFurniture)) return t;
  return null;
}

/** Where the web-page furniture near the top ends (0 when there is none). */
function furnitureEnd(text: string): number {
  let from = 0;
  // ("资金来源:" is a form's field, not a byline; "浏览量主题词2019年度…": a year starts the title, and so
  // does a place before it, "打印怀远县2021年度…".)
  for (const m of text.slice(0, 600).matchAll(/(?:(?<!资金)来源[:：]|发布时间[:：]|浏览量[:：]?|浏览次数[:：]?|【?字体[:：]|打印|关闭窗口)[^\n]{0,40}?(?=[\n|｜]|[\u4e00-\u9fff]{4}|[\u4e00-\u9fff*＊]{0,12}(?:19|20)\d{2}\s*年)/gu)) from = m.index + m[0].length;
  return from;
}

/** Every phrase that reads as the title, in order (see findTitleFrom). */
function* titlesFrom(text: string, afterFurniture: boolean): Generator<{ text: string; start: number }> {
  // Web-page furniture ("来源:财务科 2019-07-09 浏览量:1", "【字体: 大 中 小】打印") sits between the
  // page's <title> and the document's own title: start after the last of it near the top.
  const from = afterFurniture ? furnitureEnd(text) : 0;
  // A footer's "下一篇：…决算公开" names another page: the title stands above it.
  const window = text.slice(from, from + 2500);
  const footer = PAGE_FOOTER.exec(window);
  // A mirror's injected spam is read as if absent ("2021年度365bet…365betvipX镇人民政府部门决算").
  const { text: head, at } = withoutSpam(footer ? window.slice(0, footer.index) : window);
  const re = new RegExp(TITLE_END.source, 'gu');
  for (const m of head.matchAll(re)) {
    const end = m.index + m[0].length;
    // A file name ("…自评报告.docx") is not the title.
    if (/^\s*\.(?:docx?|pdf|xlsx?|wps)/iu.test(head.slice(end, end + 6))) continue;
    // An item of a sentence's list ("针对绩效重点评价报告、整体支出绩效评价报告中反映的问题") names a kind of report, not this one.
    if (head[end] === '、') continue;
    // A phrase that a 》 closes is inside a cited document's name ("附件2:《2019年度“红十字事业发展工作经费”项目绩效
    // 自评表》.docx", its start cut at the quote: t850), not the document's own heading.
    if (head[end] === '》') continue;
    // A target table's caption is the title of a document that opens with it, not of a notice that attaches one
    // after its sentences or among its attachments ("…请严格执行。附件:2020年…资金绩效目标表", t783; "附件:1.…分配表
    // 2.专项转移支付绩效目标表", t470).
    if (TARGET_TABLE_END.test(m[0]) && /。|附件/u.test(head.slice(0, m.index))) continue;
    // A clause the sentence goes on from ("…省发改委近日联合通报2016年度…绩效评价情况,由第三方机构…", t559), the
    // object of the verb that announces the report ("现将项目绩效自评情况报告如下", t851) or the subject of a verb
    // of saying ("1月20日,绩效评价报告认为,", t559) is no heading.
    if (SENTENCE_GOES_ON.test(head.slice(end, end + 4))) continue;
    let start = m.index;
    while (start > 0 && end - start < 60) {
      const ch = head[start - 1]!;
      // A heading wrapped after its 关于 ("奉节县财政局关于\n调整下达…的通知") goes on above the break.
      if (ch === '\n' && WRAPPED_AFTER_ABOUT.test(head.slice(Math.max(0, start - 20), start - 1))) {
        start--;
        continue;
      }
      // A heading wrapped before its kind words ("市公路局2020年度公路养护类项目\n自评结果") goes on above the break.
      if (ch === '\n' && wrappedBeforeTail(head, start, end)) {
        start--;
        continue;
      }
      if (/[\n|｜\t。；！？!?：:《》“”"【】\[\]，,]/u.test(ch)) break;
      if (ch === ' ' && !/[A-Za-z0-9]/u.test(head[start - 2] ?? '')) break;
      if (/\.(?:pdf|docx?|xlsx?|wps)$/iu.test(head.slice(Math.max(0, start - 6), start))) break;
      start--;
    }
    // A note in brackets glued before the title ("…(注:以下内容为附件图片识别,…请以附件为准)部门预算项目支出绩效自评表(2023年度)"):
    // the title starts after it.
    start = afterBracketedNote(head, start, end);
    const raw = head.slice(start, end);
    // Drop list and attachment markers: "1、", "附件:1.", "附件1"; an attachment's number is one or two digits,
    // never the year glued after it ("附件12020年度项目绩效自评报告", t727).
    const title = raw
      .replace(/^\s*(?:(?:PAGE\s*)+\d*\s*)/u, '')
      .replace(/^(?:[\]】\s]*|大中小|打印|关闭)+/u, '')
      .replace(ATTACHMENT_MARKER, '')
      // "现将2022年西平县交通运输局…绩效自评总结报告如下": the title inside the sentence that announces it.
      .replace(/^(?:现将|特将|现就|兹将)/u, '')
      .trim();
    // A title quoted in an uploader's sentence ("《….docx》由会员分享") or page furniture is not it.
    if (NOT_TITLE.test(title) || head[start - 1] === '《') continue;
    // "第二部分2021年度部门决算说明" is a section of the document, not its title.
    if (isOutlineHeading(title)) continue;
    // "第三部分：X2022年度部门决算情况说明" in the contents names a part of the document.
    if (isContentsEntry(head, start, title)) continue;
    if (Array.from(title).length < 6) continue;
    // A phrase cut inside a bracket at a quote ("…(“两强一增”行动)绩效目标自评表") is the tail of a name.
    if (!bracketsBalance(title)) continue;
    // A cover that prints the year on its own line above the rest: "2023年度\n益阳市箴言中学部门决算".
    const year = /(?:^|\n)[ \t]*((?:19|20)\d{2}\s*年度?)[ \t]*\n[ \t]*$/u.exec(head.slice(Math.max(0, start - 16), start));
    if (year && !yearOf(title)) yield { text: year[1]! + title, start: from + at(head.slice(0, start).lastIndexOf(year[1]!)) };
    else yield { text: title, start: from + at(start + raw.indexOf(title)) };
  }
}

/**
 * A text with the spam a mirror injected (SPAM_RUN) removed (a line break where it stood inside a line),
 * and `at`, which maps an offset in it back to the offset in the text given.
 */
function withoutSpam(text: string): { text: string; at: (i: number) => number } {
  const cuts: { at: number; length: number }[] = [];
  let removed = 0;
  // A run inside a line ends the phrase before it, as spamOff reads a title ("X局[spam]2024年度…报告" →
  // "2024年度…报告"); at a line's end it is only removed.
  const out = text.replace(SPAM_RUN, (run: string, offset: number, whole: string) => {
    const within = /[^\s]/u.test(whole[offset + run.length] ?? '\n') && offset > 0 && whole[offset - 1] !== '\n';
    const kept = within ? '\n' : '';
    cuts.push({ at: offset - removed + kept.length, length: run.length - kept.length });
    removed += run.length - kept.length;
    return kept;
  });
  if (cuts.length === 0) return { text, at: (i) => i };
  return { text: out, at: (i) => i + cuts.filter((c) => c.at <= i).reduce((n, c) => n + c.length, 0) };
}

/** The end TITLE_END gives a target declaration's caption: "项目支出绩效目标表", "…绩效目标申报表". */
const TARGET_TABLE_END = /^绩效目标(?:申报)?表$/u;

/** A list or attachment marker opening a phrase: "1、", "附件:1.", "附件1" (not the year after it, "附件12020年度…"). */
const ATTACHMENT_MARKER = /^\s*(?:附件\s*[:：]?\s*(?:\d{1,2}(?=\s*(?:19|20)\d{2}\s*年)|\d+(?![\d年]))?[.、．]?|\d+[、.．])\s*/u;

/** A heading's line that stops after its 关于 (and year): "奉节县财政局关于", "湘阴县文旅广体局关于2020年". */
const WRAPPED_AFTER_ABOUT = /关于(?:(?:19|20)\d{2}\s*年度?)?[ \t]*$/u;

/**
 * Is the phrase at `start` a title's kind words alone on their line ("自评结果", "绩效自评报告"), under a
 * line that opens a title and does not end one: a year or a place first, no punctuation or page
 * furniture, short ("市公路局2020年度公路养护类项目")?
 */
function wrappedBeforeTail(head: string, start: number, end: number): boolean {
  const tail = head.slice(start, end);
  if (Array.from(tail).length > 8 || /\d/u.test(tail) || placeRunEnds(tail).length > 0) return false;
  const lineStart = head.lastIndexOf('\n', start - 2) + 1;
  const above = head.slice(lineStart, start - 1).trim();
  const length = Array.from(above).length;
  return length >= 6 && length <= 40 && /(?:19|20)\d{2}/u.test(above) && (startsLikeTitle(above) || departmentInTitle(above) !== null) && !/[。；，,：:！？!?|｜>»_、]/u.test(above) && !NOT_TITLE.test(above) && !endsLikeTitle(above);
}

/**
 * Where a phrase starts once a bracketed note that closes inside it is cut off: a bracket opened before
 * `start` on its line and closed between `start` and `end`, holding a sentence's punctuation (a note, "(注:…,…)").
 * A bracket without it ("(“两强一增”行动)绩效目标自评表") is part of a name: `start` stays.
 */
function afterBracketedNote(head: string, start: number, end: number): number {
  let depth = 0;
  let close = -1;
  for (let i = start; i < end; i++) {
    const ch = head[i]!;
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && --depth < 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return start;
  const lineStart = head.lastIndexOf('\n', start - 1) + 1;
  const open = Math.max(head.lastIndexOf('(', start - 1), head.lastIndexOf('（', start - 1));
  if (open < lineStart || !/[,，:：。；;]/u.test(head.slice(open + 1, close))) return start;
  return close + 1;
}

/** Does every closing bracket of a phrase follow its opening one? */
function bracketsBalance(phrase: string): boolean {
  let depth = 0;
  for (const ch of phrase) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && --depth < 0) return false;
  }
  return true;
}

/**
 * A PDF dump that prints every run twice ("20152015年度省级…与年度省级…"): the title cannot be read as
 * one run, so none is taken.
 */
const DOUBLED_RUN = /((?:19|20)\d{2})\1/u;
/** An attachment's number opening a title: "附件3", "附件：1.". */
// (An attachment's number, never the year that opens the title: "附件: 2016年…".)
const ATTACHMENT_NUMBER = /^附件\s*[:：]?\s*(?:\d{1,2}(?![\d年]))?[.、．]?\s*(?=\S{6})/u;
/**
 * A page number a text dump glued before the heading ("1 2016年妇女儿童…绩效评价报告", "1东方市…绩效评价报告":
 * t784, t811): one or two digits before a year or a name, three set apart before a year ("100 2017年度…", a
 * running header's page, t922), never a count or an item's number (3个, 1、) — and never a three-digit
 * service name (110指挥中心, 120急救中心).
 */
const PAGE_NUMBER_BEFORE_TITLE = /^(?:\d{1,2}\s*(?=(?:19|20)\d{2}\s*年|(?![年月日号个项条类次名人万元亿])[\u4e00-\u9fff])|\d{3}\s+(?=(?:19|20)\d{2}\s*年))/u;

/** "X(修改)附件1项目支出绩效自评表": a page title joined to its attachment's own heading is X. */
function attachmentOff(title: string): string {
  const m = /^(.{6,}?)附件\s*\d*\s*[:：]?\s*[^\s:：].{4,}$/u.exec(title);
  return m && endsLikeTitle(m[1]!) ? m[1]! : title;
}

/**
 * A title without the words a spam mirror injected (SPAM_WORDS): of the pieces between them, the last
 * that ends like a title, else the longest ("乐山市民政局365体育网址,皇冠足球体育2024年度…绩效自评报告" →
 * "2024年度…绩效自评报告"; "亚博下注体育 部门整体支出绩效评价指标熊猫试玩app官网下载安卓版" → "部门整体支出绩效评价指标").
 */
function spamOff(title: string): string {
  const pieces = title.split(SPAM_WORDS).map((p) => p.replace(/^[\s,，:：_\-—|]+|[\s,，:：_\-—|]+$/gu, ''));
  if (pieces.length < 2) return title;
  const titled = pieces.filter((p) => Array.from(p).length >= 6 && endsLikeTitle(p)).at(-1);
  const longest = pieces.reduce((a, b) => (Array.from(b).length > Array.from(a).length ? b : a), '');
  return titled ?? (Array.from(longest).length >= 6 ? longest : title);
}

/** Some pages print the title twice around the unit's name, or twice before a form's heading: "X(市场监管经开区分局)X" → X. */
function undoubleTitle(title: string): string {
  // A template site's "X【模板】Y": the title is X.
  title = title.replace(/【(?:模板|范文|范本)】.*$/u, '').replace(TEMPLATE_COLLECTION_SUFFIX, '');
  // ("X(市场监管经开区分局)X", "X云南省应急管理厅-凯发体育下载X": a mirror's title, the page's, the title again.)
  const twice = /^(.{8,})(.{0,40})\1$/u.exec(title.replace(/\s+/gu, ''));
  if (twice) return twice[1]!;
  // "XX财政项目支出绩效自评表": a page title printed twice, then the heading of a form it holds; the title is X.
  const repeated = /^(.{8,})\1(.*)$/u.exec(title.replace(/\s+/gu, ''));
  // (X names a report: a site's name printed twice before the title is not it.)
  if (repeated && REPORT_NAME_WORD.test(repeated[1]!)) return repeated[1]!;
  // A mirror's brand as a label, then again glued before the title ("S: S2016年…绩效评价报告", t863): the title is what follows.
  const branded = /^([^\s:：]{2,12})\s*[:：]\s*\1(.{6,})$/u.exec(title);
  return branded && endsLikeTitle(branded[2]!) ? branded[2]! : title;
}

/** A title without the site chrome a web page or a collector put before it: "# title:", "当前位置：首页>>…>>". */
export function stripSiteChrome(title: string): string {
  const crumb = BREADCRUMB.exec(title);
  const bare = (crumb ? title.slice(crumb.index + crumb[0].length) : title).replace(IMAGE_LINK, '').replace(FIELD_PREFIX, '').replace(INDEX_PREFIX, '').replace(SITE_LINKS, '').trim();
  // (An index number or a field's name may follow the furniture TITLE_CHROME cuts: "成文日期：2023-05-01监督索引号5304…",
  // "•发布日期2022-08-29•文件标题X".)
  const unchromed = siteNamesOff(bare.replace(TITLE_CHROME, '').replace(INDEX_PREFIX, '').replace(FIELD_PREFIX, '').replace(DOCUMENT_MASTHEAD, '').replace(PAGE_FIELD, '').trim());
  return Array.from(unchromed).length >= 6 ? unchromed : bare;
}

/**
 * A page title joins the report's title and site names with "_", "|" or "】": "站名_站名-【栏目】2022年度…
 * 绩效自评报告", "…绩效自评报告_某某网". The one piece that ends like a title is the title.
 */
function siteNamesOff(title: string): string {
  if (/【(?:模板|范文|范本)】/u.test(title)) return title;
  // ("关于…自评情况的报告-临沧市林业和草原局": a dash before a unit's or a site's name.)
  const suffixed = TITLE_WITH_SITE_SUFFIX.exec(title);
  if (suffixed && endsLikeTitle(suffixed[1]!) && (ORGAN_END.test(suffixed[2]!) || SITE_NAME.test(suffixed[2]!))) return suffixed[1]!;
  const pieces = title.split(/[_|｜】]/u).map((p) => p.replace(/^[\s\-—【]+/u, '').trim());
  if (pieces.length < 2) return title;
  const titled = pieces.filter((p) => Array.from(p).length >= 8 && endsLikeTitle(p));
  return titled.length === 1 ? titled[0]! : title;
}

/**
 * The document's own heading on the line right after the page's title that it restates in full
 * ("县档案馆2024年…自评报告" then "寻甸回族彝族自治县档案馆2024年…自评报告"; "…2022年部门决算公开" then
 * "…2022年度部门决算"): a line that ends like a title and holds the page title's end or shares its start.
 * A page's byline may stand between them, and a page title may carry a channel tag the heading drops
 * ("(直达资金)X" / byline / "X"; "(临时救助)绩效目标自评表" / "绩效目标自评表(2019年度)").
 */
function restatedTitle(text: string, title: string): string | null {
  const at = text.indexOf(title);
  if (at < 0) return null;
  let lineEnd = text.indexOf('\n', at + title.length);
  if (lineEnd < 0 || text.slice(at + title.length, lineEnd).trim() !== '') return null;
  // (Past a byline only for a tagged page title: an untagged one under its byline is restated as it
  // stands, or cut short, "…2020年度部门决算公开说明" / byline / "…2020年度部门决算" + "公开说明".)
  // (A page may print its title again, <title> then <h1>, before the heading that restates it.)
  const tagged = TITLE_TAG.test(title);
  for (let bylines = 0, repeats = 0; ; ) {
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    const next = text.slice(lineEnd + 1, nextEnd < 0 ? undefined : nextEnd).replace(/\s+/gu, '').replace(/[|｜]+$/u, '');
    if (next === title && repeats < 3 && nextEnd >= 0) repeats++;
    else if (!BYLINE.test(next)) return restates(next, title) ? next : null;
    else if (!tagged || bylines++ > 0 || nextEnd < 0) return null;
    lineEnd = nextEnd;
  }
}

/** A page's byline or buttons on a line: what follows it may still restate the page title. */
const BYLINE = /时间[:：]|字体|字号|投稿|(?<!资金)来源[:：]|浏览/u;

/** Does a line restate the page title (see restatedTitle)? */
function restates(next: string, title: string): boolean {
  if (next === title || title.startsWith(next) || Array.from(next).length > 80 || NOT_TITLE.test(next)) return false;
  const bare = title.replace(TITLE_TAG, '');
  // (The page title's own end: the heading need not end like a report's, "…预算草案的报告".)
  if (restatesWithoutPlaces(next, bare)) return true;
  if (!endsLikeTitle(next)) return false;
  let common = 0;
  while (common < Math.min(next.length, bare.length) && next[common] === bare[common]) common++;
  return next.endsWith(title) || common >= 10 || (bare !== title && next.startsWith(bare));
}

/**
 * A page title that adds 关于 and the places above the unit to the heading it restates: "(贵州省)关于黔东南州黄平县2022年
 * 预算执行情况…的报告" over "黄平县2022年预算执行情况…的报告" (the tag already off).
 */
function restatesWithoutPlaces(next: string, bare: string): boolean {
  const core = bare.replace(/^关于/u, '');
  if (core === bare || Array.from(next).length < 10 || !core.endsWith(next)) return false;
  const lead = core.slice(0, core.length - next.length);
  return lead !== '' && placeRunEnds(lead).includes(lead.length);
}

/** Whoever a page's byline or metadata names as its publisher, finance bureaus and governments included. */
function pagePublisher(text: string): string | null {
  const m = /(?:发布机构|信息来源|(?<!资金)来源)[\s|｜:：]*([\u4e00-\u9fff]{3,30}?)(?=[\s|｜]|$|发布|日期|时间|作者|公开|主题|文号)/mu.exec(text.slice(0, 1500));
  return m ? m[1]! : null;
}

/**
 * A level the gazetteer filled above the unit's place ("黄平县财政局" → 黔东南苗族侗族自治州) is written as the text
 * prints it when the text prints only its short name ("关于黔东南州黄平县…"); a text that prints the official name keeps it.
 */
function spellAsPrinted(region: Region, department: string | null, text: string): void {
  for (const level of ['province', 'city', 'county'] as const) {
    const official = region[level];
    const short = official ? shortNameOf(official) : null;
    if (!official || !short || short === official || department?.includes(official) || text.includes(official)) continue;
    if (text.includes(short)) region[level] = short;
  }
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
function titleAfterTrail(doc: SourceDocument, whole: { start: number; end: number; text: string }): string {
  // (A found title may carry a cover's year line put back before it: its text is then not the span's.)
  const own = doc.text.slice(whole.start, whole.end) === whole.text ? titleOwnLines(doc, whole) : whole.start;
  const span = own === whole.start ? whole : { start: own, end: whole.end, text: doc.text.slice(own, whole.end) };
  const rawStart = doc.toRaw[span.start] ?? 0;
  const rawEnd = doc.toRaw[span.end] ?? rawStart;
  const lineStart = doc.rawText.lastIndexOf('\n', rawStart - 1) + 1;
  const lineEnd = doc.rawText.indexOf('\n', rawStart);
  const onTrail = /(?:>>|>|»|›)/u.test(doc.rawText.slice(lineStart, lineEnd < 0 ? rawEnd : Math.min(lineEnd, rawEnd)));
  if (onTrail && lineEnd >= 0 && lineEnd < rawEnd) {
    for (let i = span.start; i < span.end; i++) if (doc.toRaw[i]! > lineEnd) return doc.text.slice(i, span.end).trim();
  }
  const trail = TRAIL.exec(span.text);
  if (!trail) return span.text;
  // The trail's last item, a channel, before the title on its line: "…> 预算绩效 临沧市…2022年度…报告" (the raw
  // text keeps the space that normalization drops between them).
  const rest = span.text.slice(trail[0].length);
  const rawRest = doc.rawText.slice(doc.toRaw[span.start + trail[0].length] ?? 0);
  const channel = /^([\u4e00-\u9fff]{2,8})[ \t\u3000]+(?=\S)/u.exec(rawRest)?.[1];
  return channel && rest.startsWith(channel) && !ORGAN_END.test(channel) && startsLikeTitle(rest.slice(channel.length)) ? rest.slice(channel.length) : rest;
}

/** How a title starts: its year, 关于, 中共, or a place of the gazetteer. */
const startsLikeTitle = (text: string) => /^(?:(?:19|20)\d{2}|二〇|关于|中共)/u.test(text) || placeRunEnds(text).length > 0;

/**
 * The title's own lines. Normalization joins a short line to the next, so a phrase that ends like a
 * title may begin with the lines above it: a site's name, a channel ("正文", "信息阅读", "民生工程"),
 * a page's title. At a break in the raw text the title starts again when what follows starts like a
 * title (year, 关于, a place) or the line before it is short with no year; a line that is only a
 * unit's name stays (it opens the title: "中共湖南省委党校(湖南行政学院)\n2021年度…"). Latest break first.
 */
function titleOwnLines(doc: SourceDocument, span: { start: number; end: number }): number {
  for (let i = span.end - 1; i > span.start; i--) {
    const rawBefore = doc.toRaw[i - 1]!;
    const rawAt = doc.toRaw[i]!;
    if (rawAt - rawBefore <= 0 || !doc.rawText.slice(rawBefore, rawAt).includes('\n')) continue;
    const rest = doc.text.slice(i, span.end).trim();
    const lineStart = doc.rawText.lastIndexOf('\n', rawBefore) + 1;
    const rawLine = doc.rawText.slice(lineStart, doc.rawText.indexOf('\n', rawBefore) < 0 ? undefined : doc.rawText.indexOf('\n', rawBefore)).trim();
    const unit = cleanDepartment(rawLine);
    if (unit === rawLine && ORGAN_END.test(unit.replace(/[（(][^（）()]*[）)]$/u, ''))) continue;
    // A title wrapped before its year: a line that starts like a title, with no year and no chrome
    // ("永兴县农业保险保费补贴\n2020年度绩效自评报告"); a site's name is chrome.
    if (startsLikeTitle(rawLine) && !/(?:19|20)\d{2}|[|｜>»:：_]/u.test(rawLine) && !SITE_NAME.test(rawLine)) continue;
    // A heading wrapped after its 关于 ("奉节县财政局关于\n调整下达…的通知") starts above the break.
    if (WRAPPED_AFTER_ABOUT.test(doc.text.slice(Math.max(span.start, i - 20), i).trimEnd())) continue;
    // A cover's year on its own line ("2023年度\n益阳市箴言中学部门决算") opens the title too.
    if (/^(?:19|20)\d{2}\s*年度?$/u.test(rawLine)) continue;
    // What follows must be a title by itself, not its wrapped end ("项目支出绩效自评表\n(2022年度)").
    if (!endsLikeTitle(rest) || /^[（(]/u.test(rest)) continue;
    const shortChrome = Array.from(rawLine).length <= 12 && !/(?:19|20)\d{2}/u.test(rawLine);
    // (A line of a list or a sentence, commas in it, is no title's first line: a mirror's keywords, "…,美腿丝袜".)
    const listed = /[,，。；;]/u.test(rawLine);
    if (Array.from(rest).length >= 8 && (startsLikeTitle(rest) || listed || (shortChrome && /(?:19|20)\d{2}/u.test(rest)))) return i;
  }
  return span.start;
}

/** Report-level facts: title, kind, department, fiscal year, region. */
export function extractReportInfo(doc: SourceDocument, seg: Segmentation, hintTitle?: string): ReportInfo {
  const text = doc.text;
  // A first line carrying page furniture ("…发布时间:2023-12-05【字体:打印…") is not the title, nor is a
  // numbered heading ("一是单位整体绩效自评情况", "第四部分2021年度部门绩效评价情况").
  let title = seg.title && !/发布时间|来源[:：]|浏览|字体[:：]/u.test(seg.title.text) && !isOutlineHeading(seg.title.text) ? titleAfterTrail(doc, seg.title).replace(ATTACHMENT_NUMBER, '') : null;
  if (!title && hintTitle) title = hintTitle;
  // (An attachment's number before the title, "附件3四川省…绩效自评报告", once the chrome before it is off.)
  const clean = (t: string | null) => (t && !DOUBLED_RUN.test(t) ? attachmentOff(undoubleTitle(spamOff(stripSiteChrome(t.replace(/\s*\n\s*/gu, ''))).replace(ATTACHMENT_NUMBER, '').replace(PAGE_NUMBER_BEFORE_TITLE, ''))) || null : null);
  const cleanFound = (found: { text: string; start: number } | null) => clean(found ? titleAfterTrail(doc, { ...found, end: found.start + found.text.length }) : null);
  const search = titleSearch(text);
  const foundTitle = () => cleanFound(search.first());
  // No heading line: a 决算's cover above its contents, else the first phrase that ends like a title,
  // else a document site's file name (title-shapes.ts).
  let headline = false;
  const shaped = (when: 'before_search' | 'after_search') => {
    const found = titleFromShapes(doc, TITLE_SHAPES.filter((s) => s.when === when));
    headline = found?.headline ?? false;
    return found ? spamOff(found.title) : null;
  };
  title = clean(title) ?? shaped('before_search') ?? foundTitle() ?? shaped('after_search');
  const placeless = (t: string) => Object.values(regionOf(t)).every((v) => v === null);
  if (title) title = restatedTitle(text, title) ?? title;
  // Other phrases that read as the title, for a unit the chosen one does not name.
  // (Read only when the chosen title names no unit: finding them all is the slow part of this step.)
  let others: string[] | null = null;
  const otherTitles = () => (others ??= search.candidates().map(cleanFound).filter((t): t is string => t !== null));
  if (title && !departmentInTitle(title) && placeless(title)) {
    // A heading without the unit ("2022年度部门决算情况说明") under a title line that names it.
    // ("北京市朝阳区雨禾艺术幼儿园2021年度部门决算" above the byline, "2021年度部门决算公开" below it.)
    const other = otherTitles().find((t) => t !== title && departmentInTitle(t));
    if (other) title = other;
  }
  if (title && !departmentInTitle(title)) {
    const at = text.indexOf(title.slice(0, 12));
    const unit = at > 0 ? unitLineBefore(doc, at) : null;
    // "中共湖南省委党校(湖南行政学院)\n2021年度部门整体支出绩效自评报告": the unit's line opens the title.
    if (unit && /^(?:(?:19|20)\d{2}\s*年|关于)/u.test(title)) title = unit + title;
  }
  const chosen = title;
  const unit = decideUnit({ doc, title, otherTitles: () => (chosen && departmentInTitle(chosen) ? [] : otherTitles().filter((t) => t !== chosen)) });
  const department = unit.name;
  // (A news item's headline, "…安排资金458亿元…", says nothing of what kind of self-evaluation the page
  // is; a notice's headline, "关于下达…资金的通知", still says the page is a notice, t783.)
  const kind = headline && title && noticeShapeOf(title, text) ? 'unknown' : kindOf(headline ? '' : (title ?? ''), text);
  let region = regionOf(department ?? (headline ? '' : (title ?? '')));
  // No unit taken and a title without a place: the units the sources named still place the report
  // (an abstained "昌宁县更戛乡" publisher, a finance bureau's byline publishing for its county).
  if (Object.values(region).every((v) => v === null)) {
    const named = [...unit.candidates.map((c) => c.name), pagePublisher(text)].find((n) => n && Object.values(regionOf(n)).some((v) => v !== null));
    if (named) region = regionOf(named);
  }
  // "湖北残疾人联合会" under a title "湖北省残疾人事业发展补助资金…": the title names the province.
  region.province ??= (department && title ? regionOf(title).province : null) ?? provinceOfAuthorities(text);
  fillRegionFromIssuer(region, text);
  spellAsPrinted(region, department, text);
  return { title, kind, department, region, unit };
}
