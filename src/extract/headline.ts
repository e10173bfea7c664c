/**
 * The record's headline figures (budget, execution, rate, self-score) and indicators, each from one
 * part: the department-overall form when the document has one; the form of a one-form
 * self-evaluation; else what the narrative parts of a self-evaluation report state. A 决算 without
 * a department form and a 部门预算 state no self-evaluation: their headline stays null (their totals
 * are not a self-evaluation's budget; several project forms have no one budget, and an average of
 * their scores is no self-score); a document that is one department-wide form is its headline; a
 * 绩效目标申报表 states its project's budget only. Never a budget from one
 * part and an execution from another part about something else; missing rather than guessed.
 */
import type { SourceDocument } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { DocumentKind, Figure, Form, Indicator, NamedAmount, Part, Project, ReportKind, RoleDecision } from '../schema/record.js';
import { partAt } from '../segment/parts.js';
import type { Segmentation } from '../segment/segment.js';
import { statesNoSelfEvaluation } from './document-kind.js';
import { extractFigures, type ExtractedFigures } from './figures.js';
import { findFlatForm, findFormTotalScore, formFigures } from './flat-form.js';
import { withBudgetExecutionRow } from '../schema/form-indicators.js';
import { extractIndicators } from './indicators.js';
import { fundSourcesOfInvestmentTable } from './investment-table.js';
import { labelBefore, type LocatedNumber } from './locate.js';
import { findNumbers } from './numbers.js';
import { projectsOfTables, withTableProjects } from './project-tables.js';
import { toFigure } from './figures.js';
import { anyOf, BUDGET_INITIAL_WORDS, BUDGET_WORDS, EXECUTION_WORDS, RATE_WORDS, SCORE_WORDS } from '../vocabulary/index.js';

export interface Headline
  extends Pick<ExtractedFigures, 'budget' | 'budgetInitial' | 'execution' | 'executionRate' | 'selfScore' | 'byFunction' | 'byNature' | 'fundSources' | 'projects'> {
  indicators: Indicator[];
  /** What the self-evaluation is about, from the forms when the document's kind says so. */
  reportKind: ReportKind;
  roles: RoleDecision[];
}

export interface HeadlineInput {
  doc: SourceDocument;
  seg: Segmentation;
  numbers: LocatedNumber[];
  parts: readonly Part[];
  forms: readonly Form[];
  documentKind: DocumentKind;
  /** What the title and opening say the report is about (report-info.ts). */
  reportKind: ReportKind;
  /** The report's title (report-info.ts): the fund it names is the budget's subject. */
  title?: string | null;
}

/** A form's money block prints its 年度资金总额 row: a form part holding one was a form, read or not. */
const FORM_TOTAL_ROW_TEXT = /年度(?:财政)?资金总额/u;

/** Parts whose numbers a narrative reading may use. */
const NARRATIVE_KINDS = new Set<Part['kind']>(['narrative', 'cover', 'other']);
const EVALUATION_NARRATIVE_KINDS = new Set<Part['kind']>([...NARRATIVE_KINDS, 'evaluation_report']);
/** Parts read on their own (forms, score tables, attached evaluation reports): never in the narrative's figures. */
const OWN_KINDS = new Set<Part['kind']>(['self_evaluation_form', 'score_table', 'evaluation_report']);
/** An evaluation report's document: its own evaluation part is what it says, not a part read on its own. */
const EVALUATION_OWN_KINDS = new Set<Part['kind']>([...OWN_KINDS].filter((k) => k !== 'evaluation_report'));

const SCALARS = ['budget', 'budgetInitial', 'execution', 'executionRate'] as const;

function inKinds(parts: readonly Part[], kinds: Set<Part['kind']>) {
  return (n: LocatedNumber) => {
    const p = partAt(parts, n.start);
    return p === null || kinds.has(p.kind);
  };
}

function notInKinds(parts: readonly Part[], kinds: Set<Part['kind']>) {
  return (n: Pick<LocatedNumber, 'start'>) => {
    const p = partAt(parts, n.start);
    return p === null || !kinds.has(p.kind);
  };
}

