/**
 * Identities within and across the 决算 tables: balances of the 收支总表, totals of rows and
 * columns, 类 = Σ款 = Σ项 by 科目 code (levels are never summed together), 人员经费 / 公用经费 by
 * economic class, and the same figure in two tables.
 */
import type { CheckResult } from '../../schema/record.js';
import { ACCOUNTS_COLUMNS, NON_AMOUNT_HEADER } from '../../vocabulary/index.js';
import type { AccountsRule } from './engine.js';
import { figureEvidence, moneyInterval, relation, sumOf, type Amount } from './relations.js';
import type { AccountsRow, AccountsTable } from './tables.js';
import { tableOf } from './tables.js';

export const T = {
  overview: '收入支出决算总表',
  income: '收入决算表',
  expenditure: '支出决算表',
  appropriationOverview: '财政拨款收入支出决算总表',
  general: '一般公共预算财政拨款支出决算表',
  basic: '一般公共预算财政拨款基本支出决算表',
  sangong: '财政拨款“三公”经费支出决算表',
} as const;

/** Grid columns that hold amounts (header not a code, name or line-number column). */
export function amountColumns(table: AccountsTable): number[] {
  return table.columns.flatMap((h, i) => (h !== '' && !h.split('/').some((p) => NON_AMOUNT_HEADER.test(p)) ? [i] : []));
}

const NUMBERING = /^[一二三四五六七八九十]+[、.．]/u;

function bare(label: string): string {
  return label.replace(NUMBERING, '').replace(/[（(].*?[）)]/gu, '');
}

/**
 * Values of a two-sided table (收入 | 支出) by row label: every label cell matching, with the
 * amount of the first amount column right of it (null when blank).
 */
export function sideValues(table: AccountsTable, label: RegExp): { row: number; col: number; amount: Amount }[] {
  const cols = amountColumns(table);
  const out: { row: number; col: number; amount: Amount }[] = [];
  table.rows.forEach((row, ri) => {
    for (const [col, text] of row.labels) {
      if (!label.test(bare(text))) continue;
      const next = cols.find((c) => c > col);
      if (next === undefined) continue;
      const between = [...row.labels.keys()].some((k) => k > col && k < next && !/行次/u.test(table.columns[k] ?? ''));
      if (between) continue;
      out.push({ row: ri, col: next, amount: row.amounts.get(next)?.figure ?? null });
    }
  });
  return out;
}

function firstSide(table: AccountsTable, label: RegExp, side: 'left' | 'right'): { row: number; col: number; amount: Amount } | undefined {
  const all = sideValues(table, label);
  const mid = table.columns.length / 2;
  return all.find((v) => (side === 'left' ? v.col < mid : v.col >= mid));
}

function rel(table: AccountsTable, rule: string, what: string, whatEn: string, total: Amount, parts: Amount[], roles: [string, string] = ['total', 'part']): CheckResult {
  return relation({
    rule,
    expected: sumOf(parts),
    actual: moneyInterval(total),
    unit: table.unit,
    what: `${table.name} ${what}`,
    whatEn: `${table.name} ${whatEn}`,
    evidence: [...figureEvidence(roles[0], total), ...parts.flatMap((p) => figureEvidence(roles[1], p))],
    ...(table.part ? { part: table.part } : {}),
    detail: { table: table.name },
  });
}

