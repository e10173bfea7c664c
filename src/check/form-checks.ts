/**
 * Each 自评表 checked on its own (never against another form or the 决算's totals): its 执行率
 * against 全年执行数 / 全年预算数, its fund rows against 年度资金总额, its indicator rows (Σ 分值,
 * Σ 得分 = 总分 with the 预算执行 row, 得分 ≤ 分值). The narrative against the form is
 * narrative-form.ts's, fed by the projects' statements (extract/headline.ts). Every result names
 * the form in `part`.
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Figure, Form, Indicator, ReportRecord } from '../schema/record.js';
import { withBudgetExecutionRow } from '../schema/form-indicators.js';
import { checkIndicatorSet, pointsInterval } from './indicator-checks.js';
import { intervalsMeet } from './interval.js';
import { evidenceOfFigure, makeResult } from './result.js';
import { checkRate } from './rate-checks.js';
import { checkSum, type SumPart } from './sum-checks.js';

/** A form's name in messages. */
function formName(form: Form): string {
  return form.projectName ?? (form.formKind === 'department_overall' ? '部门整体' : form.id);
}

/** One form's results: its rows are surely its own, so each is `definite` unless the rule judged its reading only `possible`. */
function inForm(form: Form, results: CheckResult[], keepPossible = false): CheckResult[] {
  return results.map((r) => ({ ...r, part: form.id, certainty: keepPossible && r.certainty === 'possible' ? 'possible' : 'definite', detail: { ...r.detail, form: formName(form) } }));
}

/**
 * 执行率 = 全年执行数 / 全年预算数 (the form's (B/A)); the 年初预算数 is not its denominator. The three
 * are cells of the 年度资金总额 row, read at the row's precision.
 */
function checkFormRate(form: Form): CheckResult[] {
  const row = [form.budgetInitial, form.budget, form.execution].filter((f) => f !== null);
  return checkRate({ rule: 'form.execution_rate', rate: form.executionRate, execution: form.execution, budget: form.budget, budgetInitial: undefined, row, ...(form.projectName ? { project: form.projectName } : {}) });
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

/**
 * A fund row that holds the whole of the total row's money (the same 全年预算数 and 全年执行数) and
 * prints its own 分值 and 得分 scores the same execution as the total row: the same weight must give
 * the same score (t401: 200 / 179.43, 分值 10, 得分 9 on the total row and 8 on its 当年财政拨款 row).
 * Rows with less money, or another weight, score something else and are left alone.
 */
function checkFundRowScores(form: Form): CheckResult[] {
  const { budget, execution, budgetExecutionWeight: weight, budgetExecutionScore: score } = form;
  if (!budget || !execution || !weight || !score) return [];
  const same = (a: Figure | null | undefined, b: Figure) => !!a && new Decimal(a.exact).eq(b.exact);
  return form.fundRows
    .filter((r) => same(r.budget, budget) && same(r.execution, execution) && same(r.weight, weight) && r.score)
    .map((r) => {
      const holds = intervalsMeet(pointsInterval(r.score!), pointsInterval(score));
      return makeResult({
        rule: 'form.fund_rows',
        status: holds ? 'pass' : 'fail',
        expected: pointsInterval(score),
        actual: pointsInterval(r.score!),
        unit: '分',
        zh: `资金来源「${r.name}」与年度资金总额预算、执行均为 ${budget.text}、${execution.text}，分值同为 ${weight.text}，得分 ${r.score!.text}${holds ? '与' : '却不同于'}总额行得分 ${score.text}`,
        en: `Fund row "${r.name}" holds the whole budget and execution (${budget.text}, ${execution.text}) at the same weight ${weight.text}, and scores ${r.score!.text}, ${holds ? 'like' : 'unlike'} the total row's ${score.text}`,
        evidence: [evidenceOfFigure('total', score), evidenceOfFigure('part', r.score!)],
        detail: { column: 'score', fundRow: r.name },
      });
    });
}

/** The form's indicator rows, scored against its own 总分 and its own 执行率. */
function checkFormIndicators(form: Form): CheckResult[] {
  return checkIndicatorSet({
    // The money block's 预算执行 分值/得分 count among the rows the 总分 adds up.
    indicators: withBudgetExecutionRow(form.indicators, form.budgetExecutionWeight, form.budgetExecutionScore, form.executionRate),
    selfScore: form.totalScore,
    executionRate: form.executionRate,
    execution: form.execution,
    budget: form.budget,
    ownMoney: true,
  });
}

/**
 * The form whose rows are the record's own (the headline form; the record may add the money block's
 * 预算执行 row before them): its rows are checked here, not twice.
 */
export function isHeadlineForm(form: Form, indicators: readonly Indicator[]): boolean {
  const a = form.indicators;
  const extra = indicators.length - a.length;
  return a.length > 0 && (extra === 0 || extra === 1) && a[a.length - 1]!.evidence.end === indicators[indicators.length - 1]!.evidence.end && a[0]!.evidence.start === indicators[extra]!.evidence.start;
}

/** Every form's own checks (the narrative against each form: narrative-form.ts). */
export function checkForms(record: ReportRecord): CheckResult[] {
  const out: CheckResult[] = [];
  for (const form of record.forms) {
    if (form.source === 'score_table') continue;
    out.push(
      ...inForm(form, checkFormRate(form), true),
      ...inForm(form, [...checkFundRows(form), ...checkFundRowScores(form), ...checkFormIndicators(form)]),
    );
  }
  return out;
}
