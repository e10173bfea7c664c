/**
 * Where a report's title stands when no heading line states it, and where a phrase that ends like a
 * title is not one: named shapes, each a small rule, run in order by `titleFromShapes`.
 * (report-info.ts reads the heading first; these speak only when it finds none, or to veto a phrase.)
 */
import type { SourceDocument } from '../ingest/document.js';
import { BYLINE_LINE, CHANNEL_TAG, CONTENTS_ENTRY, CONTENTS_HEADING, FILE_EXTENSION, REPORT_NAME_WORD, SITE_NAME, TITLE_LINE_END } from '../vocabulary/index.js';
import { AFTER_ORGAN, ORGAN_END } from '../vocabulary/units.js';
import { placeRunEnds } from './region.js';

export interface TitleShape {
  /** Stable name, for tests and for reading why a title was taken. */
  name: string;
  /** Before the search for a phrase that ends like a title, or only when it finds none. */
  when: 'before_search' | 'after_search';
  /** The title this shape finds in the document, whitespace removed, or null. */
  find: (doc: SourceDocument) => string | null;
  /** A page's headline (a news item's, a notice's) names no kind of document: the kind is read from the body alone. */
  headline?: true;
}

/** Page furniture on a line: bylines, dates, counters, buttons, breadcrumbs, metadata fields. */
const FURNITURE = /来源[:：]|发布|时间[:：]|浏览|字体|字号|打印|关闭|分享|索引号|[>»›|｜_]|[:：]\s*$/u;
/** Sentence punctuation: a line holding it is body text, not a cover. */
const SENTENCE = /[。；，,！？!?]/u;

const squeeze = (s: string) => s.replace(/\s+/gu, '');
const startsLikeTitle = (s: string) => /^(?:(?:19|20)\d{2}|二〇|中共|关于)/u.test(s) || placeRunEnds(s).length > 0 || isUnitLine(s.split(/(?:19|20)\d{2}/u)[0]!);
/** A line that is only a unit's name ("海南省应急管理厅(本级)"): it opens the title below it. */
function isUnitLine(s: string): boolean {
  return s.length >= 4 && s.length <= 40 && !/\d/u.test(s) && ORGAN_END.test(s.replace(AFTER_ORGAN, ''));
}

/**
 * A 决算's cover: the lines right above its contents ("海南省应急管理厅(本级) / 2021年度单位决算 / 目录",
 * "X2019年部门决算 1 目录" with its page number, "X 2022 年度决算 目 第一部分 录"). Read upwards from
 * 目录 until the lines start like a title (a year, a place, 中共), taking a unit's own line above a year;
 * page furniture, a file name or a sentence ends the cover. It names a year and ends like a 决算 or
 * report title, or with the unit ("2023年度…河东街道办事处").
 */
export function coverBeforeContents(doc: SourceDocument): string | null {
  const head = doc.text.slice(0, 800);
  const contents = CONTENTS_HEADING.exec(head);
  if (!contents) return null;
  const lines = rawLines(doc, contents.index)
    .join('\n')
    .replace(/[ \t]*\d{1,3}[ \t]*$/u, '')
    .split('\n')
    .map(squeeze);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let cover = '';
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i--) {
    const line = lines[i]!;
    const opensTitle = cover === '' || !startsLikeTitle(cover) || (/^(?:19|20)\d{2}/u.test(cover) && isUnitLine(line));
    if (!opensTitle || line === '' || FURNITURE.test(line) || FILE_EXTENSION.test(line) || SENTENCE.test(line) || SITE_NAME.test(line)) break;
    cover = line + cover;
  }
  const length = Array.from(cover).length;
  if (length < 8 || length > 60 || !/(?:19|20)\d{2}|二〇/u.test(cover) || !startsLikeTitle(cover)) return null;
  return TITLE_LINE_END.test(cover) || /决算(?:公开)?$/u.test(cover) || ORGAN_END.test(cover) ? cover : null;
}

/**
 * The normalized text before `end`, cut at the source's own line breaks too: normalization joins a short
 * line to the next ("当前位置：首页>>财政资金" + "2023年度…办事处"), the cover starts on its own line.
 */
function rawLines(doc: SourceDocument, end: number): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let i = 1; i < end; i++) {
    const before = doc.toRaw[i - 1];
    const at = doc.toRaw[i];
    if (doc.text[i - 1] === '\n' || (before !== undefined && at !== undefined && at > before && doc.rawText.slice(before, at).includes('\n'))) {
      lines.push(doc.text.slice(from, i));
      from = i;
    }
  }
  lines.push(doc.text.slice(from, end));
  return lines.map((l) => l.replace(/\n/gu, ''));
}

