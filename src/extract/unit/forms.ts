/**
 * The unit and year of a document's forms taken together. A document that gathers the 自评表 of
 * several units or years (a workbook of two publishers' forms, a 决算 with forms appended) has no
 * one unit or year the forms could give it: a form's header names only its own.
 */
import type { SourceDocument } from '../../ingest/document.js';
import type { Form } from '../../schema/record.js';
import type { UnitDecision } from './decide.js';
import { cleanDepartment } from './finders.js';

/** The unit a form reports for: its 实施单位, else its 主管部门 (a department form names only that). */
function unitOfForm(form: Form): string | null {
  const name = form.implementer ?? form.department;
  // ("国家信访局本级" is 国家信访局's own budget level: one unit.)
  return name ? (cleanDepartment(name)?.replace(/本级$/u, '') ?? null) : null;
}

/** Two names of one unit as forms print them: equal, or one holds the other ("上海市普陀区" cut from "…体育事业管理中心"). */
const oneUnit = (a: string, b: string) => a.includes(b) || b.includes(a);

/** Forms that read as forms (a score table's rows name projects, not units). */
const realForms = (forms: readonly Form[]) => forms.filter((f) => f.source !== 'score_table');

/**
 * True when two forms of the document report for different units ("滁州市人力资源和社会保障局" and
 * "濉溪县民政局"): the document's unit cannot come from a form's header.
 */
export function formsNameSeveralUnits(forms: readonly Form[]): boolean {
  const units = realForms(forms).map(unitOfForm).filter((u): u is string => u !== null);
  return units.some((u) => units.some((v) => !oneUnit(u, v)));
}

/**
 * The year a form's heading prints, and where: "项目支出绩效自评表\n（2022年度）", "2023年度部门整体支出绩效自评表".
 * The year nearest the form's name: just after it ("（2022年度）" below), else the last before it on its line
 * (a page title flattened onto the heading, "九亭镇2021年…公开财政项目支出绩效自评表\n2020年度", names the page's year).
 */
function yearOfForm(doc: SourceDocument, form: Form): { year: number; start: number } | null {
  // (40 characters: a flattened table may put a row of empty cells, "||||…", between the name and its year.)
  const after = YEAR_AFTER_FORM_NAME.exec(doc.text.slice(form.evidence.end, form.evidence.end + 40));
  if (after) return { year: Number(after[1]), start: form.evidence.end + after[0].indexOf(after[1]!) };
  const lineStart = doc.text.lastIndexOf('\n', form.evidence.start - 1) + 1;
  // (A date on the heading's line, "发文日期: | 2022年11月04日", is when it was published, not its year.)
  const before = [...doc.text.slice(lineStart, form.evidence.end).matchAll(/((?:19|20)\d{2})\s*年度?(?!\s*\d{1,2}\s*月)/gu)].at(-1);
  return before ? { year: Number(before[1]), start: lineStart + before.index } : null;
}
/** A year printed right after a form's name, on its line or the next: "（2022年度）", "\n2020年度", a flattened table's "| \n||||\n( 2021 年度)". */
const YEAR_AFTER_FORM_NAME = /^[\s|｜（(]*((?:19|20)\d{2})\s*年度?/u;

/**
 * The years the forms' headings print, each with where its first heading prints it. Two or more: the
 * document gathers forms of several years (2022 and 2019) and has no one year.
 */
export function yearsOfForms(doc: SourceDocument, forms: readonly Form[]): Map<number, number> {
  const years = new Map<number, number>();
  for (const f of realForms(forms)) {
    const y = yearOfForm(doc, f);
    if (y !== null && !years.has(y.year)) years.set(y.year, y.start);
  }
  return years;
}

/**
 * The document's unit decision when its forms name several units: a unit only forms' headers gave
 * (every source of the winner is a form's) is abstained from; a cover's or a title's stands.
 */
export function unitOverForms(decision: UnitDecision, forms: readonly Form[]): UnitDecision {
  if (decision.name === null || !formsNameSeveralUnits(forms)) return decision;
  const winner = decision.candidates.find((c) => c.name === decision.name);
  const fromFormsOnly = !!winner && winner.sources.every((id) => id.startsWith('form.'));
  return fromFormsOnly ? { ...decision, name: null, reason: 'abstained_forms' } : decision;
}
