/**
 * The 情况说明 against the tables and against itself: every amount it states for a table figure
 * it names, every share (占 x%), completion rate (完成年初预算的 x%), comparison word (决算数小于
 * 预算数) and year-on-year change (减少 56.95 万元，下降 1.87%).
 */
import type { CheckResult, Figure, Interval } from '../../schema/record.js';
import { ADJUSTMENT_WORDS, anyOf, BUDGET_ACCOUNT_WORDS, COMPARISON_WORDS, BUDGET_COMPARISON, BUDGET_DIFFERENCE, REVENUE_CHANGE_WORDS } from '../../vocabulary/index.js';
import { evidenceOf } from '../../normalize/offsets.js';
import { formatDecimal, intervalsMeet, isIntervalAbove, isIntervalBelow, midpointOf, statedValueOf, subtractIntervals, sumDecimals, sumIntervals, pointInterval, addIntervals } from '../interval.js';
import { evidenceOfFigure, makeResult, showInterval } from '../result.js';
import { findUnitSlip, UNIT_SLIP_FACTOR } from '../unit-slip.js';
import type { AccountsContext, AccountsRule } from './engine.js';
import { isMoney, isPercent, type NarrativeFigure, type Sentence } from './narrative.js';
import { SANGONG_SECTION, sangong, sangongItemOf, sangongValue } from './sangong-rules.js';
import { classRow, economicTotal, side, totalColumn, type TableValue } from './table-values.js';
import { figureEvidence, moneyInterval, percentInterval, relation, shareInterval, sumOf, withPlace, type Amount } from './relations.js';
import { T, amountColumns } from './table-rules.js';
import { tableOf, type AccountsRow, type AccountsTable } from './tables.js';
import { productRule } from './product-rule.js';
import { shiftDecimal } from '../../extract/decimal.js';


/** A narrative subject: the section it is stated in, the clause that names it, and its table figure. */
interface Subject {
  id: string;
  section: RegExp;
  label: RegExp;
  value(ctx: AccountsContext, m: RegExpExecArray): TableValue | undefined;
}

const OVERALL = /^收入支出决算总体/u;
const SPENDING = /^(?:本年)?支出决算情况说明$/u;
const GENERAL = /^一般公共预算财政拨款支出决算情况说明$/u;
const BASIC = /基本支出决算情况说明$/u;
const INCOME = /收入决算情况说明$|^收入支出决算总体/u;

const SUBJECTS: readonly Subject[] = [
  { id: '收入支出总计', section: OVERALL, label: /(?<!财政拨款)收入?、?支出?总计$/u, value: (c) => side(c, T.overview, /^总计$/u, 'left') },
  { id: '财政拨款收入支出总计', section: /^财政拨款收入支出决算总体/u, label: /财政拨款收入?、?支出?(?:总计|总决算)$/u, value: (c) => side(c, T.appropriationOverview, /^总计$/u, 'left') },
  { id: '本年收入合计', section: /./u, label: /本年收入合计$/u, value: (c) => side(c, T.overview, /^本年收入合计$/u, 'left') },
  { id: '本年支出合计', section: /./u, label: /本年支出合计$/u, value: (c) => side(c, T.overview, /^本年支出合计$/u, 'right') },
  { id: '年初结转和结余', section: OVERALL, label: /^(?:\d+[.、．])?年初结转和结余$/u, value: (c) => side(c, T.overview, /^年初结转和结余$/u, 'left') },
  { id: '年末结转和结余', section: OVERALL, label: /^(?:\d+[.、．])?年末结转和结余$/u, value: (c) => side(c, T.overview, /^年末结转和结余$/u, 'right') },
  // 一般公共预算 is one of three 财政拨款: each name against its own figure.
  { id: '一般公共预算财政拨款收入', section: INCOME, label: /(?:^|其中|[：:]|\d[.、．])一般公共预算财政拨款收入$/u, value: (c) => side(c, T.overview, /^一般公共预算财政拨款收入$/u, 'left') },
  { id: '财政拨款收入', section: INCOME, label: /(?:^|其中|[：:]|\d[.、．])财政拨款收入$/u, value: (c) => totalColumn(c, T.income, /财政拨款收入/u) },
  { id: '其他收入', section: INCOME, label: /(?:^|其中|[：:]|\d[.、．])其他收入$/u, value: (c) => totalColumn(c, T.income, /其他收入/u) },
  { id: '基本支出', section: SPENDING, label: /(?:^|其中|[：:]|为)基本支出$/u, value: (c) => totalColumn(c, T.expenditure, /基本支出/u) },
  { id: '项目支出', section: SPENDING, label: /(?:^|其中|[：:])项目支出$/u, value: (c) => totalColumn(c, T.expenditure, /项目支出/u) },
  { id: '一般公共预算财政拨款支出', section: GENERAL, label: /一般公共预算财政拨款支出$/u, value: (c) => totalColumn(c, T.general, /合计|小计/u) },
  { id: '财政拨款支出', section: GENERAL, label: /财政拨款支出$/u, value: (c) => side(c, T.appropriationOverview, /^本年支出合计$/u, 'right') },
  { id: '类（一般公共预算）', section: GENERAL, label: /([^：:，。；]+?)[（(]类[）)](?:支出)?$/u, value: (c, m) => classRow(c, T.general, m[1]!.replace(/^.*[：:]/u, '')) },
  { id: '类（支出决算）', section: OVERALL, label: /^(?:\d+[.、．])?([^：:，。；]+?)[（(]类[）)](?:支出)?$/u, value: (c, m) => classRow(c, T.expenditure, m[1]!) },
  { id: '基本支出（一般公共预算）', section: BASIC, label: /基本支出$/u, value: (c) => totalColumn(c, T.general, /基本支出/u) },
  { id: '人员经费', section: BASIC, label: /人员经费$/u, value: (c) => economicTotal(c, '人员经费') },
  { id: '公用经费', section: BASIC, label: /公用经费$/u, value: (c) => economicTotal(c, '公用经费') },
];

/** Every stated amount against the table figure it names. */
const amounts: AccountsRule = {
  id: 'narrative.amount',
  emits: [{ id: 'narrative.amount', zh: '情况说明所述金额与其所指表中数字一致（收入支出总计、财政拨款收支总计、本年收入/支出合计、基本/项目支出、人员/公用经费、各类）', en: 'amounts the 情况说明 states equal the table figures they name', status: 'fail' }],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      for (const f of s.figures) {
        if (!isMoney(f)) continue;
        for (const subject of SUBJECTS) {
          if (!subject.section.test(s.section)) continue;
          const m = subject.label.exec(f.clause);
          if (!m) continue;
          const value = subject.value(ctx, m);
          if (!value) break;
          out.push(
            relation({
              rule: 'narrative.amount',
              expected: moneyInterval(value.amount),
              actual: moneyInterval(f.figure),
              unit: '万元',
              what: `情况说明「${subject.id}」与${value.table.name}`,
              whatEn: `narrative ${subject.id} vs ${value.table.name}`,
              evidence: [evidenceOfFigure('text', f.figure), ...figureEvidence('table', value.amount)],
              ...(value.table.part ? { part: value.table.part } : {}),
              detail: { subject: subject.id, section: s.section, table: value.table.name },
            }),
          );
          break;
        }
      }
    }
    return out;
  },
};

/** "一般公共服务支出（类）财政事务（款）行政运行（项）": the 科目 path an item's paragraph opens with. */
const ITEM_PATH = /([^、.．\d（）()：:，。；]+?)[（(]类[）)]([^（）()，。；]+?)[（(]款[）)]([^（）()，。；]+?)[（(]项[）)]/u;