/** 收支总表 and 财政拨款收支总表: 总计 on both sides, and each side's 总计 from its lines. */
const balance: AccountsRule = {
  id: 'accounts.balance',
  emits: [{ id: 'accounts.balance', zh: '收支总表、财政拨款收支总表：收入总计 = 支出总计；各方总计 = 本年合计 + 结转结余；本年合计 = Σ各项', en: 'overview tables balance: totals on both sides, each total from its lines', status: 'fail' }],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const name of [T.overview, T.appropriationOverview]) {
      const table = tableOf(ctx.tables, name);
      if (!table) continue;
      const totalL = firstSide(table, /^总计$/u, 'left');
      const totalR = firstSide(table, /^总计$/u, 'right');
      if (totalL?.amount && totalR?.amount) out.push(rel(table, 'accounts.balance', '总计（收入）= 总计（支出）', 'grand total, income = expenditure', totalR.amount, [totalL.amount]));
      const incomeLines = [/^本年收入合计$/u, /^使用非财政拨款结余/u, /^年初(?:财政拨款)?结转和结余$/u];
      const spendLines = [/^本年支出合计$/u, /^结余分配$/u, /^年末(?:财政拨款)?结转和结余$/u];
      if (totalL?.amount) {
        const parts = incomeLines.map((l) => firstSide(table, l, 'left')).filter((v) => v !== undefined);
        if (parts.length >= 2) out.push(rel(table, 'accounts.balance', '总计（收入）= 本年收入合计 + 结余 + 年初结转和结余', 'income total = income of the year + balances', totalL.amount, parts.map((p) => p.amount)));
      }
      if (totalR?.amount) {
        const parts = spendLines.map((l) => firstSide(table, l, 'right')).filter((v) => v !== undefined);
        if (parts.length >= 2) out.push(rel(table, 'accounts.balance', '总计（支出）= 本年支出合计 + 结余分配 + 年末结转和结余', 'expenditure total = spending of the year + carry-over', totalR.amount, parts.map((p) => p.amount)));
      }
      // 本年收入合计 / 本年支出合计 from the lines above them on their side.
      for (const [side, label] of [['left', /^本年收入合计$/u], ['right', /^本年支出合计$/u]] as const) {
        const total = firstSide(table, label, side);
        if (!total?.amount) continue;
        const lines = table.rows.slice(0, total.row).flatMap((row) => {
          const entries = [...row.labels.entries()].filter(([col]) => (side === 'left' ? col < total.col : col < total.col && col > table.columns.length / 2 - 1));
          const [col] = entries.at(-1) ?? [];
          return col !== undefined && NUMBERING.test(row.labels.get(col)!) ? [row.amounts.get(total.col)?.figure ?? null] : [];
        });
        if (lines.length >= 2) out.push(rel(table, 'accounts.balance', `${side === 'left' ? '本年收入合计' : '本年支出合计'} = Σ各项`, `${side === 'left' ? 'income' : 'spending'} of the year = Σ lines`, total.amount, lines));
      }
    }
    return out;
  },
};

/** The column whose header marks a row's total, and the component columns it sums. */
function rowTotalColumns(table: AccountsTable): { total: number; parts: number[] } | null {
  const cols = amountColumns(table);
  const total = cols.find((c) => ACCOUNTS_COLUMNS.total.test(table.columns[c]!.split('/').at(-1)!) && !/决算数|金额/u.test(table.columns[c]!));
  if (total === undefined) return null;
  const path = table.columns[total]!.split('/');
  const parent = path.slice(0, -1).join('/');
  const parts = cols.filter((c) => {
    if (c === total) return false;
    const p = table.columns[c]!.split('/');
    return parent === '' ? c > total && p.length === 1 : p.slice(0, -1).join('/') === parent;
  });
  return parts.length > 0 ? { total, parts } : null;
}

const CODED = [T.income, T.expenditure, T.general, '政府性基金预算财政拨款收入支出决算表', '国有资本经营预算财政拨款收入支出决算表', '一般公共预算财政拨款项目支出决算表'];

/** Each row: its total column = Σ its component columns (本年支出合计 = 基本支出 + 项目支出 + …). */
const rowSum: AccountsRule = {
  id: 'accounts.row_sum',
  emits: [{ id: 'accounts.row_sum', zh: '每行：合计列 = Σ分列（本年支出合计 = 基本支出 + 项目支出 + …）', en: 'each row: its total column = Σ its component columns', status: 'fail' }],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const table of ctx.tables) {
      if (!CODED.includes(table.name) && table.name !== T.appropriationOverview) continue;
      const cols = rowTotalColumns(table);
      if (!cols) continue;
      for (const row of table.rows) {
        const total = row.amounts.get(cols.total)?.figure;
        if (!total) continue;
        const parts = cols.parts.map((c) => row.amounts.get(c)?.figure ?? null);
        if (parts.every((p) => p === null) && cols.parts.length > 1 && table.name === T.appropriationOverview) continue;
        out.push(rel(table, 'accounts.row_sum', `${row.code ?? ''}${row.label || '行'}：${table.columns[cols.total]} = Σ分列`, `${row.code ?? ''} ${row.label}: ${table.columns[cols.total]} = Σ columns`, total, parts));
      }
    }
    return out;
  },
};

