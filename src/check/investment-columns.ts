/**
 * A 项目基本信息 table's money columns (read by extract/investment-table.ts: 计划投资额 | 实际到位资金 |
 * 实际使用情况 …, each a total split by source in the rows below). Each column's printed total must be the
 * sum of its sources (issue 16: an 实际到位 total that is not the sum of its sources). A column whose sources
 * are all empty is not checked. One table names both sides, so a miss is `definite` when two sources or more
 * are filled in; a single filled source short of its total is a warning (its siblings' cells may have
 * been lost by the dump).
 */
import type { SourceDocument } from '../ingest/document.js';
import { readInvestmentTables } from '../extract/investment-table.js';
import type { CheckResult } from '../schema/record.js';
import { checkSum, type SumPart } from './sum-checks.js';

const RULE = 'sum.fund_sources';

/** Every 项目基本信息 table of the document: each column's total against the sum of its sources. */
export function checkInvestmentColumns(doc: SourceDocument | undefined): CheckResult[] {
  if (!doc) return [];
  const out: CheckResult[] = [];
  for (const { columns, rows } of readInvestmentTables(doc)) {
    columns.forEach((column, j) => {
      const parts: SumPart[] = rows.flatMap((r) => (r.cells[j] ? [{ name: r.label, figure: r.cells[j]! }] : []));
      if (!column.total || parts.length === 0) return;
      out.push(
        ...checkSum({
          rule: RULE,
          zh: `${column.name}各资金来源合计`,
          en: `Sum of the sources of ${column.name}`,
          parts,
          totals: [{ key: column.name, zh: column.name, en: column.name, figure: column.total }],
          mismatch: parts.length >= 2 ? 'fail' : 'warn',
        }),
      );
    });
  }
  return out;
}