const stripSpending = (name: string) => name.replace(/支出$/u, '');

/** The 项 row a path names in a coded table, when its 类, 款 and 项 names all match one row. */
function itemRow(table: AccountsTable, path: RegExpExecArray): AccountsRow | undefined {
  const [, cls, kuan, xiang] = path;
  const named = (code: string, name: string) => table.rows.some((r) => r.code === code && stripSpending(r.label) === stripSpending(name!));
  const rows = table.rows.filter((r) => r.level === '项' && r.label === xiang && named(r.code!.slice(0, 3), cls!) && named(r.code!.slice(0, 5), kuan!));
  return rows.length === 1 ? rows[0] : undefined;
}

/**
 * Each 项 the 情况说明 details ("…行政运行（项）…支出决算为1511.89万元") against its row of the
 * 一般公共预算财政拨款支出决算表. Paths whose names differ from the table's are left alone.
 */
const itemAmounts: AccountsRule = {
  id: 'narrative.item_amount',
  emits: [{ id: 'narrative.item_amount', zh: '情况说明各项（类/款/项）的支出决算数与一般公共预算财政拨款支出决算表该项合计一致', en: 'each item the text details (类/款/项) equals its row of the general budget table', status: 'fail' }],
  run(ctx) {
    const table = tableOf(ctx.tables, T.general);
    if (!table) return [];
    const col = amountColumns(table).find((c) => /合计|小计/u.test(table.columns[c]!));
    if (col === undefined) return [];
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      if (!GENERAL.test(s.section)) continue;
      const path = ITEM_PATH.exec(s.paragraph);
      if (!path) continue;
      const row = itemRow(table, path);
      if (!row) continue;
      for (const f of s.figures) {
        if (!isMoney(f) || !/^(?:支出)?决算(?:数)?$/u.test(f.clause)) continue;
        const amount = row.amounts.get(col)?.figure ?? null;
        out.push(
          relation({
            rule: 'narrative.item_amount',
            expected: moneyInterval(amount),
            actual: moneyInterval(f.figure),
            unit: '万元',
            what: `情况说明「${path[0]}」支出决算与${table.name} ${row.code}`,
            whatEn: `narrative ${row.code} ${row.label} vs ${table.name}`,
            evidence: [evidenceOfFigure('text', f.figure), ...figureEvidence('table', amount)],
            ...(table.part ? { part: table.part } : {}),
            detail: { code: row.code },
          }),
        );
      }
    }
    return out;
  },
};

/** Stated percent against a computed one: pass, truncated (warn, a finding of its own) or fail. */
function percentResult(
  rule: string,
  computed: Interval,
  stated: Figure,
  what: string,
  whatEn: string,
  evidence: ReturnType<typeof evidenceOfFigure>[],
  detail: Record<string, unknown>,
  certainty: 'definite' | 'possible',
): CheckResult {
  const actual = percentInterval(stated);
  if (intervalsMeet(computed, actual)) {
    return relation({ rule, expected: computed, actual, unit: '%', what, whatEn, evidence, detail, certainty });
  }
  // Truncated, not rounded: 99.868% printed 99.86%. The stated digits are a floor of the true value.
  // Exact decimals: [stated, stated + one printed step) in %.
  const value = statedValueOf(stated, -2);
  const floorInterval: Interval = { lo: value, hi: sumDecimals([value, `1e-${Math.max(0, stated.precision)}`]), loOpen: false, hiOpen: true };
  if (Number(value) > 0 && intervalsMeet(computed, floorInterval)) {
    const p = stated.precision;
    return withPlace(
      makeResult({
        rule: 'narrative.truncated_percent',
        status: 'warn',
        expected: computed,
        actual,
        unit: '%',
        zh: `${what}：计算值 ${showInterval(computed, p)}%，四舍五入应为 ${roundHalfUp(computed, p)}%，文中 ${stated.text} 为截断（舍去尾数）`,
        en: `${whatEn}: computed ${showInterval(computed, p)}%, rounds to ${roundHalfUp(computed, p)}%; ${stated.text} is truncated`,
        evidence,
        detail,
      }),
      undefined,
      certainty,
    );
  }
  return relation({ rule, expected: computed, actual, unit: '%', what, whatEn, evidence, detail, certainty });
}

function roundHalfUp(iv: Interval, p: number): string {
  return formatDecimal(midpointOf(iv) ?? iv.lo, { minDecimals: p, maxDecimals: p });
}

/** Figures of one paragraph up to and including sentence `s` (at most `back` sentences before it). */
function paragraphFigures(ctx: AccountsContext, s: Sentence, back = Infinity): NarrativeFigure[] {
  // Sentences of one paragraph (readNarrative numbers them), not a search of the list per call: a
  // one-paragraph text of thousands of sentences was quadratic.
  const from = Math.max(s.paragraphIndex, back === Infinity ? 0 : s.index - back);
  return ctx.sentences.slice(from, s.index + 1).flatMap((t) => t.figures);
}

/**
 * `f` stands in sentence `s` or in a clause before it that only ；separates ("…221万元，其中：全民健身
 * 198万元，占89.59%；竞技体育23万元，占10.41%。"): one statement, so its whole is surely the same.
 */
function oneStatement(ctx: AccountsContext, f: NarrativeFigure, s: Sentence): boolean {
  const i = s.index;
  for (let k = i; k >= 0; k--) {
    const t = ctx.sentences[k]!;
    if (k < i && !/[；;]$/u.test(t.text)) return false;
    if (t.figures.includes(f)) return true;
  }
  return false;
}

/**
 * "…收入合计562.21万元，较上年减少70.62万元，下降11.2%。其中：财政拨款收入560.44万元，占99.7%": a
 * statement opening with 其中 shares out the sentence before it. Its amounts other than changes are the
 * candidates; `only` when there is one (the whole is then surely the one 其中 refers to).
 */
function wholeBeforeOpening(ctx: AccountsContext, s: Sentence): { figure: NarrativeFigure; only: boolean } | undefined {
  let k = s.index;
  while (k > 0 && /[；;]$/u.test(ctx.sentences[k - 1]!.text)) k--;
  if (!/^其中/u.test(ctx.sentences[k]!.text)) return undefined;
  let previous: Sentence | undefined;
  for (let j = k - 1; j >= 0 && !previous; j--) if (ctx.sentences[j]!.text.trim() !== '') previous = ctx.sentences[j];
  if (!previous || previous.section !== s.section) return undefined;
  const amounts = previous.figures.filter((f) => isMoney(f) && !CHANGE_AMOUNT.test(f.label) && f.figure.approx === 'exact');
  return amounts[0] ? { figure: amounts[0], only: amounts.length === 1 } : undefined;
}

/** A stated percent within 1% of 10^4 times the computed one (or of its 10^-4): a unit slip with a slip besides. */
function nearlyTenThousandTimes(computed: Interval, stated: Figure): { adjustment: 'multiply' | 'divide' } | null {
  const c = Number(midpointOf(computed));
  const v = Number(statedValueOf(stated, -2));
  if (!(c > 0) || !(v > 0)) return null;
  const ratio = v / c;
  if (Math.abs(ratio / UNIT_SLIP_FACTOR - 1) <= 0.01) return { adjustment: 'multiply' };
  if (Math.abs(ratio * UNIT_SLIP_FACTOR - 1) <= 0.01) return { adjustment: 'divide' };
  return null;
}

/** How far back a named whole is looked for ("…原值482.46万元…。其中：…占固定资产的27.91%"). */
const NAMED_WHOLE_BACK = 3;

