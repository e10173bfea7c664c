/**
 * Outline markers and web-site chrome: how a document numbers its headings and list items, and the
 * page furniture around a published text that is not part of it.
 */

/** 第一部分, 第三章, 第二节, 第五条: a chapter of a document. */
export const CHAPTER_MARK = '第[一二三四五六七八九十百零〇\\d]+[章节部分条篇]';
/** 一、 二. : a section numbered in Chinese. */
export const SECTION_MARK = '[一二三四五六七八九十百]+[、.．]';
/** （一） (二): a subsection numbered in Chinese. */
export const SUBSECTION_MARK = '[（(][一二三四五六七八九十百]+[）)]';
/** 1. 1、: a list item numbered in digits (not "1.5%", a number at a line start). */
export const ITEM_MARK = '\\d{1,2}[、.．](?!\\d)';
/** (1) ①: a sub-item. */
export const SUBITEM_MARK = '[（(]\\d{1,2}[）)]|[①-⑳]';

/**
 * The glyphs Word's list numbering formats write (w:numFmt), so a DOCX list label reads as the
 * markers above: 〇一二… for chineseCounting, ①… for decimalEnclosedCircle, ⑴… for
 * decimalEnclosedParen, 甲乙丙… (天干) and 子丑寅… (地支) for the ideograph formats.
 */
export const LIST_GLYPHS = {
  chineseDigits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
  circled: '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳',
  parenthesized: '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇',
  tiangan: '甲乙丙丁戊己庚辛壬癸',
  dizhi: '子丑寅卯辰巳午未申酉戌亥',
} as const;

/** Outline markers that start a heading or a list item: 一、 （一） (1) 1. 1、 ① 第一章. */
export const OUTLINE_MARKER = new RegExp(`^(?:${CHAPTER_MARK}|${SECTION_MARK}|${SUBSECTION_MARK}|${ITEM_MARK}|${SUBITEM_MARK})`, 'u');
/** A heading numbered in Chinese (一、 （一） 第一部分): a wrapped sentence never starts like this. */
export const HEADING_MARKER = new RegExp(`^(?:${CHAPTER_MARK}|${SECTION_MARK}|${SUBSECTION_MARK})`, 'u');
/** The outline level each marker starts: 第X部分 and 一、 1, （一） 2, 1. 3, (1) and ① 4. */
export const OUTLINE_LEVELS: readonly { level: number; marker: RegExp }[] = [
  { level: 1, marker: new RegExp(`^(?:${CHAPTER_MARK}|${SECTION_MARK})`, 'u') },
  { level: 2, marker: new RegExp(`^(?:${SUBSECTION_MARK})`, 'u') },
  { level: 3, marker: new RegExp(`^(?:${ITEM_MARK})`, 'u') },
  { level: 4, marker: new RegExp(`^(?:${SUBITEM_MARK})`, 'u') },
];

/** What separates a breadcrumb's items: "首页 >> 政务公开 > …", "首页 » …". */
export const TRAIL_SEPARATOR = '(?:>>|>|»|›|→)';

/** The words that open a breadcrumb: 当前位置, 您现在的位置 …. */
const LOCATION_WORDS = '当前(?:所在)?的?位置|您现在的位置|您的位置|所在的?位置|现在位置';

/**
 * A breadcrumb trail: "当前位置：首页>>政务公开>>财政资金>>…", "您现在的位置: 首页 > 信息公开 > …", "您当前所在的位置:首页>…".
 * The trail ends at the last separator; what follows it on the line may be the unit or the title.
 */
export const BREADCRUMB = new RegExp(`(?:${LOCATION_WORDS})\\s*[:：]?\\s*(?:[^\\n>»›→]{0,30}(?:>>|>|»|›|→|\\/)\\s*)+`, 'u');
/** A breadcrumb without its "当前位置", on a line of its own from the home page: "首页 >> 部门信息公开 >> 牟定县交通运输局 >> 正文". */
export const HOME_TRAIL = new RegExp(`(?:^|\\n)[ \\t]*(?:网站)?首页\\s*${TRAIL_SEPARATOR}(?:[^\\n>»›→]{0,30}${TRAIL_SEPARATOR}\\s*)+`, 'u');
/** A trail of breadcrumb items at the start of a line, with or without its "当前位置": ">>政务公开>>重点领域>>". */
export const TRAIL = new RegExp(`^\\s*(?:(?:${LOCATION_WORDS})\\s*[:：]?\\s*)?(?:[^\\n>»›]{0,20}?\\s*(?:>>|>|»|›)\\s*)+`, 'u');
/** Site links glued before a title: "设为首页|加入收藏", "网站首页". */
export const SITE_LINKS = /^\s*(?:(?:加入收藏|设为首页|网站首页|无障碍浏览|English)\s*[|｜]?\s*)+/u;
/** A page's index number glued before its title: "监督索引号53092200631901000", "索引号:0123/2023-00183", after a button ("收藏监督索引号…"). */
export const INDEX_PREFIX = /^\s*(?:收藏|打印|分享)?\s*(?:监督)?索引号\s*[:：]?\s*[\dA-Za-z/\-]+/u;
/**
 * An official document's masthead and number before its title: "邵阳市北塔区财政局文件邵北财农绩﹝2023﹞1号关于
 * 下达…的通知". The title starts after the number.
 */
