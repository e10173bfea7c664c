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

/** The year a form's heading prints: "项目支出绩效自评表\n（2022年度）", "2023年度部门整体支出绩效自评表". */
function yearOfForm(doc: SourceDocument, form: Form): number | null {
  const start = doc.text.lastIndexOf('\n', form.evidence.start - 1) + 1;
  const heading = doc.text.slice(start, Math.min(doc.text.length, form.evidence.end + 24));
  const m = /((?:19|20)\d{2})\s*年度?/u.exec(heading);
  return m ? Number(m[1]) : null;
}

/** True when two forms' headings print different years (2022 and 2019): the document has no one year. */
export function formsNameSeveralYears(doc: SourceDocument, forms: readonly Form[]): boolean {
  const years = new Set(realForms(forms).map((f) => yearOfForm(doc, f)).filter((y): y is number => y !== null));
  return years.size > 1;
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
