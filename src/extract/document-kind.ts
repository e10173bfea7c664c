/**
 * What a document as a whole is, from its content: a 部门预算, a 绩效目标申报表, a 部门决算 (which
 * may hold forms), an evaluation report that is not a self-evaluation, self-evaluation forms, a
 * self-evaluation report, or something else. Decided in this order.
 */
import type { SourceDocument } from '../ingest/document.js';
import type { DocumentKind, Part, ReportKind } from '../schema/record.js';
import { coverTitle } from '../segment/parts.js';
import type { Segmentation } from '../segment/segment.js';
import {
  ACCOUNTS_CONTENTS,
  ACCOUNTS_GLOSSARY,
  ACCOUNTS_COVER,
  ACCOUNTS_TITLE,
  ALLOCATION_DIRECTIVE,
  ALLOCATION_NOTICE_TITLE,
  BUDGET_COVER,
  EVALUATION_REPORT_TITLE,
  EVALUATION_RESULTS_NOTICE_TITLE,
  EVALUATION_WORD,
  EVALUATOR,
  FUND_USE_ANNOUNCEMENT_BODY,
  FUND_USE_ANNOUNCEMENT_TITLE,
  INDICATOR_FRAMEWORK_TITLE,
  NEWS_EVALUATION_RESULTS,
  PROJECT_GRADE_SUMMARY,
  RECTIFICATION_REPORT_TITLE,
  SELF_EVALUATION_TITLE,
  TARGET_TITLE,
  WORK_NOTICE_TITLE,
} from '../vocabulary/index.js';

/** Words that only a self-evaluation states: its result columns and its own name. */
const SELF_EVALUATION_WORDS = /自评|自我评价|实际完成值|全年执行数|得分/u;

/**
 * `reportKind` is what the title and opening say the self-evaluation is about (report-info.ts):
 * when it names one, a document that is none of the other kinds is a self-evaluation report.
 */
export function classifyDocument(
  doc: SourceDocument,
  seg: Segmentation,
  parts: readonly Part[],
  reportKind: ReportKind = 'unknown',
  reportTitle: string | null = null,
): DocumentKind {
  const text = doc.text;
  const count = (kind: Part['kind']) => parts.filter((p) => p.kind === kind).length;
  const cover = parts.find((p) => p.kind === 'cover');
  const opening = coverTitle(cover ? text.slice(cover.start, cover.end) : (seg.title?.text ?? text.slice(0, 200)));
  const accounts = count('accounts_table');
  const budgets = count('budget_table');
  const forms = count('self_evaluation_form');
  const narrativeChars = parts.filter((p) => p.kind === 'narrative').reduce((n, p) => n + p.end - p.start, 0);

  // The cover's title, or the report's title when a site's chrome stands before the cover.
  const budgetCover = [opening, reportTitle ?? ''].some((t) => BUDGET_COVER.test(t) && !/决算|自评|自我评价|评价/u.test(t));
  if ((budgetCover || budgets > 0) && accounts === 0 && !ACCOUNTS_COVER.test(opening)) return 'budget';
  const targetTitle = TARGET_TITLE.test(opening) || count('target_table') > 0 || headsWithTargetTitle(text);
  if (targetTitle && forms === 0 && !SELF_EVALUATION_WORDS.test(text)) return 'target_declaration';
  if (ACCOUNTS_COVER.test(opening) || accounts >= 2) return 'final_accounts';
  const title = (seg.title?.text ?? opening).replace(/\s+/gu, '');
  if (isAccountsWithoutTables(text, parts, [opening, title, reportTitle ?? ''])) return 'final_accounts';
  // Units title their own evaluation "…部门整体支出绩效评价报告" ("一、自评得分情况"): an evaluation
  // report is another body's (第三方, 委托, 评价组/机构, 财政 重点评价) and speaks of no 自评.
  const head = text.slice(0, 3000);
  if (EVALUATION_REPORT_TITLE.test(title) && !/自评|自我评价/u.test(head) && EVALUATOR.test(head)) return 'evaluation_report';
  if (forms > 0 && narrativeChars < (text.length - narrativeChars) / 2 && !SELF_EVALUATION_TITLE.test(title)) return 'self_evaluation_forms';
  if (SELF_EVALUATION_TITLE.test(text) || forms > 0 || count('score_table') > 0 || reportKind !== 'unknown') return 'self_evaluation_report';
  if (/绩效/u.test(text) && /自评|自我评价/u.test(text)) return 'self_evaluation_report';
  return 'other';
}

