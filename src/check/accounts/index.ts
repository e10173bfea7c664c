/**
 * 部门决算 checks (issue 20): one rule list over the document's 决算 tables and 情况说明, run by
 * one engine. `checkAccounts` returns nothing for a document without 决算 tables.
 */
import type { SourceDocument } from '../../ingest/document.js';
import type { CheckResult, ReportRecord } from '../../schema/record.js';
import { readAccounts, readNarrativeAlone, runAccountsRules, type AccountsRule } from './engine.js';
import { HYGIENE_RULES } from './hygiene-rules.js';
import { NARRATIVE_RULES } from './narrative-rules.js';
import { TABLE_RULES } from './table-rules.js';

/** Every 决算 rule, in the order its findings are listed. */
export const ACCOUNTS_RULES: readonly AccountsRule[] = [...HYGIENE_RULES, ...TABLE_RULES, ...NARRATIVE_RULES];

export function checkAccounts(record: ReportRecord, doc: SourceDocument): CheckResult[] {
  const ctx = readAccounts(record, doc);
  if (ctx) return runAccountsRules(ctx, ACCOUNTS_RULES);
  // A 决算 without tables (its 说明 as a web page): the rules that read the narrative alone.
  if (record.report.documentKind !== 'final_accounts') return [];
  return runAccountsRules(readNarrativeAlone(record, doc), ACCOUNTS_RULES.filter((r) => r.withoutTables));
}

export type { AccountsRule, AccountsContext } from './engine.js';

/** Every rule id the 决算 checks emit, documented (the data dictionary lists these). */
export const ACCOUNTS_RULE_DOCS = ACCOUNTS_RULES.flatMap((rule) => rule.emits);
export type { RuleDoc } from './engine.js';
