/**
 * Values that cannot be, whatever they relate to (issue 16: extraction records what is printed;
 * plausibility is a check). A budget, an execution or a fund amount is never negative: a minus sign
 * there is a typesetting slip or a misread cell. The other plausibility rules live with the relation
 * they belong to: `self_score.range` (indicator-checks.ts), `plausibility.rate_over_100` and
 * `plausibility.execution_over_budget` (rate-checks.ts). A form's amounts no local unit spends when
 * read in their header's 万元 are 元 under that header: a `unit_slip` (checkHeaderUnitCeiling).
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

/**
 * Most that one 自评表 of a local government (a province or below) holds in a year, in 万元: 1000亿元.
 * A form covers one project or one department, and no local department or project spends that much
 * (a whole province spends one to two 万亿元 a year, a county far less); the largest form or headline
 * amount of the tune and shared corpora is 67.1亿元 (671037万元). A central ministry's form may, so
 * the rule needs the report placed in a province.
 */
const LOCAL_FORM_CEILING_WAN = 10_000_000;
/** 万元 above base units (元). */
const WAN_SCALE = 4;

/**
 * 元 amounts printed under a 万元 header (t566: 项目资金(万元) over 145000000.00 for a town's 城镇建设管理):
 * each of a form's money cells that prints no unit of its own, takes 万元 from its header and, so read,
 * is above LOCAL_FORM_CEILING_WAN. One finding per form, citing every such cell; read in 元 (÷10^4) the
 * amounts are what the header promised.
 */
export function checkHeaderUnitCeiling(record: ReportRecord): CheckResult[] {
  if (!record.report.region.province) return [];
  const ceiling = new Decimal(LOCAL_FORM_CEILING_WAN).times(new Decimal(10).pow(WAN_SCALE));
  const results: CheckResult[] = [];
  const seen = new Set<number>();
  for (const form of record.forms) {
    const cells = [form.budgetInitial, form.budget, form.execution, ...form.fundRows.flatMap((r) => [r.budgetInitial, r.budget, r.execution])].filter(
      (f): f is Figure => !!f && f.kind === 'money' && f.approx === 'exact' && f.scale === WAN_SCALE && !f.text.includes(f.unit) && !seen.has(f.evidence.start),
    );
    const over = cells.filter((f) => new Decimal(f.exact).gte(ceiling));
    if (over.length === 0) continue;
    for (const f of cells) seen.add(f.evidence.start);
    const name = form.projectName ?? '部门整体';
    const shown = [...new Set(over.map((f) => f.text))].join('、');
    results.push(
      makeResult({
        rule: 'unit_slip',
        status: 'fail',
        expected: { lo: '0', hi: String(LOCAL_FORM_CEILING_WAN), loOpen: false, hiOpen: true },
        actual: intervalOfFigure(over[0]!),
        unit: '万元',
        zh: `自评表「${name}」金额 ${shown} 按表头的万元读超过 ${LOCAL_FORM_CEILING_WAN}万元（1000亿元），非地方一个项目或部门一年所能有；按元读则合理：疑似元金额填在万元表头下`,
        en: `Form "${name}": the amounts ${shown} read in the header's 万元 exceed ${LOCAL_FORM_CEILING_WAN}万元 (100 billion yuan), more than one local project or department has in a year; read in 元 they are plausible: probable 元 amounts under a 万元 header`,
        evidence: over.map((f) => evidenceOfFigure('amount', f)),
        detail: { factor: 10000, adjustment: 'divide', form: name, ceiling: LOCAL_FORM_CEILING_WAN },
      }),
    );
  }
  return results;
}