/** The projects the named-amount rules found, then those of the tables outside `kinds` (project-tables.ts). */
function withTables(named: Project[], doc: SourceDocument, parts: readonly Part[], kinds: Set<Part['kind']>): Project[] {
  const outside = notInKinds(parts, kinds);
  return withTableProjects(named, projectsOfTables(doc, (start) => outside({ start })));
}

/** A figure with the id of the part its evidence stands in. */
function withPart<T extends Figure | null>(f: T, parts: readonly Part[]): T {
  if (!f || f.part) return f;
  const p = partAt(parts, f.evidence.start);
  return (p ? { ...f, part: p.id } : f) as T;
}

/**
 * Amounts read from a table part name it (a 决算 table's classes are that table's, not a form's):
 * checks never add them up against a figure of another part. Narrative amounts stay untagged, so
 * a report's sections are still checked against each other.
 */
function inTables(items: NamedAmount[], parts: readonly Part[]): NamedAmount[] {
  return items.map((i) => {
    const p = partAt(parts, i.amount.evidence.start);
    return p && !NARRATIVE_KINDS.has(p.kind) && p.kind !== 'contents' ? { ...i, amount: { ...i.amount, part: p.id } } : i;
  });
}

function rolesOf(f: ExtractedFigures): RoleDecision[] {
  return f.roles ?? [];
}

/**
 * A one-project report's narrative speaks of its form's project throughout ("全年执行数180.30万元",
 * "该项目自评得分96分") without naming it: its own figures are its statements about that project.
 */
function statementsAbout(named: Project[], form: Form | undefined, narrative: ExtractedFigures): Project[] {
  const name = form?.formKind === 'project' ? form.projectName : null;
  if (!name || named.some((p) => p.name === name)) return named;
  const own: Project = {
    name,
    budget: narrative.budget,
    budgetInitial: narrative.budgetInitial,
    execution: narrative.execution,
    executionRate: narrative.executionRate,
    selfScore: narrative.selfScoreAmbiguous ? null : narrative.selfScore,
    evidence: form!.evidence,
  };
  return [own.budget, own.budgetInitial, own.execution, own.executionRate, own.selfScore].some((f) => f) ? [...named, own] : named;
}

/** The narrative's statements about form projects, merged into the projects it names (by name). */
function withStatements(projects: Project[], statements: readonly Project[]): Project[] {
  const out = [...projects];
  for (const st of statements) {
    const i = out.findIndex((p) => p.name === st.name || p.name.startsWith(st.name) || st.name.startsWith(p.name));
    if (i < 0) out.push(st);
    else {
      const p = out[i]!;
      out[i] = {
        ...p,
        budget: p.budget ?? st.budget,
        budgetInitial: p.budgetInitial ?? st.budgetInitial ?? null,
        execution: p.execution ?? st.execution,
        executionRate: p.executionRate ?? st.executionRate,
        selfScore: p.selfScore ?? st.selfScore ?? null,
      };
    }
  }
  return out;
}

/** The form's fund block as named amounts: its total first, under its own name, then its rows. */
function fundSourcesOfForm(form: Form): NamedAmount[] {
  const rows = form.fundRows.filter((r) => r.budget ?? r.budgetInitial).map((r) => ({ name: r.name, amount: (r.budget ?? r.budgetInitial)! }));
  const total = form.budget ?? form.budgetInitial;
  return [...(total && rows.length > 0 ? [{ name: '年度资金总额', amount: total }] : []), ...rows];
}

/**
 * A document with no form part, read as before parts existed: the narrative's figures over the
 * whole text, a flattened form's fund block filling what the prose did not state (its cells are
 * the report's own table: they win over prose, which rounds), and the form's indicators.
 */