/** How far into the text a target declaration's own title line may stand (after a page's chrome). */
const TARGET_TITLE_REACH = 800;
// (Flattening may glue the page's byline before the title and the form's first field or the page's
// byline after it: "来源:X局项目支出绩效目标申报表(2021年度)项目名称Y", "…申报明细表发布时间:2019-09-30" (t790);
// a title quoted in a sentence, 《…》, is not one.)
const TARGET_TITLE_LINE = new RegExp(`(?<![《“"])(?:${TARGET_TITLE.source})(?:[（(][^（）()]{0,16}[）)])?(?:$|项目名称|主管部门|预算单位|实施单位|(?:填报|申报)单位|(?:发布|更新)(?:时间|日期)[:：]|(?:信息)?来源[:：])`, 'u');
/**
 * A line of the opening that is a target declaration's title ("项目支出绩效目标申报表", "(2021年度)"
 * below it), alone or before its first field, as a flattened page prints one without a table part:
 * the document is that declaration.
 */
function headsWithTargetTitle(text: string): boolean {
  return text
    .slice(0, TARGET_TITLE_REACH)
    .split('\n')
    .some((line) => TARGET_TITLE_LINE.test(line.replace(/\s+/gu, '')));
}

/**
 * A 决算 whose statements the text does not reach (a page of its opening, its explanation): its
 * title says 部门决算/单位决算, or it reaches the template's glossary part (第三部分 名词解释), or its contents list
 * the statements ("收入支出决算总表"), and no title line speaks of an evaluation.
 */
function isAccountsWithoutTables(text: string, parts: readonly Part[], titles: readonly string[]): boolean {
  if (titles.some((t) => /自评|自我评价|评价/u.test(t))) return false;
  if (titles.some((t) => ACCOUNTS_TITLE.test(t)) || ACCOUNTS_GLOSSARY.test(text)) return true;
  return parts.some((p) => p.kind === 'contents' && ACCOUNTS_CONTENTS.test(text.slice(p.start, p.end)));
}

/** Documents that state no self-evaluation: what they are about is `unknown`. */
export function statesNoSelfEvaluation(kind: DocumentKind): boolean {
  return kind === 'budget' || kind === 'target_declaration' || kind === 'evaluation_report' || kind === 'other';
}

/**
 * A document that states no self-evaluation although it speaks of projects and funds: an allocation
 * notice, a fund's announcement of its use, a department's summary over all its projects. What it
 * is about is `unknown` (the labels' convention), whatever project words it holds.
 */
export interface NoticeShape {
  /** Stable name, for tests and for reading why a kind was withheld. */
  name: string;
  /** The title alone, or the opening when the title names no evaluation (a report citing a notice stays a report). */
  reads: 'title' | 'opening';
  pattern: RegExp;
  /** A title of this shape names an evaluation and is still no self-evaluation (a notice of results, an evaluation's rectification). */
  evaluative?: true;
}

/** The shapes of documents that are not self-evaluations, by title first. */
export const NOTICE_SHAPES: readonly NoticeShape[] = [
  { name: 'notice.allocation', reads: 'title', pattern: ALLOCATION_NOTICE_TITLE },
  { name: 'notice.evaluation_results', reads: 'title', pattern: EVALUATION_RESULTS_NOTICE_TITLE, evaluative: true },
  { name: 'news.evaluation_results_headline', reads: 'title', pattern: NEWS_EVALUATION_RESULTS, evaluative: true },
  { name: 'template.indicator_framework', reads: 'title', pattern: INDICATOR_FRAMEWORK_TITLE, evaluative: true },
  { name: 'notice.work', reads: 'title', pattern: WORK_NOTICE_TITLE, evaluative: true },
  { name: 'report.rectification', reads: 'title', pattern: RECTIFICATION_REPORT_TITLE, evaluative: true },
  { name: 'announcement.fund_use', reads: 'title', pattern: FUND_USE_ANNOUNCEMENT_TITLE },
  { name: 'notice.allocation_directive', reads: 'opening', pattern: ALLOCATION_DIRECTIVE },
  { name: 'announcement.fund_use_sentence', reads: 'opening', pattern: FUND_USE_ANNOUNCEMENT_BODY },
  { name: 'final_accounts.project_grades', reads: 'opening', pattern: PROJECT_GRADE_SUMMARY },
  { name: 'news.evaluation_results', reads: 'opening', pattern: NEWS_EVALUATION_RESULTS },
];

/** How much of the opening a notice shape reads: the directive and the announcing sentence come first. */
const NOTICE_OPENING_CHARS = 1500;

/** The first notice shape the title (or, when it names no evaluation, the opening) has; null for none. */
export function noticeShapeOf(title: string, body: string, shapes: readonly NoticeShape[] = NOTICE_SHAPES): string | null {
  const evaluative = EVALUATION_WORD.test(title);
  const opening = body.slice(0, NOTICE_OPENING_CHARS);
  for (const shape of shapes) {
    if (shape.reads === 'title' ? shape.pattern.test(title) && (!evaluative || shape.evaluative) : !evaluative && shape.pattern.test(opening)) return shape.name;
  }
  return null;
}
