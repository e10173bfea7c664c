/**
 * The consistency-check engine: pure functions from a ReportRecord to CheckResults. Findings are
 * data, never exceptions; passing relations are reported too, so a record shows what was verified.
 */
import type { CheckResult, ReportRecord } from '../schema/record.js';
import { checkCountPartsWhole } from './count-checks.js';
import { checkForms, isHeadlineForm } from './form-checks.js';
import { checkIndicators } from './indicator-checks.js';
import { checkExecutionRates } from './rate-checks.js';
import { checkRestated } from './restated-checks.js';
import { sortResults } from './result.js';
import { checkSums } from './sum-checks.js';
import { checkYear } from './year-check.js';

export interface CheckOptions {
  /** Full normalized text of the document, when available (for text-level rules like counts parts/whole). */
  text?: string;
}

/** Every check that applies to the record, ordered fail, warn, pass, not_applicable. */
export function checkRecord(record: ReportRecord, options: CheckOptions = {}): CheckResult[] {
  return sortResults([
    ...checkExecutionRates(record),
    ...checkSums(record),
    ...checkRestated(record),
    // The headline form's rows are checked with that form (under its part), not a second time.
    ...(record.forms.some((f) => isHeadlineForm(f, record.figures.indicators)) ? [] : checkIndicators(record)),
    ...checkForms(record),
    ...checkCountPartsWhole(record, options.text),
    ...checkYear(record, options.text),
  ]);
}

export * from './interval.js';
export { UNIT_SLIP_FACTOR } from './unit-slip.js';
