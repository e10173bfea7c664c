/**
 * The 决算 check engine: one context read from the document (tables, cover, contents, 情况说明),
 * one list of rules run over it. Rules are named values; each returns CheckResults with both sides,
 * evidence on the page and certainty.
 */
import type { SourceDocument } from '../../ingest/document.js';
import type { CheckResult, ReportRecord } from '../../schema/record.js';
import { readBodyTitles, readContents, readCover, readNarrative, readUnitYearLines, type ContentsEntry, type Cover, type Sentence } from './narrative.js';
import { findAccountsTables, type AccountsTable } from './tables.js';

/** What the 决算 rules read of the record: its parts, which come from the document alone. */
export type AccountsRecord = Pick<ReportRecord, 'parts'>;

export interface AccountsContext {
  record: AccountsRecord;
  doc: SourceDocument;
  tables: AccountsTable[];
  cover: Cover | null;
  contents: ContentsEntry[];
  /** Tables whose titles the body prints, parsed as grids or not. */
  bodyTitles: Set<string>;
  unitYearLines: ReturnType<typeof readUnitYearLines>;
  sentences: Sentence[];
}

/** One rule id a rule value emits, as the data dictionary lists it. */
export interface RuleDoc {
  id: string;
  /** What the rule verifies, in Chinese and English; `status` when it does not hold. */
  zh: string;
  en: string;
  status: 'fail' | 'warn';
}

export interface AccountsRule {
  /** Rule id as it appears on every result (several related ids may share one rule value). */
  id: string;
  /** Every rule id its results carry, documented. */
  emits: readonly RuleDoc[];
  run(ctx: AccountsContext): CheckResult[];
  /** Reads the 情况说明 alone: also run on a 决算 text without tables (a web page of the 说明). */
  withoutTables?: boolean;
}

/** Fewest 决算 tables for a document to count as a 决算 when it has no parts saying so. */
const MIN_TABLES = 2;

export function readAccounts(record: AccountsRecord, doc: SourceDocument): AccountsContext | null {
  const tables = findAccountsTables(doc, record.parts);
  const hasParts = record.parts.some((p) => p.kind === 'accounts_table');
  if (!hasParts && tables.length < MIN_TABLES) return null;
  const contents = readContents(doc);
  return {
    record,
    doc,
    tables,
    cover: readCover(doc),
    contents: contents.entries,
    bodyTitles: readBodyTitles(doc, contents.bodyStart),
    unitYearLines: readUnitYearLines(doc),
    // The 情况说明 usually follows the tables, but some 决算 print it first: read the whole body.
    sentences: readNarrative(doc, contents.bodyStart),
  };
}

/**
 * A 决算 text without tables (the 说明 published as a web page): only its narrative, for the rules
 * that read nothing else.
 */
export function readNarrativeAlone(record: AccountsRecord, doc: SourceDocument): AccountsContext {
  const contents = readContents(doc);
  // No unit-and-year lines: the one rule that reads them (hygiene.unit_year) needs a cover and tables,
  // and reading them cleaned every block of every text.
  return { record, doc, tables: [], cover: null, contents: [], bodyTitles: new Set(), unitYearLines: [], sentences: readNarrative(doc, contents.bodyStart) };
}

/** Runs the rules; a result that names no part gets the part its first evidence stands in. */
export function runAccountsRules(ctx: AccountsContext, rules: readonly AccountsRule[]): CheckResult[] {
  const parts = ctx.record.parts;
  return rules.flatMap((rule) =>
    rule.run(ctx).map((result) => {
      const at = result.evidence[0]?.evidence.start;
      const part = result.part === undefined && at !== undefined ? parts.find((p) => p.start <= at && at < p.end) : undefined;
      return part ? { ...result, part: part.id } : result;
    }),
  );
}
