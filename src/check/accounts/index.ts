/**
 * 部门决算 checks (issue 20): one rule list over the document's 决算 tables and 情况说明, run by
 * one engine. A document without 决算 tables gets the rules that read sentences alone (`withoutTables`).
 */
import type { SourceDocument } from '../../ingest/document.js';
import type { CheckResult } from '../../schema/record.js';
import { readAccounts, readNarrativeAlone, runAccountsRules, type AccountsRecord, type AccountsRule } from './engine.js';
import { HYGIENE_RULES } from './hygiene-rules.js';
import { NARRATIVE_RULES } from './narrative-rules.js';
import { TABLE_RULES } from './table-rules.js';

/** Every 决算 rule, in the order its findings are listed. */
export const ACCOUNTS_RULES: readonly AccountsRule[] = [...HYGIENE_RULES, ...TABLE_RULES, ...NARRATIVE_RULES];

export function checkAccounts(record: AccountsRecord, doc: SourceDocument): CheckResult[] {
  const ctx = readAccounts(record, doc);
  if (ctx) return runAccountsRules(ctx, ACCOUNTS_RULES);
  // Any other text (a 决算 说明 as a web page, a 预算 说明, a lottery-fund announcement, a project
  // report): the rules that read the narrative alone, since the same sentences occur there.
  return runAccountsRules(readNarrativeAlone(record, doc), ACCOUNTS_RULES.filter((r) => r.withoutTables));
}

export type { AccountsRule, AccountsContext, AccountsRecord } from './engine.js';

/** Every rule id the 决算 checks emit, documented (the data dictionary lists these). */
export const ACCOUNTS_RULE_DOCS = ACCOUNTS_RULES.flatMap((rule) => rule.emits);
export type { RuleDoc } from './engine.js';
