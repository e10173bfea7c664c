/**
 * The consistency-check engine: pure functions from a ReportRecord to CheckResults. Findings are
 * data, never exceptions; passing relations are reported too, so a record shows what was verified.
 */
import type { SourceDocument } from '../ingest/document.js';
import type { CheckResult, ReportRecord } from '../schema/record.js';
import { checkAccounts } from './accounts/index.js';
import { checkCountPartsWhole } from './count-checks.js';
import { checkIndicators } from './indicator-checks.js';
import { checkExecutionRates } from './rate-checks.js';
import { checkRestated } from './restated-checks.js';
import { sortResults } from './result.js';
import { checkSums } from './sum-checks.js';
import { checkYear } from './year-check.js';

export interface CheckOptions {
  /** Full normalized text of the document, when available (for text-level rules like counts parts/whole). */
  text?: string;
  /** The read document, when available: 决算 rules read its tables and 情况说明. */
  doc?: SourceDocument;
}

/** Every check that applies to the record, ordered fail, warn, pass, not_applicable. */
export function checkRecord(record: ReportRecord, options: CheckOptions = {}): CheckResult[] {
  return sortResults([
    ...checkExecutionRates(record),
    ...checkSums(record),
    ...checkRestated(record),
    ...checkIndicators(record),
    ...checkCountPartsWhole(record, options.text),
    ...checkYear(record, options.text),
    ...(options.doc ? checkAccounts(record, options.doc) : []),
  ]);
}

export * from './interval.js';
export { UNIT_SLIP_FACTOR } from './unit-slip.js';
