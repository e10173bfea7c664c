import type { CheckResult, Form, Indicator, ReportRecord } from './record.js';

/** The checks run within one form: those whose `part` names the form or the part it was read from. */
export function listFormChecks(record: ReportRecord, form: Form): CheckResult[] {
  return record.checks.filter((check) => check.part !== undefined && (check.part === form.id || (form.part !== null && check.part === form.part)));
}

/** One indicator row of a record with the form it belongs to (null: the record's own list). */
export interface RecordIndicator {
  formId: string | null;
  /** The form's project name, when the form names one. */
  project: string | null;
  indicator: Indicator;
}

/**
 * Every indicator row of a record: its own list (a single 自评表 or a report) first, then each
 * form's, in form order — a 部门决算 keeps its indicators per form, not pooled (the store's
 * indicators table and the indicators export use this order).
 */
export function listRecordIndicators(record: ReportRecord): RecordIndicator[] {
  return [
    ...record.figures.indicators.map((indicator) => ({ formId: null, project: null, indicator })),
    ...record.forms.flatMap((form) => form.indicators.map((indicator) => ({ formId: form.id, project: form.projectName, indicator }))),
  ];
}
