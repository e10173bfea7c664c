/**
 * The consistency-check engine: pure functions from a ReportRecord to CheckResults. Findings are
 * data, never exceptions; passing relations are reported too, so a record shows what was verified.
 */
import type { RawDocument, SourceDocument } from '../ingest/document.js';
import type { CheckResult, ReportRecord } from '../schema/record.js';
import { checkAccounts } from './accounts/index.js';
import { checkBreakdowns } from './breakdown.js';
import { checkCountPartsWhole } from './count-checks.js';
import { checkForms, isHeadlineForm } from './form-checks.js';
import { checkIndicators } from './indicator-checks.js';
import { checkNarrativeAgainstForms } from './narrative-form.js';
import { checkHeaderUnitCeiling, checkNegativeAmounts } from './plausibility.js';
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
import { checkLevelsRestated } from './level-restated.js';
import { checkArrival } from './arrival.js';
import { checkTierHeadings, checkTiersWithBudgetExecution } from './tier-headings.js';
import { checkMatchedLists, checkParallelBreakdowns } from './parallel-breakdown.js';
import { checkItemizedBreakdowns } from './itemized-breakdown.js';
import { checkInvestmentColumns } from './investment-columns.js';
import { checkNarrativeTiers } from './narrative-tiers.js';
import { checkTableGroups } from './table-groups.js';
import { checkCountedParts } from './counted-parts.js';
import { checkTotalledItems } from './totalled-items.js';
import { findParts } from '../segment/parts.js';
import { segmentDocument } from '../segment/segment.js';
import { normalizeDocument } from '../normalize/normalize.js';

export interface CheckOptions {
  /** Full normalized text of the document, when available (for text-level rules like counts parts/whole). */
  text?: string;
  /** The read document, when available: 决算 rules read its tables and 情况说明. */
  doc?: SourceDocument;
}

/** A group of rules: a named value the engine runs; each result names its own rule id. */
export type CheckRule = RecordRule | DocumentRule;

interface RuleGroup {
  /** Rule ids (or their prefix) the group reports. */
  id: string;
  /** A generic rule that gives way: its results over figures an earlier group already related are dropped. */
  defers?: boolean;
}

/** A group that reads the extracted record (figures, forms, counts). */
interface RecordRule extends RuleGroup {
  reads: 'record';
  run(record: ReportRecord, options: CheckOptions): CheckResult[];
}

/**
 * A group that reads only the document and the record's parts (which come from the document
 * alone): it can run before or beside extraction, on another thread (checkDocumentAlone).
 */
interface DocumentRule extends RuleGroup {
  reads: 'document';
  run(record: Pick<ReportRecord, 'parts'>, options: CheckOptions): CheckResult[];
}