/**
 * The amount a share names as its whole, stated before it in the same section ("占固定资产的27.91%" →
 * "固定资产期末账面数原值482.46万元"; "占总数的89.59%" → "总收入221万元"): every such amount must be one
 * value, else none. Outside the share's own sentence the identity is inferred (`possible`).
 */
function namedWhole(ctx: AccountsContext, s: Sentence, named: string, part: NarrativeFigure): NarrativeFigure | undefined {
  const noun = named.replace(/^(?:全部|全年|本年|年度)/u, '').replace(/的$/u, '');
  const generic = /^总(?:数|额|量)$/u.test(noun);
  if (!generic && noun.length < 2) return undefined;
  const names = (f: NarrativeFigure) => (generic ? /总(?:收入|支出|额|计)|合计|总计/u.test(f.clause) : f.clause.includes(noun));
  const i = s.index;
  const found: NarrativeFigure[] = [];
  for (let k = i; k >= 0 && i - k <= NAMED_WHOLE_BACK; k--) {
    const t = ctx.sentences[k]!;
    if (t.section !== s.section) break;
    const upto = k === i ? t.figures.slice(0, t.figures.indexOf(part)) : t.figures;
    found.push(...upto.filter((f) => isMoney(f) && f !== part && names(f)));
  }
  const values = new Set(found.map((f) => f.figure.exact));
  return values.size === 1 ? found[0] : undefined;
}

// "各占50%" / "均占" gives each of several items one share ("按照数量和库容各占50%的比例分配", t780): no
// one part's share of the paragraph's whole.
const SHARE_LABEL = /(?<![各均])占(?:比)?$|(?<![各均])占([^，。；]{2,12}?)的?(?:比重|比例)?$/u;

/** 占 x%: the part over its whole (the paragraph's first amount, or the whole the clause names). */
const shares: AccountsRule = {
  id: 'narrative.share',
  withoutTables: true,
  emits: [
    { id: 'narrative.share', zh: '“占 x%”= 部分 ÷ 整体（整体为段首金额或所指合计）', en: 'a share (占 x%) = part / whole', status: 'fail' },
    { id: 'narrative.truncated_percent', zh: '百分比为截断而非四舍五入（99.868% 写作 99.86%）', en: 'a percent truncated instead of rounded (99.868% printed 99.86%)', status: 'warn' },
  ],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      s.figures.forEach((f, i) => {
        if (!isPercent(f)) return;
        const m = SHARE_LABEL.exec(f.label);
        if (!m) return;
        // A change is never the part ("税收收入完成66342万元,…,增收10304万元,税收收入占地方财政收入66.19%", t905).
        const part = [...s.figures.slice(0, i)].reverse().find((x) => isMoney(x) && !isChangeAmount(x));
        if (!part) return;
        let whole: { figure: Amount; source: string } | undefined;
        const named = m[1];
        if (named) {
          const v = /本年支出合计|总支出/u.test(named)
            ? side(ctx, T.overview, /^本年支出合计$/u, 'right')
            : /本年收入合计|总收入/u.test(named)
              ? side(ctx, T.overview, /^本年收入合计$/u, 'left')
              : undefined;
          if (v) whole = { figure: v.amount, source: v.table.name };
          else {
            const w = namedWhole(ctx, s, named, part);
            if (w) whole = { figure: w.figure, source: s.figures.includes(w) ? 'text' : 'named' };
          }
        } else if (SANGONG_SECTION.test(s.section)) {
          // 三公 shares are of the 三公 total, which the sentence listing the items does not repeat.
          const v = sangongValue(ctx, 'total', 'actual');
          if (v) whole = { figure: v.amount, source: v.table.name };
        } else {
          // The whole is the amount that opens the paragraph and introduces its breakdown ("…万元，其中：").
          const first = paragraphFigures(ctx, s).find(isMoney);
          if (first && first !== part && /^[，,：:]?(?:其中|主要用于|包括|按)/u.test(first.after)) whole = { figure: first.figure, source: oneStatement(ctx, first, s) ? 'text' : 'paragraph' };
          else {
            const before = wholeBeforeOpening(ctx, s);
            if (before) whole = { figure: before.figure.figure, source: before.only ? 'text' : 'previous' };
          }
        }
        if (!whole?.figure) return;
        const computed = shareInterval(moneyInterval(part.figure), moneyInterval(whole.figure));
        if (!computed) return;
        const certainty = whole.source === 'text' ? 'definite' : 'possible';
        const evidence = [evidenceOfFigure('share', f.figure), evidenceOfFigure('part', part.figure), evidenceOfFigure('whole', whole.figure)];
        // Part and whole 10^4 apart (t149: "预算数2089元" for 2089万元): a unit slip, not a wrong share.
        // r28: "5359.668673元 … 占全部收入的78.58%" of 6821.09751万元 is 10^4 off and, beyond that, off by a hair.
        const slip = intervalsMeet(computed, percentInterval(f.figure)) ? null : (findUnitSlip(computed, percentInterval(f.figure)) ?? nearlyTenThousandTimes(computed, f.figure));
        if (slip) {
          out.push(
            withPlace(
              makeResult({
                rule: 'unit_slip',
                status: 'fail',
                expected: computed,
                actual: percentInterval(f.figure),
                unit: '%',
                zh: `占比 ${part.figure.text} ÷ ${whole.figure.text} 与所报 ${f.figure.text} 相差 ${UNIT_SLIP_FACTOR} 倍：疑似元/万元单位错误`,
                en: `share ${part.figure.text} / ${whole.figure.text} is ${UNIT_SLIP_FACTOR} times off the stated ${f.figure.text}: probable 元/万元 unit error`,
                evidence,
                detail: { factor: UNIT_SLIP_FACTOR, relation: 'narrative.share', adjustment: slip.adjustment },
              }),
              undefined,
              certainty,
            ),
          );
          return;
        }
        out.push(
          percentResult(
            'narrative.share',
            computed,
            f.figure,
            `占比 ${part.figure.text} ÷ ${whole.figure.text}`,
            `share ${part.figure.text} / ${whole.figure.text}`,
            evidence,
            { whole: whole.source },
            certainty,
          ),
        );
      });
    }
    return out;
  },
};

/** "…占彩票销售总量的比重分别为": the shares of the amounts listed before, in their order. */
const RESPECTIVE_SHARE_LABEL = /占[^，。；]{0,16}?(?:比重|比例)?分别(?:为|是)?$/u;

/**
 * "乐透数字型2273.37亿元，竞猜型1219.42亿元，…基诺型1.67亿元，占彩票销售总量的比重分别为53.8%、28.9%、
 * 10.4%、6.8%和0.1%": the k-th share is the k-th amount over the whole. Read only when the sentence
 * lists exactly as many amounts as shares and the shares add up to 100% at their printed precision, or
 * (three or more) most shares agree with the amounts' sum as the whole: then the amounts are the whole's
 * parts and their sum is surely the whole.
 */