/** Children of a coded row: the rows one level down whose code extends it. */
function childrenOf(rows: readonly AccountsRow[], parent: AccountsRow): AccountsRow[] {
  const code = parent.code!;
  const next = parent.level === '类' ? 5 : parent.level === '款' ? 7 : 0;
  return rows.filter((r) => r.code && r.code.length === next && r.code.startsWith(code));
}

/** 合计 = Σ类; 类 = Σ款; 款 = Σ项, per amount column, by code (never across levels). */
const codeLevels: AccountsRule = {
  id: 'accounts.code_levels',
  emits: [
    { id: 'accounts.column_sum', zh: '合计行 = Σ类（按科目编码，不跨级相加）', en: 'the total row = Σ 类 rows (by code, never across levels)', status: 'fail' },
    { id: 'accounts.code_levels', zh: '类 = Σ款，款 = Σ项（按科目编码前缀）', en: '类 = Σ款 and 款 = Σ项, by code prefix', status: 'fail' },
  ],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const table of ctx.tables) {
      if (!CODED.includes(table.name)) continue;
      const coded = table.rows.filter((r) => r.code && r.level);
      if (coded.length === 0) continue;
      const cols = amountColumns(table);
      const classes = coded.filter((r) => r.level === '类');
      const total = table.rows.find((r) => r.total && !r.code);
      for (const c of cols) {
        if (total?.amounts.get(c)) {
          out.push(rel(table, 'accounts.column_sum', `合计（${table.columns[c]}）= Σ类`, `total (${table.columns[c]}) = Σ classes`, total.amounts.get(c)!.figure, classes.map((r) => r.amounts.get(c)?.figure ?? null)));
        }
        for (const parent of coded) {
          if (parent.level === '项') continue;
          const kids = childrenOf(coded, parent);
          const value = parent.amounts.get(c)?.figure ?? null;
          if (kids.length === 0 || (!value && kids.every((k) => !k.amounts.get(c)))) continue;
          out.push(rel(table, 'accounts.code_levels', `${parent.code} ${parent.label}（${table.columns[c]}）= Σ${parent.level === '类' ? '款' : '项'}`, `${parent.code} ${parent.label} (${table.columns[c]}) = Σ children`, value, kids.map((k) => k.amounts.get(c)?.figure ?? null)));
        }
      }
    }
    return out;
  },
};

interface EconomicEntry {
  code: string | null;
  label: string;
  amount: Amount;
}

/** The 基本支出表's entries, read across its two or three side-by-side halves (code, name, amount). */
export function economicEntries(table: AccountsTable): EconomicEntry[] {
  const out: EconomicEntry[] = [];
  for (const row of table.rows) {
    let current: EconomicEntry | null = null;
    let pendingCode = '';
    const flush = () => {
      if (current) out.push(current);
      current = null;
    };
    for (const cell of row.cells) {
      if (cell.amount) {
        if (current) (current as EconomicEntry).amount = cell.amount.figure;
        else if (pendingCode) current = { code: pendingCode, label: '', amount: cell.amount.figure };
        flush();
        pendingCode = '';
      } else if (/^\d{3}$/u.test(cell.text) || /^\d{5}$/u.test(cell.text)) {
        flush();
        pendingCode = cell.text;
      } else if (/^\d{2}$/u.test(cell.text) && pendingCode.length === 3) {
        pendingCode += cell.text;
      } else {
        flush();
        current = { code: pendingCode || null, label: cell.text, amount: null };
        pendingCode = '';
      }
    }
    flush();
  }
  return out;
}