/** Every rule group, in report order; results are sorted by status afterwards. */
export const CHECK_RULES: readonly CheckRule[] = [
  { id: 'execution_rate', reads: 'record', run: (r, o) => checkExecutionRates(r, o.text) },
  { id: 'sum', reads: 'record', run: (r) => checkSums(r) },
  { id: 'restated', reads: 'record', run: (r, o) => checkRestated(r, o.text) },
  { id: 'restated (headline candidates)', reads: 'record', run: (r) => checkRoleTies(r) },
  // The headline form's rows are checked with that form (under its part), not a second time.
  { id: 'indicator', reads: 'record', run: (r) => (r.forms.some((f) => isHeadlineForm(f, r.figures.indicators)) ? [] : checkIndicators(r)) },
  { id: 'form', reads: 'record', run: (r) => checkForms(r) },
  { id: 'form.nature_split', reads: 'document', run: (_, o) => checkNatureSplit(o.doc) },
  { id: 'sum.fund_sources (项目基本信息 columns)', reads: 'document', run: (_, o) => checkInvestmentColumns(o.doc) },
  { id: 'restated (narrative and form)', reads: 'record', run: (r) => checkNarrativeAgainstForms(r) },
  { id: 'count.parts_whole', reads: 'record', run: (r, o) => checkCountPartsWhole(r, o.text) },
  { id: 'year', reads: 'record', run: (r, o) => checkYear(r, o.text) },
  { id: 'indicator.over_fulfilment', reads: 'record', run: (r, o) => checkFulfilment(r, o.text) },
  { id: 'plausibility.negative_amount', reads: 'record', run: (r) => checkNegativeAmounts(r) },
  { id: 'unit_slip (a form\'s amounts above any local budget in its header\'s 万元)', reads: 'record', run: (r) => checkHeaderUnitCeiling(r) },
  { id: 'accounts', reads: 'document', run: (r, o) => (o.doc ? checkAccounts(r, o.doc) : []) },
  // After accounts: a 决算 说明's shares are its narrative.share; this group adds the other texts'.
  { id: 'sum.breakdown', reads: 'document', run: (_, o) => checkBreakdowns(o.text, o.doc), defers: true },
  { id: 'sum.breakdown (parallel lists)', reads: 'document', run: (_, o) => checkParallelBreakdowns(o.text, o.doc) },
  { id: 'sum.breakdown (the same items listed twice, in any order)', reads: 'document', run: (_, o) => checkMatchedLists(o.text, o.doc) },
  { id: 'sum.breakdown (measures, itemized lists)', reads: 'document', run: (_, o) => checkItemizedBreakdowns(o.text, o.doc), defers: true },
  // Parts each given as a count and its money after 其中, their counts adding up to the whole's (t876's grades 优/良/中/差).
  { id: 'sum.breakdown (parts counted and summed)', reads: 'document', run: (_, o) => checkCountedParts(o.text, o.doc) },
  // A 共计 total closing its sentence and the next sentence's items ("包括…，经费N万；…", "A、B，经费各N万" counted per name: t871).
  { id: 'sum.breakdown (a total and its items)', reads: 'document', run: (_, o) => checkTotalledItems(o.text, o.doc) },
  // A numbered table's group rows (一 over its 1, 2 …) against the rows below them.
  { id: 'sum.breakdown (group rows of a numbered table)', reads: 'document', run: (_, o) => checkTableGroups(o.doc) },
  { id: 'share.amount', reads: 'document', run: (_, o) => checkShareAmounts(o.text, o.doc) },
  { id: 'number_format', reads: 'document', run: (_, o) => checkNumberFormats(o.text, o.doc) },
  { id: 'restated (allocations by document number)', reads: 'document', run: (_, o) => checkAllocations(o.text, o.doc) },
  { id: 'restated (a listed fund level named again)', reads: 'document', run: (_, o) => checkLevelsRestated(o.text, o.doc) },
  { id: 'arrival.above_allocation', reads: 'document', run: (_, o) => checkArrival(o.text, o.doc) },
  { id: 'indicator.tier_total (headings)', reads: 'document', run: (_, o) => checkTierHeadings(o.text, o.doc) },
  { id: 'indicator.tier_total (headings and the 预算执行 part)', reads: 'record', run: (r, o) => checkTiersWithBudgetExecution(r, o.text, o.doc) },
  // A narrative's own outline of points: "1.产出指标…分值30分 …(1)数量指标:分值10分 …" (its items share the heading's points).
  { id: 'indicator.tier_total (narrative outline)', reads: 'document', run: (_, o) => checkNarrativeTiers(o.text, o.doc) },
];

/**
 * What the groups that read only the document gave, by group id, before the engine's dedupe: a
 * plain value, so that another thread can compute it (checkDocumentAlone) and hand it over.
 */
export type DocumentChecks = Record<string, CheckResult[]>;

/** Runs the groups that read only the document over `doc` (its text: `doc.text`) and its parts. */
export function checkDocument(doc: SourceDocument, parts: ReportRecord['parts']): DocumentChecks {
  const done: DocumentChecks = {};
  for (const rule of CHECK_RULES) if (rule.reads === 'document') done[rule.id] = rule.run({ parts }, { text: doc.text, doc });
  return done;
}

/**
 * checkDocument over the parts extraction finds in `doc` (findParts is pure: the same parts as
 * the record's). What a second thread runs while this one extracts the record.
 */
export function checkDocumentAlone(doc: SourceDocument): DocumentChecks {
  return checkDocument(doc, findParts(doc, segmentDocument(doc)));
}

/**
 * checkDocumentAlone of the document readDocument makes of `raw` (normalizeDocument is pure: the
 * same document). What the page worker is handed: the read blocks are a third of the normalized
 * document's clone (no text, offset map or cell spans), and the thread that hands them over,
 * which is about to extract, pays for the clone while the worker, otherwise idle, normalizes.
 */
export function checkRawDocumentAlone(raw: RawDocument): DocumentChecks {
  return checkDocumentAlone(normalizeDocument(raw));
}

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
function runRules(record: ReportRecord, options: CheckOptions, done: DocumentChecks | undefined): CheckResult[] {
  const results: CheckResult[] = [];
  const seen = new Set<string>();
  // Keys are made only when a deferring group asks, for the results before it (most groups never need them).
  let keyed = 0;
  for (const rule of CHECK_RULES) {
    const own = (rule.reads === 'document' ? done?.[rule.id] : undefined) ?? rule.run(record, options);
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

/**
 * Every check that applies to the record, ordered fail, warn, pass, not_applicable. `done`: what
 * checkDocument gave for this record's document and `options` (text = doc.text), not run again.
 */
export function checkRecord(record: ReportRecord, options: CheckOptions = {}, done?: DocumentChecks): CheckResult[] {
  return sortResults(runRules(record, options, done));
}

export * from './interval.js';
export { UNIT_SLIP_FACTOR } from './unit-slip.js';
export { isDefiniteFailure, type Certainty } from './result.js';