const respectiveShares: AccountsRule = {
  id: 'narrative.share',
  withoutTables: true,
  emits: [],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      const first = s.figures.findIndex((f) => isPercent(f) && RESPECTIVE_SHARE_LABEL.test(f.label));
      if (first < 0) continue;
      // Nothing but the amounts before the list, nothing but the list after: else which share is whose is a guess.
      const parts = s.figures.slice(0, first);
      const list = s.figures.slice(first);
      if (parts.length < 2 || parts.length !== list.length || !parts.every(isMoney)) continue;
      if (!list.every((f, k) => isPercent(f) && (k === 0 || /^[、，,和及与]?$/u.test(f.label)))) continue;
      if (parts.some((p) => p.figure.approx !== 'exact' || p.figure.unit !== parts[0]!.figure.unit)) continue;
      const whole = sumOf(parts.map((p) => p.figure));
      const wholeText = `${sumDecimals(parts.map((p) => statedValueOf(p.figure)))}${parts[0]!.figure.unit ?? ''}`;
      const results = parts.flatMap((part, k) => {
        const f = list[k]!;
        const computed = shareInterval(moneyInterval(part.figure), whole);
        if (!computed) return [];
        const evidence = [evidenceOfFigure('share', f.figure), evidenceOfFigure('part', part.figure), ...parts.filter((p) => p !== part).map((p) => evidenceOfFigure('sibling', p.figure))];
        return [percentResult('narrative.share', computed, f.figure, `占比 ${part.figure.text} ÷ 各项合计 ${wholeText}`, `share ${part.figure.text} / the listed parts' sum ${wholeText}`, evidence, { whole: 'listed_parts' }, 'definite')];
      });
      // The amounts are the whole's parts when the shares add up to 100% — or, when a share was
      // misprinted (10.7% for 10.4%) and the sum is off, when most shares agree with them.
      const stated = sumIntervals(list.map((f) => percentInterval(f.figure)));
      const agreeing = results.filter((r) => r.status !== 'fail').length;
      if (intervalsMeet(stated, pointInterval(100)) || (parts.length >= 3 && results.length === parts.length && agreeing < parts.length && agreeing * 2 > parts.length)) out.push(...results);
    }
    return out;
  },
};

/** A share of an unnamed (占比) or named whole ("占支出总预算"): group 1 the whole's name, '' for 占比. */
const LISTED_SHARE_LABEL = /^占(?:比|([^，。；\d]{2,12}?)的?(?:比重|比例)?)$/u;
const ENUMERATED = /^[（(][一二三四五六七八九十]+[）)]/u;

/**
 * One item of a parallel list: it opens with its amount, then that amount's share ("用于社区公益类1.26亿元，
 * 占比为23%", "（四）住房保障支出类科目74784.48元，占支出总预算6.90%，同比…"); `whole` names the base.
 */
function listedPart(t: Sentence): { part: NarrativeFigure; share: NarrativeFigure; whole: string } | undefined {
  const [part, share] = t.figures;
  if (!part || !share || !isMoney(part) || !isPercent(share)) return undefined;
  const m = LISTED_SHARE_LABEL.exec(share.label);
  if (!m) return undefined;
  // "其中人员经费…，占比…" is inside the item before it, not beside it.
  if (/其中/u.test(part.before) || part.figure.approx !== 'exact') return undefined;
  return { part, share, whole: m[1] ?? '' };
}

/** Items t and the one before are side by side: ；joins them, or both open the next number of one list. */
function besideBefore(ctx: AccountsContext, t: Sentence, k: number): boolean {
  const previous = ctx.sentences[k - 1];
  if (!previous || previous.section !== t.section) return false;
  return /[；;]$/u.test(previous.text) || (ENUMERATED.test(previous.text) && ENUMERATED.test(t.text));
}

/**
 * "用于养老…4.25亿元，占比为75%；用于社区公益类1.26亿元，占比为23%；用于其他…0.14亿元，占比为2%。":
 * clauses that only ；separates, each an amount and its 占比, are side by side parts of one whole, so the
 * whole is at least their sum and no share can exceed its part over that sum (1.265 ÷ 5.635 = 22.45% < 23%).
 * Only that bound is checked: the whole itself is not stated, so a share below it says nothing.
 */
const listedShares: AccountsRule = {
  id: 'narrative.share',
  withoutTables: true,
  emits: [],
  run(ctx) {
    const out: CheckResult[] = [];
    const list: { part: NarrativeFigure; share: NarrativeFigure; whole: string }[] = [];
    const flush = () => {
      // One base for all, and shares that can add up to at most 100% (else they are not parts of one whole).
      const oneWhole = list.every((x) => x.whole === list[0]!.whole && x.part.figure.unit === list[0]!.part.figure.unit);
      const stated = list.reduce((sum, x) => sum + Number(percentInterval(x.share.figure).lo), 0);
      if (list.length >= 2 && oneWhole && stated <= 100) {
        const sum = sumOf(list.map((x) => x.part.figure));
        for (const { part, share } of list) {
          const most = shareInterval(moneyInterval(part.figure), sum);
          if (!most) continue;
          out.push(
            relation({
              rule: 'narrative.share',
              expected: { lo: '0', hi: most.hi, loOpen: false, hiOpen: most.hiOpen },
              actual: percentInterval(share.figure),
              unit: '%',
              what: `占比 ${part.figure.text} 至多为其 ÷ 并列各项合计（整体不小于各项之和）`,
              whatEn: `share of ${part.figure.text} is at most it over the sum of the parts listed beside it`,
              evidence: [evidenceOfFigure('share', share.figure), evidenceOfFigure('part', part.figure), ...list.filter((x) => x.part !== part).map((x) => evidenceOfFigure('sibling', x.part.figure))],
              detail: { whole: 'at_least_listed_parts' },
            }),
          );
        }
      }
      list.length = 0;
    };
    ctx.sentences.forEach((t, k) => {
      const item = listedPart(t);
      if (!item || !besideBefore(ctx, t, k) || (list.length > 0 && list.at(-1)!.whole !== item.whole)) flush();
      if (item) list.push(item);
    });
    flush();
    return out;
  },
};

const RATE_LABEL = /完成(年初|全年)?预算(?:数)?的?$/u;
const BUDGET_ACCOUNT = new RegExp(anyOf(BUDGET_ACCOUNT_WORDS), 'gu');

/**
 * A sentence that names no budget amount but the 决算's gap to it ("支出总计1741.75万元…完成年初预算100%，
 * 决算数大于预算数55.93万元", t442): the budget is 决算 ∓ the gap, the one the rate names unless the
 * gap names another (年初 against 全年).
 */
function rateAgainstDifference(s: Sentence, rate: NarrativeFigure, actual: NarrativeFigure, named: string | undefined): CheckResult[] {
  const gap = s.figures.find((x) => x !== actual && isMoney(x) && BUDGET_DIFFERENCE.test(x.label));
  const g = gap ? BUDGET_DIFFERENCE.exec(gap.label) : null;
  if (!gap || !g || (g[2] && named && g[2] !== named)) return [];
  const above = directionOf(g[1]!) === 'greater';
  const budget = above ? subtractIntervals(moneyInterval(actual.figure), moneyInterval(gap.figure)) : addIntervals(moneyInterval(actual.figure), moneyInterval(gap.figure));
  const computed = shareInterval(moneyInterval(actual.figure), budget);
  if (!computed) return [];
  const sign = above ? '−' : '+';
  const evidence = [evidenceOfFigure('rate', rate.figure), evidenceOfFigure('execution', actual.figure), evidenceOfFigure('difference', gap.figure)];
  const what = `完成率 ${actual.figure.text} ÷ (${actual.figure.text} ${sign} ${gap.figure.text})`;
  const whatEn = `rate ${actual.figure.text} / (${actual.figure.text} ${sign} ${gap.figure.text})`;
  return [percentResult('narrative.rate', computed, rate.figure, what, whatEn, evidence, { budget: 'difference', named: named ?? null }, 'definite')];
}

