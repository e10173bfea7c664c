import type { CheckResult, Form, ReportRecord } from './record.js';

/** The checks run within one form: those whose `part` names the form or the part it was read from. */
export function listFormChecks(record: ReportRecord, form: Form): CheckResult[] {
  return record.checks.filter((check) => check.part !== undefined && (check.part === form.id || (form.part !== null && check.part === form.part)));
}
