/**
 * The record's headline figures (budget, execution, rate, self-score) and indicators, each from one
 * part: the department-overall form when the document has one; the form of a one-form
 * self-evaluation; else what the narrative parts of a self-evaluation report state. A 决算 without
 * a department form and a 部门预算 state no self-evaluation: their headline stays null (their totals
 * are not a self-evaluation's budget); a 绩效目标申报表 states its project's budget only. Never a budget from one
 * part and an execution from another part about something else; missing rather than guessed.
 */
import type { SourceDocument } from '../ingest/document.js';
import type { DocumentKind, Figure, Form, Indicator, NamedAmount, Part, ReportKind, RoleDecision } from '../schema/record.js';
import { partAt } from '../segment/parts.js';
import type { Segmentation } from '../segment/segment.js';
import { statesNoSelfEvaluation } from './document-kind.js';
import { extractFigures, type ExtractedFigures } from './figures.js';
import { findFlatForm, findFormTotalScore, formFigures } from './flat-form.js';
import { withBudgetExecutionRow } from './forms.js';
import { extractIndicators } from './indicators.js';
import type { LocatedNumber } from './locate.js';

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
}

/** Parts whose numbers a narrative reading may use. */
const NARRATIVE_KINDS = new Set<Part['kind']>(['narrative', 'cover', 'other']);
/** Parts read on their own (forms, score tables, attached evaluation reports): never in the narrative's figures. */
const OWN_KINDS = new Set<Part['kind']>(['self_evaluation_form', 'score_table', 'evaluation_report']);

const SCALARS = ['budget', 'budgetInitial', 'execution', 'executionRate'] as const;

function inKinds(parts: readonly Part[], kinds: Set<Part['kind']>) {
  return (n: LocatedNumber) => {
    const p = partAt(parts, n.start);
    return p === null || kinds.has(p.kind);
  };
}

function notInKinds(parts: readonly Part[], kinds: Set<Part['kind']>) {
  return (n: LocatedNumber) => {
    const p = partAt(parts, n.start);
    return p === null || !kinds.has(p.kind);
  };
}

/** A figure with the id of the part its evidence stands in. */
function withPart<T extends Figure | null>(f: T, parts: readonly Part[]): T {
  if (!f || f.part) return f;
  const p = partAt(parts, f.evidence.start);
  return (p ? { ...f, part: p.id } : f) as T;
}

function rolesOf(f: ExtractedFigures): RoleDecision[] {
  return f.roles ?? [];
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
  const figures = extractFigures(doc, seg, numbers.filter(notInKinds(parts, new Set(['evaluation_report']))), reportKind);
  const form = findFlatForm(doc);
  if (form) {
    const ff = formFigures(form);
    for (const key of SCALARS) figures[key] = ff[key] ?? figures[key];
    if (figures.fundSources.length === 0) figures.fundSources = ff.fundSources;
    figures.budgetExecutionWeight ??= ff.budgetExecutionWeight;
    figures.budgetExecutionScore ??= ff.budgetExecutionScore;
  }
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
    projects: figures.projects,
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
  if (statesNoSelfEvaluation(documentKind)) reportKind = 'unknown';
  else if (departmentForm) reportKind = 'department_overall';
  else if (documentKind === 'final_accounts') reportKind = ownForms.length > 0 ? 'project' : 'unknown';
  else if (documentKind === 'self_evaluation_forms' && ownForms.length > 0) reportKind = 'project';

  if (selfEvaluation && ownForms.length === 0) return { ...readWithoutForms(input), reportKind };

  // Named amounts (功能分类, 经济分类, 资金来源, projects) from everything but the parts read on their own.
  const lists = extractFigures(doc, seg, numbers.filter(notInKinds(parts, OWN_KINDS)), reportKind);
  const chosen = departmentForm ?? (selfEvaluation && ownForms.length === 1 ? ownForms[0] : undefined);
  // The narrative speaks of the chosen form's subject when the report is that one form's (or the department's).
  const narrative = extractFigures(doc, seg, numbers.filter(inKinds(parts, NARRATIVE_KINDS)), reportKind);
  const sameSubject = selfEvaluation && chosen !== undefined && (ownForms.length === 1 || reportKind === 'department_overall');
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
  const out: Headline = {
    budget: chosen?.budget ?? fromNarrative('budget'),
    budgetInitial: chosen?.budgetInitial ?? fromNarrative('budgetInitial'),
    execution: chosen?.execution ?? fromNarrative('execution'),
    executionRate: chosen?.executionRate ?? fromNarrative('executionRate'),
    selfScore: chosen?.totalScore ?? fromNarrative('selfScore'),
    byFunction: lists.byFunction,
    byNature: lists.byNature,
    fundSources: chosen && fundSourcesOfForm(chosen).length > 0 ? fundSourcesOfForm(chosen) : lists.fundSources,
    projects: lists.projects,
    indicators: chosen?.indicators ?? [],
    reportKind,
    roles: rolesOf(narrative),
  };
  return out;
}