/** 完成(年初|全年)预算的 x%: 决算 over the budget it names; a 年初预算 of 0 cannot be the denominator. */
const rates: AccountsRule = {
  id: 'narrative.rate',
  withoutTables: true,
  emits: [
    { id: 'narrative.rate', zh: '“完成（年初/全年）预算的 x%”= 决算数 ÷ 所指预算数', en: 'a completion rate = outturn / the budget it names', status: 'fail' },
    { id: 'narrative.rate_denominator', zh: '完成率所指预算数为 0（如年初预算为 0 而比率实为对全年预算）', en: 'the rate names a budget of 0 (it is against another budget)', status: 'fail' },
  ],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      // The paragraph's figures only for a sentence that states a rate: gathered for every sentence,
      // a paragraph of n sentences cost n² figures.
      let paragraph: NarrativeFigure[] | undefined;
      s.figures.forEach((f, i) => {
        if (!isPercent(f)) return;
        const m = RATE_LABEL.exec(f.label);
        if (!m) return;
        const figs = (paragraph ??= paragraphFigures(ctx, s));
        // The statement may open in a clause before the sentence that only ；separates ("…支出总计1741.75万元，
        // …降低2.99%；完成年初预算100%", t442).
        const before = figs.slice(0, figs.indexOf(f)).filter((x) => isMoney(x) && oneStatement(ctx, x, s));
        // "全年实际完成1053万元，完成年初预算的105.3%" (a 预算 说明's income) as well as a 决算's 支出决算.
        // "一般公共预算财政拨款支出" is spending from the 一般公共预算 account, not a budget.
        const actual = [...before].reverse().find((x) => /决算|支出|实际完成|完成数/u.test(x.label) && !/预算/u.test(x.label.replace(BUDGET_ACCOUNT, '')));
        if (!actual) return;
        const upto = figs.slice(0, figs.indexOf(actual));
        const budgetOf = (re: RegExp) => [...upto].reverse().find((x) => isMoney(x) && re.test(x.label));
        const initial = budgetOf(/年初预算/u);
        const full = budgetOf(/全年预算|调整后预算/u);
        const named = m[1] === '年初' ? initial : m[1] === '全年' ? full : (full ?? budgetOf(/预算/u));
        let budget: Amount | undefined = named?.figure;
        let source = 'text';
        // The item is the last one named up to the 决算 amount ("…年初预算为2.85万元，支出决算为0.39万元" is the total).
        const named3 = s.figures.slice(0, s.figures.indexOf(actual) + 1).map((x) => sangongItemOf(x.label)).filter((x) => x !== null);
        const item = SANGONG_SECTION.test(s.section) ? (named3.at(-1) ?? null) : null;
        // An item's rate is against the item's budget, never the 三公 total the paragraph opened with.
        if (item && (!budget || (item !== 'total' && sangongItemOf(named?.label ?? '') !== item))) {
          const v = item ? sangongValue(ctx, item, 'budget') : undefined;
          if (v) {
            budget = v.amount;
            source = v.table.name;
          }
        }
        if (budget === undefined) {
          out.push(...rateAgainstDifference(s, f, actual, m[1]));
          return;
        }
        const evidence = [evidenceOfFigure('rate', f.figure), evidenceOfFigure('execution', actual.figure), ...figureEvidence('budget', budget)];
        const computed = shareInterval(moneyInterval(actual.figure), moneyInterval(budget));
        const what = `完成率 ${actual.figure.text} ÷ ${budget?.text ?? '0'}`;
        if (!computed) {
          // The named budget is 0: a rate against it does not exist. Which budget does it fit?
          if (Number(actual.figure.exact) === 0) return;
          const other = m[1] === '年初' ? full : undefined;
          const alt = other ? shareInterval(moneyInterval(actual.figure), moneyInterval(other.figure)) : null;
          const fits = alt ? intervalsMeet(alt, percentInterval(f.figure)) : false;
          out.push(
            withPlace(
              makeResult({
                rule: 'narrative.rate_denominator',
                status: 'fail',
                expected: null,
                actual: percentInterval(f.figure),
                unit: '%',
                zh: `“完成${m[1] ?? ''}预算的 ${f.figure.text}”：${m[1] ?? ''}预算为 ${budget?.text ?? '0'}，无法计算完成率${fits && other ? `；该比率为 ${actual.figure.text} ÷ ${other.figure.text}（全年预算）` : ''}`,
                en: `"${f.figure.text} of the ${m[1] === '年初' ? 'initial' : ''} budget": that budget is ${budget?.text ?? '0'}, so no rate exists${fits && other ? `; the rate is against the full-year budget ${other.figure.text}` : ''}`,
                evidence: [...evidence, ...(other ? [evidenceOfFigure('full_year_budget', other.figure)] : [])],
                detail: { named: m[1] ?? null, fitsFullYear: fits },
              }),
              undefined,
              'definite',
            ),
          );
          return;
        }
        out.push(percentResult('narrative.rate', computed, f.figure, what, `rate ${actual.figure.text} / ${budget?.text ?? '0'}`, evidence, { budget: source, named: m[1] ?? null }, source === 'text' ? 'definite' : 'possible'));
      });
    }
    return out;
  },
};

type Direction = 'greater' | 'less' | 'equal';

function directionOf(word: string): Direction {
  if ((COMPARISON_WORDS.greater as readonly string[]).includes(word)) return 'greater';
  if ((COMPARISON_WORDS.less as readonly string[]).includes(word)) return 'less';
  return 'equal';
}

/** "决算数小于预算数": the 决算 and 预算 amounts of the same item must stand that way. */
const comparisons: AccountsRule = {
  id: 'narrative.comparison',
  emits: [{ id: 'narrative.comparison', zh: '“决算数大于/小于/等于/持平预算数”与两数相符（超出印刷精度才算不符）', en: 'comparison words agree with the two amounts beyond printed rounding', status: 'fail' }],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      const m = BUDGET_COMPARISON.exec(s.text);
      if (!m) continue;
      const word = m[1] ?? m[2]!;
      const roughly = /基本/u.test(m[0]);
      const direction = directionOf(word);
      let budget: Amount | undefined;
      let actual: Amount | undefined;
      let certainty: 'definite' | 'possible' = 'definite';
      const subject = s.text.slice(0, m.index);
      if (/三公/u.test(subject)) {
        budget = sangongValue(ctx, 'total', 'budget')?.amount;
        actual = sangongValue(ctx, 'total', 'actual')?.amount;
        certainty = 'possible';
      } else {
        // The amounts compared stand before the phrase; what follows it ("主要原因：…减少10万元") is the reason.
        const after = new Set(s.figures.filter((f) => f.before.length >= (m.index ?? 0)));
        const figs = paragraphFigures(ctx, s).filter((f) => isMoney(f) && !after.has(f));
        const own = s.figures.filter((f) => isMoney(f) && !after.has(f));
        const pool = own.length >= 2 ? own : figs;
        const wantsFull = /全年/u.test(m[0]);
        const b = [...pool].reverse().find((f) => /预算/u.test(f.label) && (!wantsFull || /全年|调整/u.test(f.label)));
        const a = [...pool].reverse().find((f) => /决算|支出|执行/u.test(f.label) && !/预算/u.test(f.label));
        budget = b?.figure;
        actual = a?.figure;
        if (b && a && pool !== own && s.index - ctx.sentences.findIndex((x) => x.figures.includes(b)) > 2) certainty = 'possible';
      }
      if (budget === undefined || actual === undefined || (budget === null && actual === null)) continue;
      const bi = moneyInterval(budget);
      const ai = moneyInterval(actual);
      let holds: boolean;
      // 大于 / 小于 are wrong only when rounding cannot make them right (2.22 < 2.23 stays 小于).
      if (direction === 'greater') holds = !isIntervalBelow(ai, bi) && !(budget && actual && budget.exact === actual.exact);
      else if (direction === 'less') holds = !isIntervalAbove(ai, bi) && !(budget && actual && budget.exact === actual.exact);
      else if (!roughly) holds = intervalsMeet(ai, bi);
      else {
        // 基本持平: within 5% of the budget (the template's wording for a small gap).
        const b = Number(budget?.exact ?? 0);
        const a = Number(actual?.exact ?? 0);
        holds = intervalsMeet(ai, bi) || (b > 0 && Math.abs(a - b) / b <= 0.05);
      }
      const truth = isIntervalAbove(ai, bi) ? '大于' : isIntervalBelow(ai, bi) ? '小于' : '等于';
      out.push(
        withPlace(
          makeResult({
            rule: 'narrative.comparison',
            status: holds ? 'pass' : 'fail',
            expected: bi,
            actual: ai,
            unit: '万元',
            zh: holds ? `“${m[0]}”：决算 ${actual?.text ?? '0'} 与预算 ${budget?.text ?? '0'} 相符` : `“${m[0]}”：决算 ${actual?.text ?? '0'} 实际${truth}预算 ${budget?.text ?? '0'}`,
            en: holds ? `"${m[0]}" agrees with ${actual?.text ?? '0'} vs ${budget?.text ?? '0'}` : `"${m[0]}" but the outturn ${actual?.text ?? '0'} is ${direction === 'greater' ? 'not above' : direction === 'less' ? 'not below' : 'not equal to'} the budget ${budget?.text ?? '0'}`,
            evidence: [...figureEvidence('budget', budget), ...figureEvidence('execution', actual), { role: 'comparison', text: m[0], evidence: evidenceOfSentence(ctx, s, m[0]) }],
            detail: { word, stated: direction, actual: truth },
          }),
          undefined,
          certainty,
        ),
      );
    }
    return out;
  },
};

