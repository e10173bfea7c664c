/**
 * 年度: the fiscal year a report is about, decided like the department (unit/rules.ts): each source
 * names a year where the text prints it, with a weight for how surely that place names the year
 * reported on; a year's score is the sum of its sources' weights, and the record keeps the ranked
 * years with their rules and evidence (record.reportRoles, field `fiscalYear`).
 *
 * Weights are powers of two so that a stronger source always outranks every weaker one together:
 * in a document of forms, the year their headings print (64); the year before a round of evaluation
 * results' title year when the opening names it (32); then a title's year (16), a year alone on the line
 * below the title (8), a form caption's bracketed year (4), a form's 年度 or one-year period field (2),
 * the opening's most frequent year (1). YEAR_SOURCES is the one list.
 */
import type { SourceDocument } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { DocumentKind, Evidence, FieldDecision, Form } from '../schema/record.js';
import { fieldDecisionOf } from './field-decision.js';
import { yearsOfForms } from './unit/forms.js';

export interface YearContext {
  doc: SourceDocument;
  /** The report's title as chosen (report-info.ts), or null. */
  title: string | null;
  /** The document's 自评表 and what the document is: a document of forms takes its year from them. */
  forms?: readonly Form[];
  documentKind?: DocumentKind;
}

/** Where one source found a year: the year and the span of the text that prints it (null when the text does not, e.g. a file's metadata title). */
export interface YearFinding {
  year: number;
  at: { start: number; end: number } | null;
}

/** The context as the sources read it: with the years the forms' headings print, found once. */
export interface YearReading extends YearContext {
  /** Year → where its first form heading prints it; empty unless the document is a document of forms. */
  formYears: ReadonlyMap<number, number>;
}

export interface YearSource {
  id: string;
  zh: string;
  weight: number;
  find(ctx: YearReading): YearFinding | null;
}

export interface YearCandidate {
  year: number;
  score: number;
  features: { id: string; weight: number }[];
  evidence: Evidence | null;
}

export interface YearDecision {
  year: number | null;
  /** `clear`, `none`, `abstained_range` (a title over several years), `abstained_forms` (forms of several years). */
  reason: string;
  /** Best first. */
  candidates: YearCandidate[];
}

/** A four-digit year the text prints at `start`. */
const yearPrintedAt = (year: number, start: number): YearFinding => ({ year, at: { start, end: start + 4 } });

/** "2021年", "2021 年度", "2021度"; else "二〇二一年". */
const ARABIC_YEAR = /((?:19|20)\d{2})\s*年/u;
const ARABIC_YEAR_DU = /((?:19|20)\d{2})(?:年度|度)/u;
const CHINESE_YEAR = /二〇([一二三四五六七八九〇零])([一二三四五六七八九〇零])\s*年/u;
const CHINESE_DIGITS = '〇一二三四五六七八九';

/** A phrase's year and where in the phrase it stands: Arabic or 二〇二一. */
export function findYear(text: string): { year: number; index: number; length: number } | null {
  const m = ARABIC_YEAR.exec(text) ?? ARABIC_YEAR_DU.exec(text);
  if (m) return { year: Number(m[1]), index: m.index, length: m[1]!.length };
  const cn = CHINESE_YEAR.exec(text);
  if (!cn) return null;
  const digit = (c: string) => (c === '零' ? 0 : CHINESE_DIGITS.indexOf(c));
  return { year: 2000 + digit(cn[1]!) * 10 + digit(cn[2]!), index: cn.index, length: 4 };
}

/** A title's year: Arabic or 二〇二一. */
export function yearOf(text: string): number | null {
  return findYear(text)?.year ?? null;
}

/** A title over several years ("2017-2019年省级…绩效自评报告") states no single fiscal year. */
const YEAR_RANGE = /(?:19|20)\d{2}\s*年?\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年/u;

/** A form's year field: "评价年度:2022", "预算年度 | 2021", "项目年份 2017" (no 年 after the digits). */
const FORM_YEAR_FIELD = /(?:(?:评价|预算|绩效|所属)年度|项目年[份度])[\s|｜:：]*((?:19|20)\d{2})(?![\d年])/u;
/** A form's period field within one year: "项目起止时间 | 2016年1月起至2016年12月止" (the 岳阳 template). */
const FORM_PERIOD_FIELD = /(?:项目)?(?:起止时间|实施期限|实施周期|执行期限)[\s|｜:：]*((?:19|20)\d{2})\s*年\s*0?1\s*月(?:\s*1\s*日)?\s*(?:起)?\s*[至到\-—~～]\s*((?:19|20)\d{2})\s*年\s*12\s*月/u;