function readWithoutForms(input: HeadlineInput): Omit<Headline, 'reportKind'> {
  const { doc, seg, numbers, parts, reportKind } = input;
  const figures = extractFigures(doc, seg, numbers.filter(notInKinds(parts, new Set(['evaluation_report']))), reportKind, input.title);
  const form = findFlatForm(doc);
  if (form) {
    const ff = formFigures(form);
    for (const key of SCALARS) figures[key] = ff[key] ?? figures[key];
    if (figures.fundSources.length === 0) figures.fundSources = ff.fundSources;
    if (figures.byNature.length === 0) figures.byNature = ff.byNature;
    figures.budgetExecutionWeight ??= ff.budgetExecutionWeight;
    figures.budgetExecutionScore ??= ff.budgetExecutionScore;
  }
  // A 项目基本信息 table splits the project's planned money by source, when no sentence or form did.
  if (figures.fundSources.length === 0) figures.fundSources = fundSourcesOfInvestmentTable(doc);
  if (!figures.selfScoreAmbiguous) figures.selfScore ??= findFormTotalScore(doc);
  const indicators = withBudgetExecutionRow(extractIndicators(doc), figures.budgetExecutionWeight ?? null, figures.budgetExecutionScore ?? null, figures.executionRate);
  return {
    budget: withPart(figures.budget, parts),
    budgetInitial: withPart(figures.budgetInitial, parts),
    execution: withPart(figures.execution, parts),
    executionRate: withPart(figures.executionRate, parts),
    selfScore: withPart(figures.selfScore, parts),
    byFunction: figures.byFunction,
    byNature: figures.byNature,
    fundSources: figures.fundSources,
    projects: withTables(figures.projects, doc, parts, new Set(['evaluation_report'])),
    indicators,
    roles: rolesOf(figures),
  };
}

/** The headline of a record: see the module comment. */
export function chooseHeadline(input: HeadlineInput): Headline {
  const { doc, seg, numbers, parts, forms, documentKind } = input;
  const ownForms = forms.filter((f) => f.source !== 'score_table');
  const departmentForm = ownForms.find((f) => f.formKind === 'department_overall');
  const selfEvaluation = documentKind === 'self_evaluation_report' || documentKind === 'self_evaluation_forms';

  let reportKind: ReportKind = input.reportKind;
  // An evaluation report (第三方, 重点评价) still evaluates a project or a department: its title says which.
  if (statesNoSelfEvaluation(documentKind) && documentKind !== 'evaluation_report') reportKind = 'unknown';
  else if (departmentForm) reportKind = 'department_overall';
  else if (documentKind === 'final_accounts') reportKind = ownForms.length > 0 ? 'project' : 'unknown';
  else if (documentKind === 'self_evaluation_forms' && ownForms.length > 0) reportKind = 'project';

  // No form part: read as before parts existed (a report, or a text that names no kind).
  if ((selfEvaluation || documentKind === 'other') && ownForms.length === 0) return { ...readWithoutForms(input), reportKind };

  // Named amounts (功能分类, 经济分类, 资金来源, projects) from everything but the parts read on their
  // own; a 决算's or 预算's own tables are read by its table rules (check/accounts), whose columns
  // (行次, 栏次, 年初结转 …) a narrative reading would misread ("一般公共服务支出 32" is a 行次).
  // An evaluation report (第三方, 重点评价) names its project's funds and parts in its own part, as it states its money.
  const own =
    documentKind === 'final_accounts' || documentKind === 'budget'
      ? new Set<Part['kind']>([...OWN_KINDS, 'accounts_table', 'budget_table'])
      : documentKind === 'evaluation_report'
        ? EVALUATION_OWN_KINDS
        : OWN_KINDS;
  const lists = extractFigures(doc, seg, numbers.filter(notInKinds(parts, own)), reportKind, input.title);
  // One form: one form read and no other form part left unread (a second form the reader could not
  // read would make the one it read look like the document's only one).
  const unread = parts.filter((p) => p.kind === 'self_evaluation_form' && !ownForms.some((f) => f.part === p.id) && FORM_TOTAL_ROW_TEXT.test(doc.text.slice(p.start, p.end)));
  const oneForm = ownForms.length === 1 && unread.length === 0;
  const chosen = departmentForm ?? (selfEvaluation && oneForm ? ownForms[0] : undefined);
  // The narrative speaks of the chosen form's subject when the report is that one form's (or the department's).
  // A document that is an evaluation report (第三方, 重点评价) states its project's money in that report.
  const narrativeKinds = documentKind === 'evaluation_report' ? EVALUATION_NARRATIVE_KINDS : NARRATIVE_KINDS;
  const narrative = extractFigures(doc, seg, numbers.filter(inKinds(parts, narrativeKinds)), reportKind, input.title);
  const sameSubject = selfEvaluation && chosen !== undefined && (oneForm || reportKind === 'department_overall');
  const fromNarrative = (key: (typeof SCALARS)[number] | 'selfScore'): Figure | null => {
    if (documentKind === 'final_accounts') return null;
    // A 部门预算's totals are not a self-evaluation's budget either; a target declaration states its project's budget only.
    if (documentKind === 'budget') return null;
    if (documentKind === 'target_declaration' && key !== 'budget' && key !== 'budgetInitial') return null;
    if (documentKind === 'evaluation_report' && key === 'selfScore') return null;
    if (chosen && !sameSubject) return null;
    if (key === 'selfScore' && narrative.selfScoreAmbiguous) return null;
    return withPart(narrative[key], parts);
  };
  // A flattened form whose money block was not found (a 区域绩效目标自评表 printing "转移支付预算数(A)
  // 5.8万" as label and value) is still the document's one part about its subject: its money is what
  // the roles read within that part, all of it or none (never a form cell beside a role's pick).
  const formText = chosen && sameSubject && chosen.source === 'flattened' && SCALARS.every((k) => chosen[k] === null) ? partRoles(input, chosen.part) : null;
  const money = (key: (typeof SCALARS)[number]): Figure | null => chosen?.[key] ?? (formText ? withPart(formText[key], parts) : fromNarrative(key));
  const out: Headline = {
    budget: money('budget'),
    budgetInitial: money('budgetInitial'),
    execution: money('execution'),
    executionRate: money('executionRate'),
    selfScore: chosen?.totalScore ?? fromNarrative('selfScore'),
    byFunction: inTables(lists.byFunction, parts),
    // A department's form states its 基本支出 and 项目支出 as rows of its money block, when the prose does not.
    byNature: lists.byNature.length === 0 && departmentForm ? formNatures(input, departmentForm) : inTables(lists.byNature, parts),
    fundSources: chosen && formFundSources(input, chosen).length > 0 ? formFundSources(input, chosen) : listedOr(inTables(lists.fundSources, parts), () => fundSourcesOfInvestmentTable(doc)),
    projects: withStatements(withTables(lists.projects, doc, parts, own), statementsAbout(projectStatements(doc, parts, forms), sameSubject ? chosen : undefined, narrative)),
    // The record's rows add up to its 自评得分: with the money block's 预算执行 row (the form keeps its rows as printed).
    indicators: chosen ? withBudgetExecutionRow(chosen.indicators, chosen.budgetExecutionWeight, chosen.budgetExecutionScore, chosen.executionRate) : [],
    reportKind,
    roles: rolesOf(formText ?? narrative),
  };
  return out;
}

