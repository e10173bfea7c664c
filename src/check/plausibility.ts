/**
 * Values that cannot be, whatever they relate to (issue 16: extraction records what is printed;
 * plausibility is a check). A budget, an execution or a fund amount is never negative: a minus sign
 * there is a typesetting slip or a misread cell. The other plausibility rules live with the relation
 * they belong to: `self_score.range` (indicator-checks.ts), `plausibility.rate_over_100` and
 * `plausibility.execution_over_budget` (rate-checks.ts).
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Figure, ReportRecord } from '../schema/record.js';
import { parseExact } from './exact-decimal.js';
import { intervalOfFigure } from './interval.js';
import { evidenceOfFigure, makeResult } from './result.js';

const RULE = 'plausibility.negative_amount';

/** Money figures of the record with what they are, for the message. */
function amountsOf(record: ReportRecord): { label: string; figure: Figure }[] {
  const f = record.figures;
  const out: { label: string; figure: Figure }[] = [];
  const add = (label: string, figure: Figure | null | undefined) => {
    if (figure && figure.kind === 'money') out.push({ label, figure });
  };
  add('预算数', f.budget);
  add('年初预算数', f.budgetInitial);
  add('执行数', f.execution);
  for (const p of f.projects) {
    add(`项目「${p.name}」预算数`, p.budget);
    add(`项目「${p.name}」年初预算数`, p.budgetInitial);
    add(`项目「${p.name}」执行数`, p.execution);
  }
  for (const n of f.fundSources) add(`资金来源「${n.name}」`, n.amount);
  for (const form of record.forms) {
    const name = form.projectName ?? '部门整体';
    add(`自评表「${name}」预算数`, form.budget);
    add(`自评表「${name}」年初预算数`, form.budgetInitial);
    add(`自评表「${name}」执行数`, form.execution);
  }
  return out;
}

/** Whether a figure's exact value is below zero: by its digits, decimal.js only for what they do not read (∞, exponents). */
function isBelowZero(exact: string): boolean {
  const x = parseExact(exact);
  if (x) return x.m < 0n;
  const d = new Decimal(exact);
  return d.isNegative() && !d.isZero();
}

export function checkNegativeAmounts(record: ReportRecord): CheckResult[] {
  const seen = new Set<string>();
  const results: CheckResult[] = [];
  for (const { label, figure } of amountsOf(record)) {
    const key = `${figure.evidence.start}:${figure.evidence.end}`;
    if (seen.has(key) || !isBelowZero(figure.exact)) continue;
    seen.add(key);
    results.push(
      makeResult({
        rule: RULE,
        status: 'fail',
        expected: { lo: '0', hi: 'Infinity', loOpen: false, hiOpen: true },
        actual: intervalOfFigure(figure),
        unit: figure.unit,
        zh: `${label} ${figure.text} 为负数：预算、执行和资金金额不可能为负`,
        en: `${label} ${figure.text} is negative: a budget, an execution or a fund amount cannot be`,
        evidence: [evidenceOfFigure('amount', figure)],
        detail: { field: label },
      }),
    );
  }
  return results;
}