function evidenceOfSentence(ctx: AccountsContext, s: Sentence, phrase: string): CheckResult['evidence'][number]['evidence'] {
  // The sentence's text is cleaned of spaces; find the phrase's first character in the document text.
  const raw = ctx.doc.text.slice(s.start, s.start + s.text.length * 3);
  const compact = [...raw].map((ch, i) => ({ ch, i })).filter((x) => !/\s/u.test(x.ch));
  const flat = compact.map((x) => x.ch).join('');
  const at = flat.indexOf(phrase);
  const start = s.start + (at >= 0 ? compact[at]!.i : 0);
  const end = s.start + (at >= 0 ? compact[at + phrase.length - 1]!.i + 1 : 0);
  return evidenceOf(ctx.doc, start, end);
}

/** What a change clause is about: "与2023年度相比，收入支出总计减少" → 收入支出总计. */
function changeSubject(clause: string): string {
  const subject = clause
    .replace(CHANGE_AMOUNT, '')
    .replace(/^.*?(?:相比|同比|比上年度?|比\d{4}年度?|较上年度?|较\d{4}年度?)/u, '')
    .replace(/^[，,]/u, '')
    .replace(/(?:支出)?决算数?$/u, '');
  return subjectForm(subject);
}

/** One spelling of a subject: 收、支总计 / 收入支出总计 / 收支总决算 → 收支总计; quotes and 各 dropped. */
function subjectForm(text: string): string {
  return text.replace(/[、“”"‘’各]/gu, '').replace(/收入?支出?/gu, '收支').replace(/总决算/gu, '总计');
}

/**
 * The subject an amount's clause states it for, its year and its copula dropped: "2023年度收、支总计均为" →
 * 收支总计, "2024年本级彩票公益金支出" → 本级彩票公益金支出 (not 彩票公益金支出: a wider or narrower subject is
 * another quantity).
 */
function statedSubject(clause: string): string {
  return subjectForm(clause.replace(/^.*?\d{4}年度?/u, '').replace(/^[，,]/u, '').replace(/(?:均|各|共)?(?:为|是|达到?)?$/u, ''));
}

/** Between an amount executed and its rate: a comma and the rate word only ("，执行率"). */
const EXECUTION_RATE_GAP = /^[，,]?(?:实际)?(?:资金|预算)?(?:执行|支付|拨付|使用)率(?:为|达到?|是)?$/u;
/** An amount executed: "全年执行资金1847.85万元", "已完成拨付2113.63万元", a subsidy's "实际发放107.78万元" (t174). */
const EXECUTED_LABEL = /(?:执行|支出|支付|拨付|使用|发放)(?:资金)?(?:了|为|达到?)?$/u;
/** A programme's whole, read on the words before it with their fillers: "共投入资金1987.08万元", "项目资金共2179万元", "资金预算140.11万元". */
const FUND_WHOLE_GAP = /(?:共投入资金|投入资金共计?|资金共计?|资金合计|资金总额|资金预算|预算资金|(?<!年初)预算数?)(?:为|达到?|是)?$/u;
/** A fund level or source: an amount executed that names one is that part's, not the whole's. */
const FUND_LEVEL = /中央|省|市|州|县|区|地方|本级|上级|自筹|配套|财政|结转|社会|其中/u;

/**
 * A programme's funds and their execution in one paragraph of a report (issue 16): "共投入资金1987.08万元。
 * 其中…。全年执行资金1847.85万元，执行率92.9%" → 1847.85 ÷ 1987.08 = 92.99% (t900). Read only when the
 * rate follows the amount executed with nothing between, that amount names no fund level or source, and
 * the paragraph (or, in a paragraph of several programmes, the rate's own sentence) states one whole of
 * the programme's funds before it: then both sides are its whole money.
 */
const fundExecutionRates: AccountsRule = {
  id: 'narrative.execution_rate',
  withoutTables: true,
  emits: [{ id: 'narrative.execution_rate', zh: '“共投入资金 W…执行资金 E，执行率 p%”：p = E ÷ W（同一段落、唯一的资金总额）', en: 'a programme\'s execution rate = the amount executed / the one whole of its funds the paragraph states', status: 'fail' }],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      s.figures.forEach((rate, i) => {
        const executed = s.figures[i - 1];
        if (!isPercent(rate) || !executed || !isMoney(executed) || !EXECUTION_RATE_GAP.test(rate.gap)) return;
        if (!EXECUTED_LABEL.test(executed.label) || FUND_LEVEL.test(executed.label)) return;
        const wholesBefore = (figs: NarrativeFigure[]) => figs.slice(0, figs.indexOf(executed)).filter((x) => isMoney(x) && FUND_WHOLE_GAP.test(x.gap));
        // The paragraph's one whole; else, where it lists several programmes, the one whole of the rate's own
        // sentence ("A项目预算100万元，支出90万元，执行率90%；B项目…").
        let wholes = wholesBefore(paragraphFigures(ctx, s));
        if (wholes.length !== 1) wholes = wholesBefore(s.figures);
        if (wholes.length !== 1) return;
        const whole = wholes[0]!;
        // A budget adjusted between the whole and the spending ("年初预算300万元，年中追加50万元…") is another whole.
        const figs = paragraphFigures(ctx, s);
        const between = [whole.after, ...figs.slice(figs.indexOf(whole) + 1, figs.indexOf(executed) + 1).map((x) => x.gap)].join('');
        if (ADJUSTMENT_WORDS.test(between)) return;
        const computed = shareInterval(moneyInterval(executed.figure), moneyInterval(whole.figure));
        if (!computed) return;
        out.push(
          percentResult(
            'narrative.execution_rate',
            computed,
            rate.figure,
            `执行率 ${executed.figure.text} ÷ ${whole.figure.text}`,
            `execution rate ${executed.figure.text} / ${whole.figure.text}`,
            [evidenceOfFigure('rate', rate.figure), evidenceOfFigure('execution', executed.figure), evidenceOfFigure('budget', whole.figure)],
            {},
            'definite',
          ),
        );
      });
    }
    return out;
  },
};