/** A form's year field, or its period field when the period is one calendar year. */
function formFieldYear({ doc }: YearReading): YearFinding | null {
  const opening = doc.text.slice(0, FORM_FIELD_REACH);
  const m = FORM_YEAR_FIELD.exec(opening);
  if (m) {
    const start = m.index + m[0].length - m[1]!.length;
    return yearPrintedAt(Number(m[1]), start);
  }
  const p = FORM_PERIOD_FIELD.exec(opening);
  if (!p || p[1] !== p[2]) return null;
  const start = p.index + p[0].indexOf(p[1]!);
  return yearPrintedAt(Number(p[1]), start);
}

/** A form's caption with its year in brackets, where no form was read: "部门预算项目支出绩效自评表(2023年度)" (t707). */
const FORM_CAPTION_YEAR = /(?:绩效自评表|绩效评价表|绩效目标表|自评表)[ \t]*[（(][ \t]*((?:19|20)\d{2})[ \t]*年度?[ \t]*[）)]/u;

function formCaptionYear({ doc }: YearReading): YearFinding | null {
  const m = FORM_CAPTION_YEAR.exec(doc.text.slice(0, FORM_FIELD_REACH));
  if (!m) return null;
  return yearPrintedAt(Number(m[1]), m.index + m[0].lastIndexOf(m[1]!));
}

/** Before a year that ends a span of time ("到2030年", "至2025年"), not "截至". */
const HORIZON_BEFORE = /(?:到|(?<!截)至)\s*$/u;

/**
 * Before a year that is a comparison's baseline ("比2015年减少", "较2020年度决算数", "与2015年相比",
 * "同2019年同期"): the year compared against, not the year reported on.
 */
const BASELINE_BEFORE = /(?:比|较|与|同|相对于|对比)\s*$/u;

/** A year the body names: "2021年", and "2021年12月31日" (the end of a fiscal year names it), not other dates. */
const BODY_YEAR = /((?:19|20)\d{2})\s*年(?:(?=12月(?:31日|底|末))|(?!\d{1,2}月))/gu;

/** Most frequent year of the body's opening (ties to the later year), with its first place. */
function dominantYear(text: string): YearFinding | null {
  const counts = new Map<number, { count: number; start: number }>();
  for (const m of text.matchAll(BODY_YEAR)) {
    // "到2030年，…力争建成…": a goal's horizon, not the year reported on ("到2022年底" is a date in it).
    if (HORIZON_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index)) && !/^\s*(?:底|末|年底)/u.test(text.slice(m.index + m[0].length))) continue;
    if (BASELINE_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    const y = Number(m[1]);
    const seen = counts.get(y);
    if (seen) seen.count++;
    else counts.set(y, { count: 1, start: m.index });
  }
  let best: YearFinding | null = null;
  let bestCount = 0;
  for (const [y, { count, start }] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && y > best.year)) {
      best = yearPrintedAt(y, start);
      bestCount = count;
    }
  }
  return best;
}

/** Where the title's year stands in the text: the title as printed, else the year's first printing. */
function titleYear(ctx: YearReading): YearFinding | null {
  const { title, doc } = ctx;
  const found = title ? findYear(title) : null;
  if (!title || !found) return null;
  const at = doc.text.indexOf(title);
  if (at >= 0) return { year: found.year, at: { start: at + found.index, end: at + found.index + found.length } };
  const quote = title.slice(found.index, found.index + found.length);
  const first = doc.text.indexOf(quote);
  return { year: found.year, at: first >= 0 ? { start: first, end: first + quote.length } : null };
}

/** How far into the text the form field and the body's years are read: a report's opening names its year. */
const FORM_FIELD_REACH = 3000;
const BODY_REACH = 4000;

/**
 * The year every form heading of a document of forms prints ("财政项目支出绩效自评表\n2020年度"): the
 * year the forms' figures are for, which a page publishing them may not be ("九亭镇2021年预算绩效评价结果公开").
 */
function formHeadingYear({ formYears }: YearReading): YearFinding | null {
  if (formYears.size !== 1) return null;
  const [year, start] = [...formYears][0]!;
  return yearPrintedAt(year, start);
}

/** A year printed alone on the line below the title: "专项资金绩效目标表\n(2017 年度)". */
const YEAR_LINE = /^[ \t]*[（(]?[ \t]*((?:19|20)\d{2})[ \t]*年度?[ \t]*[）)]?[ \t]*(?:\n|$)/u;