/** 人员经费: 301 工资福利支出 and 303 对个人和家庭的补助; 公用经费 is every other class of 基本支出. */
const PERSONNEL_CLASSES = ['301', '303'];

/** 人员经费合计 = 301 + 303; 公用经费合计 = Σ the other classes (302, 307, 310, 399 …); 类 = Σ款. */
const economic: AccountsRule = {
  id: 'accounts.economic',
  emits: [{ id: 'accounts.economic', zh: '基本支出表：人员经费合计 = 301 + 303，公用经费合计 = 其余各类（302、307、310、399 …），类 = Σ款', en: 'basic expenditure table: personnel = 301 + 303, public funds = the other classes (302, 307, 310, 399 …), class = Σ items', status: 'fail' }],
  run(ctx) {
    const table = tableOf(ctx.tables, T.basic);
    if (!table) return [];
    const entries = economicEntries(table);
    const out: CheckResult[] = [];
    const classes = entries.filter((e) => e.code?.length === 3);
    for (const [label, personnel] of [
      ['人员经费', true],
      ['公用经费', false],
    ] as const) {
      const total = entries.find((e) => e.label.startsWith(label) && e.label.endsWith('合计'));
      const parts = classes.filter((e) => PERSONNEL_CLASSES.includes(e.code!) === personnel);
      if (total?.amount && parts.length > 0) {
        out.push(rel(table, 'accounts.economic', `${label}合计 = Σ${parts.map((p) => p.code).join('+')}`, `${label} total = Σ economic classes`, total.amount, parts.map((p) => p.amount)));
      }
    }
    for (const parent of entries.filter((e) => e.code?.length === 3)) {
      const kids = entries.filter((e) => e.code?.length === 5 && e.code.startsWith(parent.code!));
      if (kids.length === 0 || (!parent.amount && kids.every((k) => !k.amount))) continue;
      out.push(rel(table, 'accounts.economic', `${parent.code} ${parent.label} = Σ款`, `${parent.code} ${parent.label} = Σ items`, parent.amount, kids.map((k) => k.amount)));
    }
    return out;
  },
};

function classRows(table: AccountsTable): AccountsRow[] {
  return table.rows.filter((r) => r.level === '类');
}

function columnWhere(table: AccountsTable, pattern: RegExp): number | undefined {
  return amountColumns(table).find((c) => pattern.test(table.columns[c]!));
}

function totalRow(table: AccountsTable): AccountsRow | undefined {
  return table.rows.find((r) => r.total && !r.code && !r.label.includes('人员') && !r.label.includes('公用'));
}

