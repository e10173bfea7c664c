/**
 * A quantity times its per-unit standard is the stated amount (issue 16): "按每亩91.07元标准，对全县
 * 1200亩耕地发放补贴，共计10.93万元" → 1200 × 91.07 = 109284元 = 10.93万元. Read only where nothing is
 * guessed: one sentence holding one standard (每亩 N元, N元/亩), one quantity of its unit, and one total
 * marked as such (共计, 合计 …) after both. Such a failed product is `definite`.
 * A standard is often a quotient printed cut off (91.07 for 91.077…): the product is checked with the
 * standard read as rounded; a product that only a truncated standard explains is a warning (`possible`).
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Figure, Interval } from '../../schema/record.js';
import { PER_UNIT_BEFORE, PER_UNIT_SYNONYMS, PRODUCT_TOTAL_BEFORE } from '../../vocabulary/index.js';
import { closedInterval, intervalOfFigure, intervalsMeet, multiplyIntervals, statedValueOf } from '../interval.js';
import { evidenceOfFigure, makeResult, showInterval } from '../result.js';
import type { AccountsRule } from './engine.js';
import { isMoney, type NarrativeFigure, type Sentence } from './narrative.js';
import { withPlace } from './relations.js';

/** "150元/亩": a standard printed with its unit; "元/人/月", "元/生.年" are per two units and not read. */
const PER_UNIT_MEASURE = /^(万?元)\/([亩户人名头只吨个株所])$/u;

interface Standard {
  figure: NarrativeFigure;
  /** The unit it is paid for (亩). */
  per: string;
}

function standardOf(f: NarrativeFigure): Standard | null {
  if (f.figure.approx !== 'exact') return null;
  // Another rate unit right after ("元/人/月", "元/人·年", "300元每月") makes it a rate per two units.
  if (/^[/／·.*×每]/u.test(f.after)) return null;
  const m = PER_UNIT_MEASURE.exec(f.figure.unit);
  if (m && !/每[^每\d]{0,3}$/u.test(f.before)) return { figure: f, per: m[2]! };
  if (!isMoney(f)) return null;
  const per = PER_UNIT_BEFORE.exec(f.before)?.[1];
  return per ? { figure: f, per } : null;
}

/** The standard in 元 as printed, its last digit rounded (hiTruncated: or cut off, one step above). */
function standardInterval(f: Figure, hiTruncated: boolean): Interval {
  const value = new Decimal(statedValueOf(f));
  const step = new Decimal(10).pow(-Math.max(0, f.precision));
  const lo = value.minus(step.div(2));
  const hi = hiTruncated ? value.plus(step) : value.plus(step.div(2));
  const toYuan = new Decimal(10).pow(f.scale);
  return { ...closedInterval(lo.times(toYuan), hi.times(toYuan)), hiOpen: hiTruncated };
}

/** The one product a sentence states, or null. */
function productOf(s: Sentence): { standard: Standard; quantity: NarrativeFigure; total: NarrativeFigure } | null {
  const standards = s.figures.map(standardOf).filter((x) => x !== null);
  if (standards.length !== 1) return null;
  const standard = standards[0]!;
  const units = PER_UNIT_SYNONYMS[standard.per] ?? [standard.per];
  const quantities = s.figures.filter((f) => (f.figure.kind === 'measure' || f.figure.kind === 'count') && units.includes(f.figure.unit) && f.figure.approx === 'exact');
  if (quantities.length !== 1) return null;
  const quantity = quantities[0]!;
  const last = Math.max(s.figures.indexOf(standard.figure), s.figures.indexOf(quantity));
  const totals = s.figures.slice(last + 1).filter((f) => isMoney(f) && f.figure.approx === 'exact' && PRODUCT_TOTAL_BEFORE.test(f.gap));
  if (totals.length !== 1) return null;
  return { standard, quantity, total: totals[0]! };
}

export const productRule: AccountsRule = {
  id: 'narrative.product',
  withoutTables: true,
  emits: [{ id: 'narrative.product', zh: '数量 × 单位标准 = 所述金额（“按每亩 N 元标准…面积 M 亩…共计 T 万元”；标准按印刷精度，可能为截断）', en: 'a quantity times its per-unit standard equals the stated amount (the standard at its printed precision, perhaps truncated)', status: 'fail' }],
  run(ctx) {
    const out: CheckResult[] = [];
    for (const s of ctx.sentences) {
      const found = productOf(s);
      if (!found) continue;
      const { standard, quantity, total } = found;
      const q = intervalOfFigure(quantity.figure, 0);
      const actual = intervalOfFigure(total.figure, 0);
      const rounded = multiplyIntervals(q, standardInterval(standard.figure.figure, false));
      const cut = multiplyIntervals(q, standardInterval(standard.figure.figure, true));
      const status = intervalsMeet(rounded, actual) ? 'pass' : intervalsMeet(cut, actual) ? 'warn' : 'fail';
      const p = total.figure.precision + total.figure.scale;
      const formula = `${quantity.figure.text} × ${standard.figure.figure.text}${standard.figure.figure.unit.includes('/') ? '' : `/${standard.per}`}`;
      const verdict = status === 'pass' ? '一致' : status === 'warn' ? '仅在标准为截断值时一致' : '不一致';
      out.push(
        withPlace(
          makeResult({
            rule: 'narrative.product',
            status,
            expected: rounded,
            actual,
            unit: '元',
            zh: `${formula} = ${showInterval(rounded, Math.max(0, p))}元，与所述 ${total.figure.text} ${verdict}`,
            en: `${formula} = ${showInterval(rounded, Math.max(0, p))} yuan against the stated ${total.figure.text}${status === 'pass' ? '' : status === 'warn' ? ' (holds only if the standard was truncated)' : ' (mismatch)'}`,
            evidence: [evidenceOfFigure('total', total.figure), evidenceOfFigure('quantity', quantity.figure), evidenceOfFigure('standard', standard.figure.figure)],
            detail: { per: standard.per },
          }),
          undefined,
          status === 'warn' ? 'possible' : 'definite',
        ),
      );
    }
    return out;
  },
};