function titleLineYear({ doc, title }: YearReading): YearFinding | null {
  if (!title) return null;
  // (Each printing of the title: a document site's file name "….doc" prints it first, its heading later.)
  for (let at = doc.text.indexOf(title); at >= 0; at = doc.text.indexOf(title, at + title.length)) {
    const lineEnd = doc.text.indexOf('\n', at + title.length);
    if (lineEnd < 0) return null;
    const m = YEAR_LINE.exec(doc.text.slice(lineEnd + 1, lineEnd + 24));
    if (!m) continue;
    const start = lineEnd + 1 + m[0].indexOf(m[1]!);
    return yearPrintedAt(Number(m[1]), start);
  }
  return null;
}

/** A round of evaluations titled by the year it was held: "九亭镇2021年预算绩效评价结果公开", "关于2023年全区绩效评价结果情况的通报". */
const EVALUATION_ROUND_TITLE = /((?:19|20)\d{2})\s*年(?!度)[^\n]{0,30}?评价结果/u;

/**
 * The year a round of evaluation results looks back on: the year before the one its title names, when the
 * opening names that year's 年度 ("2020年度财政项目支出绩效自评表" under "…2021年预算绩效评价结果公开").
 */
function roundYear({ doc, title }: YearReading): YearFinding | null {
  const m = title ? EVALUATION_ROUND_TITLE.exec(title) : null;
  if (!m) return null;
  const before = Number(m[1]) - 1;
  const named = new RegExp(`${before}\\s*年度`, 'u').exec(doc.text.slice(0, BODY_REACH));
  return named ? yearPrintedAt(before, named.index) : null;
}

export const YEAR_SOURCES: readonly YearSource[] = [
  { id: 'year.form_heading', zh: '自评表表头的年度', weight: 64, find: formHeadingYear },
  { id: 'year.evaluation_round', zh: '评价结果所回顾的年度', weight: 32, find: roundYear },
  { id: 'year.title', zh: '标题中的年度', weight: 16, find: titleYear },
  { id: 'year.title_line', zh: '标题下一行的年度', weight: 8, find: titleLineYear },
  { id: 'year.form_caption', zh: '表名后括号中的年度', weight: 4, find: formCaptionYear },
  { id: 'year.form_field', zh: '表中的年度栏或起止时间', weight: 2, find: formFieldYear },
  { id: 'year.body_dominant', zh: '开篇最常见的年份', weight: 1, find: ({ doc }) => dominantYear(doc.text.slice(0, BODY_REACH)) },
];

/** Ranks the years the sources name (score = sum of their weights, best first). */
export function rankYears(doc: SourceDocument, findings: readonly { source: { id: string; weight: number }; finding: YearFinding }[]): YearCandidate[] {
  const byYear = new Map<number, YearCandidate>();
  for (const { source, finding } of findings) {
    let c = byYear.get(finding.year);
    if (!c) byYear.set(finding.year, (c = { year: finding.year, score: 0, features: [], evidence: null }));
    c.score += source.weight;
    c.features.push({ id: source.id, weight: source.weight });
    if (!c.evidence && finding.at) c.evidence = evidenceOf(doc, finding.at.start, finding.at.end);
  }
  return [...byYear.values()].sort((a, b) => b.score - a.score);
}

/** The report's fiscal year among the years its title, form fields and body name. Pure. */
export function decideFiscalYear(ctx: YearContext, sources: readonly YearSource[] = YEAR_SOURCES): YearDecision {
  const formYears = ctx.documentKind === 'self_evaluation_forms' && ctx.forms ? yearsOfForms(ctx.doc, ctx.forms) : new Map<number, number>();
  const reading: YearReading = { ...ctx, formYears };
  const findings = sources.flatMap((source) => {
    const finding = source.find(reading);
    return finding ? [{ source, finding }] : [];
  });
  const candidates = rankYears(ctx.doc, findings);
  if (ctx.title !== null && YEAR_RANGE.test(ctx.title)) return { year: null, reason: 'abstained_range', candidates };
  // Forms of several years gathered in one document (a workbook of 2019 and 2022 forms) give it none.
  if (formYears.size > 1) return { year: null, reason: 'abstained_forms', candidates };
  const best = candidates[0];
  return best ? { year: best.year, reason: 'clear', candidates } : { year: null, reason: 'none', candidates };
}

/** The year decision as the record keeps it (record.reportRoles): years as text, ranked, with rules and evidence. */
export function fiscalYearDecision(decision: YearDecision): FieldDecision {
  const candidates = decision.candidates.map((c) => ({ value: String(c.year), score: c.score, features: c.features, evidence: c.evidence }));
  return fieldDecisionOf('fiscalYear', decision.year === null ? null : String(decision.year), decision.reason, candidates);
}