export const DOCUMENT_MASTHEAD = /^[\u4e00-\u9fff]{2,30}文件\s*[\u4e00-\u9fff]{1,12}\s*[〔﹝\[［(（【]\s*(?:19|20)\d{2}\s*[〕﹞\]］)）】]\s*\d{1,4}\s*号\s*/u;
/** A word processor's page field left in a dump: "…项目PAGE——PAGE 1—2016年…" (the title starts again after it). */
export const PAGE_FIELD = /^.*PAGE\s*[—\-–]*\s*PAGE\s*\d*\s*[—\-–]*\s*/u;
/**
 * A collector's or converter's field prefix: "# title:", "# source:", "标题：", and a portal's metadata
 * label before the title ("标      题 X", a portal's bulleted list "•成文日期…•文件标题 X", t942: no title starts
 * with the word 标题).
 */
export const FIELD_PREFIX = /^\s*(?:#\s*(?:title|source|url|标题|来源)\s*[:：]|[•·]?\s*(?:文件)?标\s*题\s*[:：]?)\s*/iu;

/**
 * A page's footer: links to the previous and next articles, related reading, the site's ownership
 * and registration. What follows is another page's title or the site's, never this report's.
 */
export const PAGE_FOOTER = /(?:上一篇|下一篇|上一条|下一条|相关阅读|相关文章|相关链接|版权所有|网站标识码|ICP备|主办单位)\s*[:：]?/u;
/**
 * A page's buttons and channel words that flattening glues before a name ("本站打印关闭西区…",
 * "信息阅读大同…"): everything up to the last of them goes.
 */
export const PAGE_BUTTONS = /^.*(?:打印(?:本页)?|关闭(?:窗口|本页)?|分享到?|信息阅读|字[号体][:：]?\s*[【\[]?大\s*中\s*小[】\]]?)[】\]]?\s*[|｜]?\s*/u;
/**
 * A page title that ends with the name of the site or unit after a dash or a bar: "关于…自评情况的报告-临沧市林业和
 * 草原局", "…绩效自评报告_某某县人民政府". Group 1 is the report's title, group 2 the name.
 */
export const TITLE_WITH_SITE_SUFFIX = /^(.{6,}?)[ \t]*(?:[-—–]{1,2}|[_|｜])[ \t]*([\u4e00-\u9fff（）()]{3,30})[ \t]*$/mu;
/**
 * A web page's byline line, right below a news or notice page's headline: "来源:天津日报", "发布时间:2023-04-05
 * 16:23信息来源:…", "2018-06-12 07:27:10 来源: 人民日报", "信息提供日期 : 2023-03-27", "作者/整理 X 来源:互联网" (not a
 * form's "资金来源:").
 */
export const BYLINE_LINE = /(?<!资金)来源\s*[:：]|^(?:发布|信息提供|发文|成文|更新)(?:时间|日期)\s*[:：]|^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}/u;
/** A channel's tag before a page's headline: "【公示公开】2021年学生资助资金情况公示" (a template site's 【模板】 is no channel). */
export const CHANNEL_TAG = /^\s*【(?!模板|范文|范本)[\u4e00-\u9fff]{2,8}】\s*(?=\S{6})/u;
/** A page's image in Markdown, which a collector keeps before the heading: "![日间,照料,老年人](/img/big_111.jpg)". */
export const IMAGE_LINK = /^\s*!\[[^\]\n]*\]\([^)\n]*\)\s*/u;
/** A site's own name on its line: "某某县人民政府门户网站", "中国政府网". */
export const SITE_NAME = /(?:网站|门户|政府网|信息网|新闻网)$/u;

/**
 * How a title line ends (…自评报告, …自评表, …情况说明, …自评结果公告, …2021年度部门决算, …决算编制说明): such a
 * line is never continued by the body, so normalization does not join the next line to it.
 */
export const TITLE_LINE_END = /(?:报告|报告书|自评表|评价表|情况说明|(?:自评|评价)(?:结果|情况)?的?(?:公告|公示)|(?:项目|资金|经费|支出|绩效)(?:自评|评价)结果|(?:19|20)\d{2}\s*年度?[^\n，。；,]{0,30}?决算(?:公开)?(?:编制说明|公开说明|说明)?)$/u;

/**
 * Page furniture glued before a title by flattening: uploader and viewer buttons, metadata fields,
 * publication dates ("上传文档查看更多白碱滩区…", "2024-08-19常德市…", "组配分类2024年度…"), a page
 * counter ("1/1年学生资助项目…"). The
 * title starts after the last of them.
 */