/**
 * A document site's file name, the page's only title when the document's heading is not in the text:
 * "X.pdf" on a line of its own, "《X.docx》由会员分享", "X20221013044707503.xls" (an upload stamp).
 */
export function fileNameTitle(doc: SourceDocument): string | null {
  const head = doc.text.slice(0, 600);
  const ext = FILE_EXTENSION.source;
  const m = new RegExp(`《([^《》\\n]{6,80}?)${ext}》|^[ \\t]*([^\\n《》]{6,80}?)${ext}[ \\t]*$`, 'imu').exec(head);
  const name = m ? squeeze(m[1] ?? m[2]!).replace(/\d{8,}$/u, '') : null;
  if (!name || !REPORT_NAME_WORD.test(name) || !/^[\u4e00-\u9fff\d（）()“”"]/u.test(name) || FURNITURE.test(name)) return null;
  return Array.from(name).length >= 6 ? name : null;
}

/** A government portal's metadata pair "名称: X 文号:" (the fields glued once normalization drops the spaces, or in a table's cells: "名称: |X|文号: |"). */
const NAME_FIELD = /名\s*称\s*[:：][\s|｜]*([^\n:：|｜]{6,60}?)[\s|｜]*文\s*号\s*[:：]?/u;

/**
 * The name a government portal's metadata gives the page ("索引号…发布机构:X…名称:绩溪县实验小学预决算信息文号:"):
 * the document's name where no heading ends like a report's.
 */
export function metadataName(doc: SourceDocument): string | null {
  const m = NAME_FIELD.exec(doc.text.slice(0, 1500));
  const name = m ? squeeze(m[1]!) : null;
  return name && Array.from(name).length >= 6 && !FURNITURE.test(name) && !SENTENCE.test(name) ? name : null;
}

/** Words of a page's welcome banner or a collector's note, never of a headline. */
const NOT_HEADLINE = /欢迎|当前位置|首页|搜索|下载|登录|注册|小编|为大家/u;

/**
 * A news or notice page's headline: the line right above its byline (BYLINE_LINE, blank lines between
 * allowed), "福彩收入花哪了?共使用5亿近八成用于扶老助困 / 来源:天津日报", "X局关于…管理使用情况 / 信息提供日期 :
 * 2023-03-27 来源 : X局". A line of page furniture, a unit's name alone, a site's name or a sentence is none.
 */
export function headlineAboveByline(doc: SourceDocument): string | null {
  const lines = rawLines(doc, Math.min(doc.text.length, 1500)).map((l) => l.trim());
  const byline = lines.findIndex((l) => BYLINE_LINE.test(l));
  let i = byline - 1;
  while (i >= 0 && lines[i] === '') i--;
  if (byline < 0 || i < 0) return null;
  const line = squeeze(lines[i]!).replace(CHANNEL_TAG, '');
  const length = Array.from(line).length;
  if (length < 8 || length > 60 || (line.match(/[\u4e00-\u9fff]/gu)?.length ?? 0) < 6) return null;
  if (FURNITURE.test(line) || /[。；;]/u.test(line) || NOT_HEADLINE.test(line) || isUnitLine(line) || SITE_NAME.test(line) || FILE_EXTENSION.test(line)) return null;
  return line;
}

/** The shapes that give a title when the heading search finds none, in order. */
export const TITLE_SHAPES: readonly TitleShape[] = [
  // (A cover is the document's own heading: it goes before a phrase of the contents or the body.)
  { name: 'cover.before_contents', when: 'before_search', find: coverBeforeContents },
  { name: 'document_site.file_name', when: 'after_search', find: fileNameTitle },
  { name: 'page.metadata_name', when: 'after_search', find: metadataName },
  // (Last: a page with no heading that ends like a report's, a news item or a notice.)
  { name: 'page.headline_above_byline', when: 'after_search', find: headlineAboveByline, headline: true },
];

/** The first shape's title. */
export function titleFromShapes(doc: SourceDocument, shapes: readonly TitleShape[] = TITLE_SHAPES): { title: string; shape: string; headline: boolean } | null {
  for (const shape of shapes) {
    const title = shape.find(doc);
    if (title) return { title, shape: shape.name, headline: shape.headline === true };
  }
  return null;
}

/**
 * A phrase that is an entry of the document's contents or outline: it holds a 第N部分 marker, or one
 * stands before it on its line ("第三部分：X2022年度部门决算情况说明" names a part, not the document).
 */
export function isContentsEntry(text: string, start: number, phrase: string): boolean {
  if (CONTENTS_ENTRY.test(phrase)) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return CONTENTS_ENTRY.test(text.slice(Math.max(lineStart, start - 16), start));
}
