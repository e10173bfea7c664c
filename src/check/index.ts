/**
 * The consistency-check engine: pure functions from a ReportRecord to CheckResults. Findings are
 * data, never exceptions; passing relations are reported too, so a record shows what was verified.
 */
import type { SourceDocument } from '../ingest/document.js';
import type { CheckResult, ReportRecord } from '../schema/record.js';
import { checkAccounts } from './accounts/index.js';
import { checkBreakdowns } from './breakdown.js';
import { checkCountPartsWhole } from './count-checks.js';
import { checkForms, isHeadlineForm } from './form-checks.js';
import { checkIndicators } from './indicator-checks.js';
import { checkNarrativeAgainstForms } from './narrative-form.js';
import { checkNegativeAmounts } from './plausibility.js';
import { checkExecutionRates } from './rate-checks.js';
import { checkRestated } from './restated-checks.js';
import { checkRoleTies } from './role-ties.js';
import { sortResults } from './result.js';
import { checkSums } from './sum-checks.js';
import { checkYear } from './year-check.js';
import { checkFulfilment } from './over-fulfilment.js';
import { checkNatureSplit } from './nature-split.js';
import { checkShareAmounts } from './share-amount.js';
import { checkNumberFormats } from './number-format.js';
import { checkAllocations } from './allocation-restated.js';
import { checkTierHeadings, checkTiersWithBudgetExecution } from './tier-headings.js';
import { checkParallelBreakdowns } from './parallel-breakdown.js';
import { checkItemizedBreakdowns } from './itemized-breakdown.js';
import { checkInvestmentColumns } from './investment-columns.js';

export interface CheckOptions {
  /** Full normalized text of the document, when available (for text-level rules like counts parts/whole). */
  text?: string;
  /** The read document, when available: 决算 rules read its tables and 情况说明. */
  doc?: SourceDocument;
}

/** A group of rules: a named value the engine runs; each result names its own rule id. */
export interface CheckRule {
  /** Rule ids (or their prefix) the group reports. */
  id: string;
  run(record: ReportRecord, options: CheckOptions): CheckResult[];
  /** A generic rule that gives way: its results over figures an earlier group already related are dropped. */
  defers?: boolean;
}

/** Every rule group, in report order; results are sorted by status afterwards. */
export const CHECK_RULES: readonly CheckRule[] = [
  { id: 'execution_rate', run: (r, o) => checkExecutionRates(r, o.text) },
  { id: 'sum', run: (r) => checkSums(r) },
  { id: 'restated', run: (r, o) => checkRestated(r, o.text) },
  { id: 'restated (headline candidates)', run: (r) => checkRoleTies(r) },
  // The headline form's rows are checked with that form (under its part), not a second time.
  { id: 'indicator', run: (r) => (r.forms.some((f) => isHeadlineForm(f, r.figures.indicators)) ? [] : checkIndicators(r)) },
  { id: 'form', run: (r) => checkForms(r) },
  { id: 'form.nature_split', run: (_, o) => checkNatureSplit(o.doc) },
  { id: 'sum.fund_sources (项目基本信息 columns)', run: (_, o) => checkInvestmentColumns(o.doc) },
  { id: 'restated (narrative and form)', run: (r) => checkNarrativeAgainstForms(r) },
  { id: 'count.parts_whole', run: (r, o) => checkCountPartsWhole(r, o.text) },
  { id: 'year', run: (r, o) => checkYear(r, o.text) },
  { id: 'indicator.over_fulfilment', run: (r, o) => checkFulfilment(r, o.text) },
  { id: 'plausibility.negative_amount', run: (r) => checkNegativeAmounts(r) },
  { id: 'accounts', run: (r, o) => (o.doc ? checkAccounts(r, o.doc) : []) },
  // After accounts: a 决算 说明's shares are its narrative.share; this group adds the other texts'.
  { id: 'sum.breakdown', run: (_, o) => checkBreakdowns(o.text, o.doc), defers: true },
  { id: 'sum.breakdown (parallel lists)', run: (_, o) => checkParallelBreakdowns(o.text, o.doc) },
  { id: 'sum.breakdown (measures, itemized lists)', run: (_, o) => checkItemizedBreakdowns(o.text, o.doc), defers: true },
  { id: 'share.amount', run: (_, o) => checkShareAmounts(o.text, o.doc) },
  { id: 'number_format', run: (_, o) => checkNumberFormats(o.text, o.doc) },
  { id: 'restated (allocations by document number)', run: (_, o) => checkAllocations(o.text, o.doc) },
  { id: 'indicator.tier_total (headings)', run: (_, o) => checkTierHeadings(o.text, o.doc) },
  { id: 'indicator.tier_total (headings and the 预算执行 part)', run: (r, o) => checkTiersWithBudgetExecution(r, o.text, o.doc) },
];

/** The figures a result relates, as a key: two results over the same figures are one finding. */
function relationKey(r: CheckResult): string {
  return r.evidence
    .map((e) => `${e.evidence.start}:${e.evidence.end}`)
    .sort()
    .join(',');
}

/**
 * One finding per relation: a deferring group's result whose figures an earlier group already
 * related, with the same status, is dropped (accounts' narrative.share and share.of_whole on one
 * 决算 sentence). Other groups' results all stay, even over the same figures (a form's rate and
 * the headline rate read from that form).
 */
function runRules(record: ReportRecord, options: CheckOptions): CheckResult[] {
  const results: CheckResult[] = [];
  const seen = new Set<string>();
  // Keys are made only when a deferring group asks, for the results before it (most groups never need them).
  let keyed = 0;
  for (const rule of CHECK_RULES) {
    const own = rule.run(record, options);
    if (!rule.defers) {
      results.push(...own);
      continue;
    }
    // Certainty is part of the key: an earlier `possible` fail never hides a deferring group's `definite` one.
    for (; keyed < results.length; keyed++) seen.add(`${results[keyed]!.status}|${results[keyed]!.certainty}|${relationKey(results[keyed]!)}`);
    results.push(...own.filter((r) => r.evidence.length < 2 || !seen.has(`${r.status}|${r.certainty}|${relationKey(r)}`)));
  }
  return results;
}

/** Every check that applies to the record, ordered fail, warn, pass, not_applicable. */
export function checkRecord(record: ReportRecord, options: CheckOptions = {}): CheckResult[] {
  return sortResults(runRules(record, options));
}

export * from './interval.js';
export { UNIT_SLIP_FACTOR } from './unit-slip.js';
export { isDefiniteFailure, type Certainty } from './result.js';