/** 增加/减少 …: the words of a change, either way. */
const CHANGE_WORDS = [...COMPARISON_WORDS.increase, ...COMPARISON_WORDS.decrease].join('|');
const INCREASE_WORDS: ReadonlySet<string> = new Set([...COMPARISON_WORDS.increase, ...REVENUE_CHANGE_WORDS.increase]);
const isIncrease = (word: string) => INCREASE_WORDS.has(word);
const CHANGE_AMOUNT = new RegExp(`(${CHANGE_WORDS})$`, 'u');
const REVENUE_CHANGE_AMOUNT = new RegExp(`(?:${[...REVENUE_CHANGE_WORDS.increase, ...REVENUE_CHANGE_WORDS.decrease].join('|')})$`, 'u');
/** An amount stated as a change ("增加10万元", "增收10304万元"), not as a quantity of its own. */
const isChangeAmount = (f: NarrativeFigure) => CHANGE_AMOUNT.test(f.label) || REVENUE_CHANGE_AMOUNT.test(f.label);

/**
 * The change at figure `i` follows the amount with nothing between but its shares: "…科目116433.12元，占支出
 * 总预算10.73%，同比增加16803.36元" changes 116433.12 as surely as "…总计445.20万元，比上年增加445.20万元".
 */
function followsAmount(s: Sentence, current: NarrativeFigure, i: number): boolean {
  const between = s.figures.slice(s.figures.indexOf(current) + 1, i);
  return between.every((x) => isPercent(x) && SHARE_LABEL.test(x.label));
}

/** Between a change's percent and its amount in the reverse order: a comma and the change word only ("，增收"). */
const PERCENT_THEN_CHANGE = new RegExp(`^[，,]?(?:同比)?(${[CHANGE_WORDS, ...REVENUE_CHANGE_WORDS.increase, ...REVENUE_CHANGE_WORDS.decrease].join('|')})$`, 'u');

/** A change amount and its percent in one sentence, with the figure that comes first and the two words. */
interface ChangePair {
  change: NarrativeFigure;
  percent: NarrativeFigure;
  first: NarrativeFigure;
  dm: RegExpExecArray;
  pm: RegExpExecArray;
}

/**
 * The changes a sentence states, in either order: "增加Δ万元，增长p%" (a 决算 说明) or "同比增长p%，增收Δ万元"
 * (a 预算执行 report, t908). The second order is read only when nothing but the change word stands
 * between the two, so a percent of one item never takes the next item's amount.
 */
function changePairs(s: Sentence): ChangePair[] {
  const out: ChangePair[] = [];
  s.figures.forEach((f, i) => {
    const g = s.figures[i + 1];
    if (!g) return;
    if (isMoney(f) && isPercent(g)) {
      const dm = CHANGE_AMOUNT.exec(f.label);
      const pm = CHANGE_AMOUNT.exec(g.label);
      if (dm && pm) out.push({ change: f, percent: g, first: f, dm, pm });
      return;
    }
    if (!isPercent(f) || !(isMoney(g) || isBareScaled(g))) return;
    const pm = CHANGE_AMOUNT.exec(f.label);
    const dm = PERCENT_THEN_CHANGE.exec(g.gap);
    if (pm && dm) out.push({ change: g, percent: f, first: f, dm, pm });
  });
  return out;
}

/** "4,376万": an amount in 万 or 亿 with its 元 left off (money only beside an amount of that scale). */
function isBareScaled(f: NarrativeFigure): boolean {
  return f.figure.kind === 'plain' && f.figure.unit === '' && f.figure.scale >= 4 && /[万亿]$/u.test(f.figure.text);
}

/** "与2023年度相比…减少56.95万元，下降1.87%": the percent is the change over last year's amount. */
const changes: AccountsRule = {
  id: 'narrative.change',
  withoutTables: true,
  emits: [
    { id: 'narrative.change', zh: '“增加/减少 Δ，增长/下降 p%”或“增长 p%，增收 Δ”：p = Δ ÷ 上年数（本年数 ∓ Δ）', en: 'year-on-year, either order: p = Δ / last year (this year ∓ Δ)', status: 'fail' },
    { id: 'narrative.change_direction', zh: '增减额与增减率方向一致（不出现“减少…增长”）', en: 'the change and its percent point the same way', status: 'fail' },
  ],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      for (const { change: f, percent: next, first, dm, pm } of changePairs(s)) {
        const i = s.figures.indexOf(first);
        const up = isIncrease(dm[1]!);
        const upP = isIncrease(pm[1]!);
        // This year's amount is stated in the same sentence or the one before ("…总计2995.39万元。与2023年度相比…").
        const figs = paragraphFigures(ctx, s, 1);
        // Not the base of a rate between ("完成年初预算数60999万元的40.4%,比上年减收1070万元", t903): it is another quantity.
        const candidate = [...figs.slice(0, figs.indexOf(first))]
          .reverse()
          .find((x) => isMoney(x) && !CHANGE_AMOUNT.test(x.label) && !/较|比|相比/u.test(x.label) && !x.after.startsWith('的'));
        // A change of 万 printed without 元 ("同比增长14.6%,增收4,376万", t908) is money only beside an amount of that scale.
        if (!isMoney(f) && candidate?.figure.scale !== f.figure.scale) continue;
        // From the sentence before, it must be the same subject ("收入支出总计2995.39万元。…收入支出总计减少…");
        // "三公经费…减少0.15万元" after "公务接待费支出决算为0.39万元" is not about 接待费.
        const subject = changeSubject(first.clause);
        const current = candidate && (s.figures.includes(candidate) || (subject.length >= 2 && subjectForm(candidate.clause).includes(subject))) ? candidate : undefined;
        const evidence = [evidenceOfFigure('change', f.figure), evidenceOfFigure('percent', next.figure), ...(current ? [evidenceOfFigure('current', current.figure)] : [])];
        if (up !== upP) {
          out.push(
            withPlace(
              makeResult({
                rule: 'narrative.change_direction',
                status: 'fail',
                expected: null,
                actual: null,
                unit: '',
                zh: `“${dm[1]}${f.figure.text}”与“${pm[1]}${next.figure.text}”方向相反`,
                en: `"${dm[1]} ${f.figure.text}" and "${pm[1]} ${next.figure.text}" point opposite ways`,
                evidence,
              }),
              undefined,
              'definite',
            ),
          );
          continue;
        }
        if (!current) continue;
        const cur = moneyInterval(current.figure);
        const delta = moneyInterval(f.figure);
        const previous = up ? subtractIntervals(cur, delta) : addIntervals(cur, delta);
        // Last year may be about 0 ("总计445.20万元，比上年增加445.20万元，增长0.00%", t112): the growth is then
        // unbounded above and at least Δ ÷ the largest last year its rounding allows. Only a stated 0% (or a
        // fall) is then surely wrong: a new unit's "增长100.00%" is the usual convention (putuo-social-work).
        // A negative last year says nothing.
        if (Number(previous.hi) <= 0) continue;
        const aboutZero = Number(previous.lo) <= 0;
        if (aboutZero && Number(next.figure.exact) > 0) continue;
        const computed = shareInterval(delta, aboutZero ? { ...previous, lo: '0', loOpen: true } : previous);
        if (!computed) continue;
        // A percent of this year's amount, not last year's, is the usual wrong base: the finding says so.
        const onThisYear = intervalsMeet(computed, percentInterval(next.figure)) ? null : shareInterval(delta, cur);
        const wrongBase = onThisYear !== null && intervalsMeet(onThisYear, percentInterval(next.figure));
        out.push(
          percentResult(
            'narrative.change',
            computed,
            next.figure,
            `变动率 ${f.figure.text} ÷ 上年 (${current.figure.text} ${up ? '−' : '+'} ${f.figure.text})${wrongBase ? `；所报 ${next.figure.text} 系以本年数 ${current.figure.text} 为基数` : ''}`,
            `change ${f.figure.text} / last year (${current.figure.text} ${up ? '-' : '+'} ${f.figure.text})${wrongBase ? `; the stated ${next.figure.text} is over this year's ${current.figure.text}` : ''}`,
            evidence,
            { current: current.figure.text, ...(wrongBase ? { base: 'this_year' } : {}) },
            // Definite when one sentence states both and names the same subject ("收、支总计…收、支总计各增加"), or
            // when the change names none and follows the amount ("收、支总计445.20万元，比上年增加445.20万元"), or
            // when the sentence before states the amount under exactly the subject the change names, nothing
            // wider or narrower ("收、支总计均为1,145.52万元。与2022年度相比,收、支总计各增加342万元", t506).
            (s.figures.includes(current) &&
              ((subject.length >= 2 && subjectForm(current.clause).includes(subject)) || (subject.length === 0 && followsAmount(s, current, i)))) ||
              (!s.figures.includes(current) && subject.length >= 2 && statedSubject(current.clause) === subject)
              ? 'definite'
              : 'possible',
          ),
        );
      }
    }
    return out;
  },
};