/** The named amounts listed, or when none are, the fallback's (a 项目基本信息 table's sources). */
const listedOr = (listed: NamedAmount[], fallback: () => NamedAmount[]) => (listed.length > 0 ? listed : fallback());

/**
 * The chosen form's fund block for the checks: a flattened form's as printed, its 年度资金总额 row
 * first even when it prints 0 over a filled 财政拨款 row (r04: the form's money is that row's, and
 * the printed 0 is the slip the sum checks must see); a table form's from its record.
 */
function formFundSources(input: HeadlineInput, form: Form): NamedAmount[] {
  const part = form.source === 'flattened' ? input.parts.find((p) => p.id === form.part) : undefined;
  const flat = part ? findFlatForm(input.doc, part) : null;
  return flat ? formFigures(flat).fundSources : fundSourcesOfForm(form);
}

/** A flattened form's 按支出性质分 rows (基本支出, 项目支出), as its block prints them. */
function formNatures(input: HeadlineInput, form: Form): NamedAmount[] {
  const part = form.source === 'flattened' ? input.parts.find((p) => p.id === form.part) : undefined;
  const flat = part ? findFlatForm(input.doc, part) : null;
  return flat ? formFigures(flat).byNature : [];
}

/** The roles read over the numbers of one part (a form's own text). */
function partRoles(input: HeadlineInput, partId: string | null | undefined): ExtractedFigures | null {
  const part = input.parts.find((p) => p.id === partId);
  if (!part) return null;
  return extractFigures(input.doc, input.seg, input.numbers.filter((n) => n.start >= part.start && n.start < part.end), input.reportKind, input.title);
}