/** The same figure in two tables: totals, 基本/项目支出, each 类 by code or name. */
const crossTable: AccountsRule = {
  id: 'accounts.cross_table',
  emits: [{ id: 'accounts.cross_table', zh: '同一数字在两表一致：收支总表 ↔ 收入决算表 ↔ 支出决算表（合计与各类），财政拨款收支总表 ↔ 一般公共预算财政拨款支出决算表 ↔ 基本支出表', en: 'the same figure agrees across tables (overview, income, expenditure; appropriation overview, general budget, basic expenditure)', status: 'fail' }],
  run(ctx) {
    const out: CheckResult[] = [];
    const pair = (what: string, a: { table: AccountsTable; amount: Amount } | undefined, b: { table: AccountsTable; amount: Amount } | undefined) => {
      if (!a || !b || (!a.amount && !b.amount)) return;
      out.push(
        relation({
          rule: 'accounts.cross_table',
          expected: moneyInterval(a.amount),
          actual: moneyInterval(b.amount),
          unit: b.table.unit,
          what: `${what}：${a.table.name} ↔ ${b.table.name}`,
          whatEn: `${what}: ${a.table.name} vs ${b.table.name}`,
          evidence: [...figureEvidence(a.table.name, a.amount), ...figureEvidence(b.table.name, b.amount)],
          ...(b.table.part ? { part: b.table.part } : {}),
          detail: { tables: [a.table.name, b.table.name] },
        }),
      );
    };
    const overview = tableOf(ctx.tables, T.overview);
    const income = tableOf(ctx.tables, T.income);
    const spend = tableOf(ctx.tables, T.expenditure);
    const approp = tableOf(ctx.tables, T.appropriationOverview);
    const general = tableOf(ctx.tables, T.general);
    const basic = tableOf(ctx.tables, T.basic);
    const at = (table: AccountsTable | undefined, row: AccountsRow | undefined, col: number | undefined) =>
      table && row && col !== undefined ? { table, amount: row.amounts.get(col)?.figure ?? null } : undefined;
    const side = (table: AccountsTable | undefined, label: RegExp, s: 'left' | 'right') => {
      if (!table) return undefined;
      const v = firstSide(table, label, s);
      return v ? { table, amount: v.amount } : undefined;
    };
    if (overview && income) pair('本年收入合计', side(overview, /^本年收入合计$/u, 'left'), at(income, totalRow(income), columnWhere(income, /本年收入合计|^合计$/u)));
    if (overview && spend) {
      pair('本年支出合计', side(overview, /^本年支出合计$/u, 'right'), at(spend, totalRow(spend), columnWhere(spend, /本年支出合计|^合计$/u)));
      const totalCol = columnWhere(spend, /本年支出合计|^合计$/u);
      for (const row of classRows(spend)) pair(`${row.code} ${row.label}`, side(overview, new RegExp(`^${escape(bare(row.label))}$`, 'u'), 'right'), at(spend, row, totalCol));
    }
    if (approp && general) {
      const col = columnWhere(general, /合计|小计/u);
      pair('本年支出合计', side(approp, /^本年支出合计$/u, 'right'), at(general, totalRow(general), col));
      for (const row of classRows(general)) {
        const v = approp.rows.length ? sideValues(approp, new RegExp(`^${escape(bare(row.label))}$`, 'u'))[0] : undefined;
        if (!v) continue;
        const gpCol = amountColumns(approp).find((c) => c > v.col && /一般公共预算/u.test(approp.columns[c]!));
        pair(`${row.code} ${row.label}`, gpCol !== undefined ? { table: approp, amount: approp.rows[v.row]!.amounts.get(gpCol)?.figure ?? null } : undefined, at(general, row, col));
      }
    }
    if (approp && overview) pair('一般公共预算财政拨款收入', side(overview, /^一般公共预算财政拨款(?:收入)?$/u, 'left'), side(approp, /^一般公共预算财政拨款(?:收入)?$/u, 'left'));
    if (general && basic) {
      const entries = economicEntries(basic);
      const personnel = entries.find((e) => e.label.startsWith('人员经费') && e.label.endsWith('合计'));
      const publicUse = entries.find((e) => e.label.startsWith('公用经费') && e.label.endsWith('合计'));
      const basicCol = columnWhere(general, /基本支出/u);
      const row = totalRow(general);
      const stated = row && basicCol !== undefined ? row.amounts.get(basicCol)?.figure ?? null : undefined;
      if (personnel && publicUse && stated !== undefined) {
        out.push(
          relation({
            rule: 'accounts.cross_table',
            expected: sumOf([personnel.amount, publicUse.amount]),
            actual: moneyInterval(stated),
            unit: general.unit,
            what: `基本支出：${T.general} = 人员经费合计 + 公用经费合计（${T.basic}）`,
            whatEn: `basic expenditure: ${T.general} = personnel + public funds (${T.basic})`,
            evidence: [...figureEvidence('基本支出', stated), ...figureEvidence('人员经费合计', personnel.amount), ...figureEvidence('公用经费合计', publicUse.amount)],
            ...(general.part ? { part: general.part } : {}),
          }),
        );
      }
    }
    return out;
  },
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export const TABLE_RULES: readonly AccountsRule[] = [balance, rowSum, codeLevels, economic, crossTable];