/** "各减少1267.86,2570.97万元" / "各下降23.51%、38.28%": a change word with 各 opens a respective list. */
const RESPECTIVE_CHANGE = new RegExp(`各(${CHANGE_WORDS})$`, 'u');
/** "收、支总计各是4125.49,4143.91万元": the amounts a respective list of changes is over. */
const RESPECTIVE_AMOUNTS = /(?:各|分别)(?:是|为)$/u;
/** Between two items of one list: a comma or 、, nothing else. */
const LIST_JOIN = /^[、，,和及与]$/u;

/**
 * The list opening at figure `i`: it and the figures joined to it by a comma alone, each in the unit
 * the last prints ("1267.86,2570.97万元": 万元 for both).
 */
function respectiveList(figures: readonly NarrativeFigure[], i: number): NarrativeFigure[] {
  const run = [figures[i]!];
  for (let k = i + 1; k < figures.length && LIST_JOIN.test(figures[k]!.gap); k++) run.push(figures[k]!);
  const last = run[run.length - 1]!.figure;
  if (run.length < 2 || run.some((f) => f.figure.approx !== 'exact' || (f.figure.kind !== last.kind && f.figure.kind !== 'plain'))) return [];
  return run.map((f) => (f.figure.kind === 'plain' ? { ...f, figure: inUnitOf(f.figure, last) } : f));
}

/** A bare number of a list read in the unit its list prints last ("1267.86" before "2570.97万元"). */
function inUnitOf(f: Figure, unit: Figure): Figure {
  const exact = shiftDecimal(f.exact, unit.scale);
  return { ...f, exact, value: Number(exact), unit: unit.unit, kind: unit.kind, scale: unit.scale };
}

/**
 * "收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、
 * 38.28%": the k-th percent is the k-th change over the k-th amount's last year (amount ∓ change), as
 * narrative.change reads one (t440: 2570.97 ÷ 6714.88 = 38.29%, printed 38.28%). Read only when the
 * three lists are as long, the amounts stand in the sentence or the one before, and both name the same
 * subject (then `definite`).
 */
const respectiveChanges: AccountsRule = {
  id: 'narrative.change',
  withoutTables: true,
  emits: [],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      const i = s.figures.findIndex((f) => !isPercent(f) && RESPECTIVE_CHANGE.test(f.label));
      if (i < 0) continue;
      const deltas = respectiveList(s.figures, i);
      const p = i + deltas.length;
      const pm = s.figures[p] && isPercent(s.figures[p]) ? RESPECTIVE_CHANGE.exec(s.figures[p].label) : null;
      const percents = pm ? respectiveList(s.figures, p) : [];
      const dm = RESPECTIVE_CHANGE.exec(s.figures[i]!.label)!;
      if (deltas.length === 0 || percents.length !== deltas.length || !deltas.every(isMoney)) continue;
      const up = isIncrease(dm[1]!);
      if (up !== isIncrease(pm![1]!)) continue;
      const figs = paragraphFigures(ctx, s, 1);
      const before = figs.slice(0, figs.indexOf(s.figures[i]!));
      const open = before.map((f, k) => (RESPECTIVE_AMOUNTS.test(f.gap) ? k : -1)).filter((k) => k >= 0).pop();
      const currents = open === undefined ? [] : respectiveList(before, open);
      if (currents.length !== deltas.length || !currents.every(isMoney)) continue;
      const subject = changeSubject(s.figures[i]!.clause);
      const certainty = subject.length >= 2 && subjectForm(currents[0]!.clause).includes(subject) ? 'definite' : 'possible';
      const results: CheckResult[] = [];
      deltas.forEach((d, k) => {
        const current = currents[k]!;
        const percent = percents[k]!;
        const cur = moneyInterval(current.figure);
        const delta = moneyInterval(d.figure);
        const previous = up ? subtractIntervals(cur, delta) : addIntervals(cur, delta);
        if (Number(previous.lo) <= 0) return;
        const computed = shareInterval(delta, previous);
        if (!computed) return;
        const evidence = [evidenceOfFigure('change', d.figure), evidenceOfFigure('percent', percent.figure), evidenceOfFigure('current', current.figure)];
        results.push(
          percentResult(
            'narrative.change',
            computed,
            percent.figure,
            `变动率 ${d.figure.text} ÷ 上年 (${current.figure.text} ${up ? '−' : '+'} ${d.figure.text})（“各”所列第 ${k + 1} 项）`,
            `change ${d.figure.text} / last year (${current.figure.text} ${up ? '-' : '+'} ${d.figure.text}) (item ${k + 1} of a respective list)`,
            evidence,
            { current: current.figure.text, respective: k + 1 },
            certainty,
          ),
        );
      });
      out.push(...oneConvention(results));
    }
    return out;
  },
};

/**
 * One list is printed by one hand at one convention: when a sibling percent is rounded where cutting
 * off would have printed another digit (23.5077% as 23.51%, not 23.50%), a percent of the list that
 * only truncation explains (38.2877% as 38.28%) is no convention but a slip: it fails.
 */
function oneConvention(results: readonly CheckResult[]): CheckResult[] {
  const roundedNotCut = results.some((r) => {
    if (r.status !== 'pass' || !r.expected || !r.actual) return false;
    const stated = midpointOf(r.actual);
    const step = stated ? Number(r.actual.hi) - Number(r.actual.lo) : 0;
    // Rounded up: the computed value lies below the stated one, so cutting off would print a digit less.
    return stated !== null && step > 0 && Number(r.expected.hi) < Number(stated);
  });
  if (!roundedNotCut) return [...results];
  return results.map((r) =>
    r.rule === 'narrative.truncated_percent'
      ? { ...r, rule: 'narrative.change', status: 'fail', message: { zh: `${r.message.zh}；同列另一项系四舍五入，此项截断即为误写`, en: `${r.message.en}; a sibling of the list is rounded, so this cut-off is a slip` } }
      : r,
  );
}

export const NARRATIVE_RULES: readonly AccountsRule[] = [amounts, itemAmounts, sangong, shares, respectiveShares, listedShares, rates, fundExecutionRates, comparisons, changes, respectiveChanges, productRule];