/** A form's project name in the narrative ends there: "…专项项目综述", "“资产运行维护”" — not "…维护费". */
const NAME_END = /^(?:项目|专项|[”"’」』）)：:，,、。]|绩效|综述|\s|$)/u;
const ROLE_LABELS: ReadonlyArray<{ role: 'selfScore' | 'executionRate' | 'budgetInitial' | 'budget' | 'execution'; kind: Figure['kind']; label: RegExp }> = [
  { role: 'executionRate', kind: 'percent', label: new RegExp(`(?:${anyOf(RATE_WORDS)})$`, 'u') },
  { role: 'selfScore', kind: 'score', label: new RegExp(`(?:${anyOf(SCORE_WORDS)})(?:分数)?$`, 'u') },
  { role: 'budgetInitial', kind: 'money', label: new RegExp(`(?:${anyOf(BUDGET_INITIAL_WORDS)})(?:数)?$`, 'u') },
  { role: 'budget', kind: 'money', label: new RegExp(`(?:${anyOf(BUDGET_WORDS)})(?:数)?$`, 'u') },
  { role: 'execution', kind: 'money', label: new RegExp(`(?:${anyOf(EXECUTION_WORDS)})$`, 'u') },
];

/**
 * What the narrative states about each form's project ("信访研究宣传立法专项项目综述：…自评得分为
 * 94.7分。全年预算数为536.20万元，执行数为413.57万元，完成预算的77.1%"): the first labelled score,
 * budget, execution and rate after the project's name in a narrative part, up to the end of its
 * paragraph or the next project's name. Checks compare them with the form (form-checks.ts).
 */
export function projectStatements(doc: SourceDocument, parts: readonly Part[], forms: readonly Form[]): Project[] {
  const names = [...new Set(forms.map((f) => f.projectName).filter((n): n is string => n !== null && Array.from(n).length >= 3))];
  const out: Project[] = [];
  for (const name of names) {
    // Where the name stands, found once for every part (each part's search ran on to the text's end).
    const places: number[] = [];
    for (let at = doc.text.indexOf(name); at >= 0; at = doc.text.indexOf(name, at + 1)) places.push(at);
    for (const part of parts.filter((p) => p.kind === 'narrative')) {
      const found = statementAfter(doc, part, name, names, places);
      if (found) {
        out.push(found);
        break;
      }
    }
  }
  return out;
}

/** `places`: every offset where `name` stands in the text, ascending. */
function statementAfter(doc: SourceDocument, part: Part, name: string, names: readonly string[], places: readonly number[]): Project | null {
  const text = doc.text;
  for (const at of places) {
    if (at < part.start) continue;
    if (at >= part.end) break;
    if (!NAME_END.test(text.slice(at + name.length, at + name.length + 2))) continue;
    let end = Math.min(part.end, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at), at + 400);
    for (const other of names) {
      // (searched only where a name starting before `end` can stand, not through the rest of the text)
      const from = at + name.length;
      const next = other === name ? -1 : text.slice(0, Math.max(from, end + other.length - 1)).indexOf(other, from);
      if (next >= 0 && next < end) end = next;
    }
    const found: Partial<Record<(typeof ROLE_LABELS)[number]['role'], Figure>> = {};
    const base = at + name.length;
    let floor = base;
    for (const m of findNumbers(text.slice(base, end))) {
      const start = base + m.start;
      const label = labelBefore(text, start, floor);
      const rule = ROLE_LABELS.find((r) => r.kind === m.kind && r.label.test(label));
      if (rule && !found[rule.role] && m.approx === 'exact') found[rule.role] = withPart(toFigure(doc, { ...m, start, end: base + m.end }), [part]);
      floor = base + m.end;
    }
    if (Object.keys(found).length === 0) continue;
    return {
      name,
      budget: found.budget ?? null,
      budgetInitial: found.budgetInitial ?? null,
      execution: found.execution ?? null,
      executionRate: found.executionRate ?? null,
      selfScore: found.selfScore ?? null,
      evidence: evidenceOf(doc, at, at + name.length),
    };
  }
  return null;
}
