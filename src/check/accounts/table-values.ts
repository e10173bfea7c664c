/**
 * Table figures the 情况说明 names: a line of a two-sided table, a total row's column, a 类 row,
 * the 基本支出表's 人员/公用经费 totals. undefined when the document has no such table or cell.
 */
import type { AccountsContext } from './engine.js';
import type { Amount } from './relations.js';
import { T, amountColumns, economicEntries, sideValues } from './table-rules.js';
import { tableOf, type AccountsTable } from './tables.js';

/** A table figure a sentence can name; undefined when the document has no such table or cell. */
export interface TableValue {
  table: AccountsTable;
  amount: Amount;
}

export function side(ctx: AccountsContext, name: string, label: RegExp, which: 'left' | 'right'): TableValue | undefined {
  const table = tableOf(ctx.tables, name);
  if (!table) return undefined;
  const mid = table.columns.length / 2;
  const v = sideValues(table, label).find((x) => (which === 'left' ? x.col < mid : x.col >= mid));
  return v ? { table, amount: v.amount } : undefined;
}

export function totalColumn(ctx: AccountsContext, name: string, column: RegExp): TableValue | undefined {
  const table = tableOf(ctx.tables, name);
  if (!table) return undefined;
  const row = table.rows.find((r) => r.total && !r.code);
  const col = amountColumns(table).find((c) => column.test(table.columns[c]!));
  if (!row || col === undefined) return undefined;
  return { table, amount: row.amounts.get(col)?.figure ?? null };
}

export function classRow(ctx: AccountsContext, name: string, className: string): TableValue | undefined {
  const table = tableOf(ctx.tables, name);
  if (!table) return undefined;
  const want = className.replace(/支出$/u, '');
  const rows = table.rows.filter((r) => r.level === '类' && r.label.replace(/支出$/u, '') === want);
  const col = amountColumns(table).find((c) => /合计|小计/u.test(table.columns[c]!));
  if (rows.length !== 1 || col === undefined) return undefined;
  return { table, amount: rows[0]!.amounts.get(col)?.figure ?? null };
}

export function economicTotal(ctx: AccountsContext, label: string): TableValue | undefined {
  const table = tableOf(ctx.tables, T.basic);
  if (!table) return undefined;
  const e = economicEntries(table).find((x) => x.label.startsWith(label) && x.label.endsWith('合计'));
  return e ? { table, amount: e.amount } : undefined;
}

