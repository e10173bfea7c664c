/**
 * Each 自评表 checked on its own (never against another form or the 决算's totals): its 执行率
 * against 全年执行数 / 全年预算数, its fund rows against 年度资金总额, its indicator rows (Σ 分值,
 * Σ 得分 = 总分 with the 预算执行 row, 得分 ≤ 分值); and the narrative against the form: what the
 * text states about the same project (matched by name) must agree with the form, within the
 * rounding of both. Every result names the form in `part`.
 */
import type { CheckResult, Figure, Form, Indicator, Project, ReportRecord } from '../schema/record.js';
import { checkIndicatorSet } from './indicator-checks.js';
import { intervalOfFigure, intervalsMeet, pointInterval, statedValueOf } from './interval.js';
import { checkRate } from './rate-checks.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';
import { checkSum, type SumPart } from './sum-checks.js';

/** A form's name in messages. */
function formName(form: Form): string {
  return form.projectName ?? (form.formKind === 'department_overall' ? '部门整体' : form.id);
}

function inForm(form: Form, results: CheckResult[], certainty: CheckResult['certainty'] = 'definite'): CheckResult[] {
  return results.map((r) => ({ ...r, part: form.id, certainty, detail: { ...r.detail, form: formName(form) } }));
}

/** 执行率 = 全年执行数 / 全年预算数 (the form's (B/A)); the 年初预算数 is not its denominator. */
function checkFormRate(form: Form): CheckResult[] {
  return checkRate({ rule: 'form.execution_rate', rate: form.executionRate, execution: form.execution, budget: form.budget, budgetInitial: undefined, ...(form.projectName ? { project: form.projectName } : {}) });
}

const MONEY_COLUMNS = [
  { key: 'budgetInitial', zh: '年初预算数', en: 'initial budget' },
  { key: 'budget', zh: '全年预算数', en: 'budget' },
  { key: 'execution', zh: '全年执行数', en: 'execution' },
] as const;

/** Each money column: the fund rows (财政拨款, 上年结转, 其他资金 …) add up to 年度资金总额. */
function checkFundRows(form: Form): CheckResult[] {
  const out: CheckResult[] = [];
  for (const col of MONEY_COLUMNS) {
    const total = form[col.key];
    const parts: SumPart[] = form.fundRows.flatMap((r) => (r[col.key] ? [{ name: r.name, figure: r[col.key]! }] : []));
    // Rows left empty are unknown, not zero: the sum is checked only when every row states the column.
    if (!total || parts.length < 2 || parts.length !== form.fundRows.length) continue;
    out.push(
      ...checkSum({
        rule: 'form.fund_rows',
        zh: `资金来源${col.zh}合计`,
        en: `Sum of fund rows (${col.en})`,
        parts,
        totals: [{ key: col.key, zh: `年度资金总额${col.zh}`, en: `total ${col.en}`, figure: total }],
        mismatch: 'fail',
      }).map((r) => ({ ...r, detail: { ...r.detail, column: col.key } })),
    );
  }
  return out;
}

/** The form's indicator rows, scored against its own 总分 and its own 执行率. */
function checkFormIndicators(form: Form): CheckResult[] {
  return checkIndicatorSet({
    indicators: form.indicators,
    selfScore: form.totalScore,
    executionRate: form.executionRate,
    execution: form.execution,
    budget: form.budget,
  });
}

const STATED = [
  { key: 'selfScore', formKey: 'totalScore', zh: '自评得分', en: 'self-evaluation score' },
  { key: 'budget', formKey: 'budget', zh: '全年预算数', en: 'budget' },
  { key: 'execution', formKey: 'execution', zh: '全年执行数', en: 'execution' },
  { key: 'executionRate', formKey: 'executionRate', zh: '执行率', en: 'execution rate' },
] as const;

/**
 * A figure's interval in a unit (`scale`, the form's): points printed whole on a form are exact (as in
 * indicator-checks); other figures keep their rounding.
 */
function intervalOf(f: Figure, scale: number) {
  return f.kind === 'score' && f.precision === 0 && f.approx === 'exact' ? pointInterval(statedValueOf(f, scale)) : intervalOfFigure(f, scale);
}

/** The narrative's statement about the form's project, when the record holds one under its name. */
function statementOf(form: Form, projects: readonly Project[]): Project | undefined {
  const name = form.projectName;
  if (!name) return undefined;
  return projects.find((p) => p.name === name) ?? projects.find((p) => p.name.startsWith(name) || name.startsWith(p.name));
}

/** The same project's score, budget, execution and rate in the narrative and on its form agree. */
function checkNarrativeAgainstForm(form: Form, projects: readonly Project[]): CheckResult[] {
  const stated = statementOf(form, projects);
  if (!stated || form.source === 'score_table') return [];
  const out: CheckResult[] = [];
  for (const s of STATED) {
    const text = stated[s.key] ?? null;
    const onForm = form[s.formKey];
    if (!text || !onForm || text.kind !== onForm.kind) continue;
    // Both in the form's unit (万元 → 万元), so a 元/万元 difference is a slip, not a match.
    const a = intervalOf(text, onForm.scale);
    const b = intervalOf(onForm, onForm.scale);
    const holds = intervalsMeet(a, b);
    const p = Math.max(text.precision, onForm.precision);
    out.push(
      makeResult({
        rule: 'form.narrative',
        status: holds ? 'pass' : 'fail',
        expected: b,
        actual: a,
        unit: onForm.unit,
        zh: `项目「${formName(form)}」正文所述${s.zh} ${text.text}（区间 ${showInterval(a, p)}）与自评表 ${onForm.text}${holds ? '一致' : '不一致'}`,
        en: `Project "${formName(form)}": the ${s.en} ${text.text} stated in the text (interval ${showInterval(a, p)}) is ${holds ? 'consistent' : 'inconsistent'} with ${onForm.text} on its form`,
        evidence: [evidenceOfFigure('narrative', text), evidenceOfFigure('form', onForm)],
        detail: { field: s.key },
      }),
    );
  }
  return out;
}

/** Forms whose indicators are the record's own (the headline form): checked here, not twice. */
export function isHeadlineForm(form: Form, indicators: readonly Indicator[]): boolean {
  const a = form.indicators;
  return a.length > 0 && a.length === indicators.length && a[0]!.evidence.start === indicators[0]!.evidence.start && a[a.length - 1]!.evidence.end === indicators[indicators.length - 1]!.evidence.end;
}

/** Every form's own checks, and the narrative against each form. */
export function checkForms(record: ReportRecord): CheckResult[] {
  const out: CheckResult[] = [];
  for (const form of record.forms) {
    if (form.source === 'score_table') continue;
    out.push(
      ...inForm(form, [...checkFormRate(form), ...checkFundRows(form), ...checkFormIndicators(form)]),
      // Matched by name across parts: the identity is inferred.
      ...inForm(form, checkNarrativeAgainstForm(form, record.figures.projects), 'possible'),
    );
  }
  return out;
}
