/**
 * Outline markers and web-site chrome: how a document numbers its headings and list items, and the
 * page furniture around a published text that is not part of it.
 */

/** Outline markers that start a heading or a list item: 一、 （一） (1) 1. 1、 ① 第一章. */
export const OUTLINE_MARKER =
  /^(?:第[一二三四五六七八九十百零〇]+[章节部分条篇]|[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])/u;

/**
 * A breadcrumb trail: "当前位置：首页>>政务公开>>财政资金>>…", "您现在的位置: 首页 > 信息公开 > …".
 * The trail ends at the last separator; what follows it on the line may be the unit or the title.
 */
export const BREADCRUMB = /(?:当前位置|您现在的位置|您的位置|所在位置|现在位置)\s*[:：]?\s*(?:[^\n>»›→]{0,30}(?:>>|>|»|›|→|\/)\s*)+/u;
/** A trail of breadcrumb items at the start of a line, with or without its "当前位置": ">>政务公开>>重点领域>>". */
export const TRAIL = /^\s*(?:(?:当前位置|您现在的位置|您的位置|所在位置|现在位置)\s*[:：]?\s*)?(?:[^\n>»›]{0,20}?\s*(?:>>|>|»|›)\s*)+/u;
/** A line that is only navigation: 首页 | 政务公开 | 新闻中心 …, or "网站首页". */
export const NAVIGATION_LINE = /^\s*(?:(?:网站)?首页|主页|政务公开|信息公开|新闻中心|政府信息公开|办事服务|互动交流)(?:\s*[|｜>»/\s]\s*[\u4e00-\u9fff]{2,8}){1,}\s*$/mu;
/** Site links glued before a title: "设为首页|加入收藏", "网站首页". */
export const SITE_LINKS = /^\s*(?:(?:加入收藏|设为首页|网站首页|无障碍浏览|English)\s*[|｜]?\s*)+/u;
/** A page's index number glued before its title: "监督索引号53092200631901000", "索引号:0123/2023-00183". */
export const INDEX_PREFIX = /^\s*(?:监督)?索引号\s*[:：]?\s*[\dA-Za-z/\-]+/u;
/** A collector's or converter's field prefix: "# title:", "# source:", "标题：". */
export const FIELD_PREFIX = /^\s*#\s*(?:title|source|url|标题|来源)\s*[:：]\s*/iu;

/**
 * How a title line ends (…自评报告, …自评表, …情况说明, …2021年度部门决算, …决算编制说明): such a
 * line is never continued by the body, so normalization does not join the next line to it.
 */
export const TITLE_LINE_END = /(?:报告|报告书|自评表|评价表|情况说明|(?:19|20)\d{2}\s*年度?[^\n，。；,]{0,30}?决算(?:公开)?(?:编制说明|公开说明|说明)?)$/u;