export const TITLE_CHROME =
  /^.*(?:简介|查看更多|上传文档|关闭页面|页面关闭|放大\s*缩小|稿件页|组配分类|公开时限|是否有效有效|时效性\s*[:：]?\s*(?:有效|失效|已?废止)|(?:成文|发布|生成)日期\s*|\d{4}-\d{1,2}-\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|第\s*\d+\s*页(?:\s*\/\s*共\s*\d+\s*页)?|名称\s*[:：]|^web|(?<![\d/])\d{1,3}\s*\/\s*\d{1,3}(?![\d/]))\s*/u;

/**
 * Words a gambling or adult-content mirror injects into a page's headings, before, inside or after the
 * report's own: betting brands and sites ("亚博下注体育", "365体育网址", "皇冠足球体育", "优米体育足球",
 * "365bet体育投注网站", "澳客官方网站"), app teasers ("熊猫试玩app官网下载安卓版", "365骑士版app下载"), video
 * teasers ("免费高清大全", "看片老司机"). No report title holds them: 体育 alone is a bureau's word (spam only
 * before 投注/网址/官网/app or after a brand), "bet" only with a number (not "Alphabet"), and a brand that
 * is also a word ("大发展", "开云") only with a betting word after it.
 */
const SPAM_TOKENS = [
  '(?:亚博|优米|凯发|新普京|九游|华体会|必威|乐鱼)(?:体育|足球|在线|投注|下注|娱乐|网址|vip|app)*',
  '(?:大发|开云|皇冠)(?:体育|足球|在线|投注|下注|娱乐|网址|vip|app)+',
  '365(?:体育|足球|在线|投注|下注|娱乐|网址)+',
  '\\d+[a-z]*bet[a-z\\d]*|bet\\d+',
  '\\d*体育(?:投注|下注)(?:网站|网址|平台)?|\\d*体育(?:网址|官网|app)',
  '\\d*[\\u4e00-\\u9fff]{0,4}app(?:官网)?下载(?:安卓版|苹果版|最新版)?',
  '[\\u4e00-\\u9fff]{0,2}试玩(?:app)?(?:官网)?(?:下载)?(?:安卓版|苹果版)?',
  '(?:体育|娱乐|彩票)网址',
  '澳客(?:官方网站|官网)',
  '在线观看|免费高清(?:大全)?|看片|老司机|精品一区|无遮挡|www',
];
/** The spam words, one at a time (a title is split at them). */
export const SPAM_WORDS = new RegExp(SPAM_TOKENS.join('|'), 'giu');
/** Words a gambling mirror injects before a unit's name ("手机彩票网团结湖街道办事处"): page chrome, not the name. */
export const SPAM_PREFIX = /^[\u4e00-\u9fff]{0,6}?(?:彩票网|娱乐网址?|娱乐城|娱乐平台|体育平台|博彩网)/u;
/** A run of spam words with the "_", "-", "," and spaces that join them (removed from a page's opening). */
export const SPAM_RUN = new RegExp(`(?:[ \\t_,，\\-—]*(?:${SPAM_TOKENS.join('|')}))+[ \\t_,，\\-—]*`, 'giu');

/** A document's contents heading, also as a PDF dump interleaves it with the first entry: "目 录", "目 第一部分 录". */
export const CONTENTS_HEADING = /目\s*(?:第[一二三四五六七八九十]+部分\s*)?录/u;
/**
 * An entry of a document's contents or outline: "第三部分：X2022年度部门决算情况说明", "表一：收入支出决算总表".
 * A title never holds one; a phrase after one on its line is a section, not the document.
 */
export const CONTENTS_ENTRY = /第[一二三四五六七八九十\d]+部分|(?:^|\n)[ \t]*表[一二三四五六七八九十\d]+\s*[:：]/u;
/** A document file's extension, as document sites and dumps print the file name: "X.pdf", "《X.docx》". */
export const FILE_EXTENSION = /\.(?:docx?|pdf|xlsx?|wps|pptx?)/iu;
/** Words of a report's or a 决算's name: a file name holding none of them names no report. */
export const REPORT_NAME_WORD = /决算|预算|绩效|自评|评价|报告|说明/u;
/** A channel tag a page puts before a title: "(直达资金)X", "(临时救助)X". */
export const TITLE_TAG = /^[（(][^（）()\d]{1,8}[）)]/u;
/**
 * What follows a phrase that ends like a title inside a sentence, not as a heading: a comma, the verb announcing
 * the report ("现将项目绩效自评情况报告如下"), a verb of saying ("绩效评价报告认为,").
 */
export const SENTENCE_GOES_ON = /^(?:[，,]|(?:报告|汇报)如下|认为|指出|显示|表明)/u;
