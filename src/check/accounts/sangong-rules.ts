/**
 * 三公经费: the table closes (合计 = 出国 + 车 + 接待; 车 = 购置 + 运行, in 预算数 and 决算数) and the
 * 情况说明's 三公 amounts agree with it.
 */
import type { CheckResult } from '../../schema/record.js';
import { SANGONG_ITEMS, SANGONG_ITEM_NAMES, SANGONG_NARRATIVE_ITEMS, type SangongItem } from '../../vocabulary/index.js';
import { evidenceOfFigure } from '../result.js';
import type { AccountsContext, AccountsRule } from './engine.js';
import { isMoney, type NarrativeFigure, type Sentence } from './narrative.js';
import { figureEvidence, moneyInterval, relation, sumOf, type Amount } from './relations.js';
import { T, amountColumns } from './table-rules.js';
import type { TableValue } from './table-values.js';
import { tableOf, type AccountsTable } from './tables.js';

/** The 三公 item a clause names (most specific first), or null. */
export function sangongItemOf(text: string): SangongItem | null {
  const order: SangongItem[] = ['vehiclePurchase', 'vehicleRunning', 'vehicles', 'abroad', 'reception', 'total'];
  for (const item of order) if (SANGONG_NARRATIVE_ITEMS[item].test(text)) return item;
  return null;
}

function sangongColumn(table: AccountsTable, item: SangongItem, kind: 'budget' | 'actual'): number | undefined {
  const order: SangongItem[] = ['vehiclePurchase', 'vehicleRunning', 'vehicles', 'abroad', 'reception', 'total'];
  return amountColumns(table).find((c) => {
    const path = table.columns[c]!;
    if (!(kind === 'budget' ? /预算数/u : /决算数/u).test(path)) return false;
    const own = order.find((i) => SANGONG_ITEMS[i].test(path.split('/').filter((p) => !/^财政拨款.*三公/u.test(p)).join('/')));
    return own === item;
  });
}

export function sangongValue(ctx: AccountsContext, item: SangongItem, kind: 'budget' | 'actual'): TableValue | undefined {
  const table = tableOf(ctx.tables, T.sangong);
  if (!table) return undefined;
  const col = sangongColumn(table, item, kind);
  if (col === undefined) return undefined;
  return { table, amount: table.rows[0]?.amounts.get(col)?.figure ?? null };
}

export const SANGONG_SECTION = /三公/u;
const NOT_A_SANGONG_TOTAL = /比|相比|较|增加|减少|平均|每|外宾|国内|含|团组|人次|批次/u;

/** The 三公 figures the text states, with item and kind. */
function sangongStatements(ctx: AccountsContext): { s: Sentence; f: NarrativeFigure; item: SangongItem; kind: 'budget' | 'actual' }[] {
  const out: { s: Sentence; f: NarrativeFigure; item: SangongItem; kind: 'budget' | 'actual' }[] = [];
  for (const s of ctx.sentences) {
    if (!SANGONG_SECTION.test(s.section)) continue;
    let item: SangongItem | null = null;
    for (const f of s.figures) {
      const named = sangongItemOf(f.label);
      if (named) item = named;
      if (!isMoney(f) || NOT_A_SANGONG_TOTAL.test(f.label)) continue;
      const kind = /预算/u.test(f.label) ? 'budget' : /决算|支出/u.test(f.label) ? 'actual' : null;
      if (!item || !kind) continue;
      out.push({ s, f, item, kind });
    }
  }
  return out;
}

/** 三公: the table closes (合计 = 出国 + 车 + 接待; 车 = 购置 + 运行) and the text agrees with it. */
export const sangong: AccountsRule = {
  id: 'sangong',
  emits: [
    { id: 'sangong.closure', zh: '三公经费表：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车 = 购置费 + 运行费（预算数、决算数）', en: '三公 table closes in both budget and outturn columns', status: 'fail' },
    { id: 'sangong.narrative', zh: '情况说明所述三公经费各项预算数、决算数与三公经费表一致', en: 'the 三公 amounts the text states equal the table', status: 'fail' },
  ],
  run(ctx) {
    const out: CheckResult[] = [];
    const table = tableOf(ctx.tables, T.sangong);
    if (!table) return out;
    for (const kind of ['budget', 'actual'] as const) {
      const v = (item: SangongItem) => {
        const col = sangongColumn(table, item, kind);
        return col === undefined ? undefined : (table.rows[0]?.amounts.get(col)?.figure ?? null);
      };
      const total = v('total');
      const parts = [v('abroad'), v('vehicles'), v('reception')];
      const word = kind === 'budget' ? '预算数' : '决算数';
      if (table.rows.length > 0 && total !== undefined && parts.every((p) => p !== undefined)) {
        out.push(
          relation({
            rule: 'sangong.closure',
            expected: sumOf(parts as Amount[]),
            actual: moneyInterval(total),
            unit: table.unit,
            what: `三公经费${word}：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费`,
            whatEn: `三公 ${kind}: total = abroad + vehicles + reception`,
            evidence: [...figureEvidence('合计', total), ...(parts as Amount[]).flatMap((p) => figureEvidence('part', p))],
            ...(table.part ? { part: table.part } : {}),
          }),
        );
      }
      const vehicles = v('vehicles');
      const purchase = v('vehiclePurchase');
      const running = v('vehicleRunning');
      if (table.rows.length > 0 && vehicles !== undefined && purchase !== undefined && running !== undefined) {
        out.push(
          relation({
            rule: 'sangong.closure',
            expected: sumOf([purchase, running]),
            actual: moneyInterval(vehicles),
            unit: table.unit,
            what: `三公经费${word}：公务用车小计 = 购置费 + 运行费`,
            whatEn: `三公 ${kind}: vehicles = purchase + running`,
            evidence: [...figureEvidence('小计', vehicles), ...figureEvidence('part', purchase), ...figureEvidence('part', running)],
            ...(table.part ? { part: table.part } : {}),
          }),
        );
      }
    }
    for (const { f, item, kind } of sangongStatements(ctx)) {
      const value = sangongValue(ctx, item, kind);
      if (!value) continue;
      out.push(
        relation({
          rule: 'sangong.narrative',
          expected: moneyInterval(value.amount),
          actual: moneyInterval(f.figure),
          unit: '万元',
          what: `情况说明三公经费${SANGONG_ITEM_NAMES[item]}${kind === 'budget' ? '预算数' : '决算数'}与${value.table.name}`,
          whatEn: `narrative 三公 ${item} ${kind} vs ${value.table.name}`,
          evidence: [evidenceOfFigure('text', f.figure), ...figureEvidence('table', value.amount)],
          ...(value.table.part ? { part: value.table.part } : {}),
          detail: { item, kind, tableBlank: value.amount === null, tableRows: value.table.rows.length },
          // The text's 年初预算 and a table whose 预算数 is the 全年 (adjusted) budget may differ by right.
          certainty: kind === 'budget' && /年初/u.test(f.label) && /全年预算|调整后/u.test(value.table.note + value.table.columns.join('')) ? 'possible' : 'definite',
        }),
      );
    }
    return out;
  },
};

