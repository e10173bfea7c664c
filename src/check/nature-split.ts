/**
 * A 部门整体 form's money split by income and by expenditure (湖南 layout, flattened or not):
 * "按收入性质分:2030.12 … 按支出性质分:1925.67". Both split the form's one amount, so the two printed
 * totals must agree within their rounding (t153: 1925.67 against 2030.12). Definite: one block states
 * both. A block that prints no totals (only the parts) is not read here.
 */
import type { SourceDocument } from '../ingest/document.js';
import { toFigure } from '../extract/roles/candidates.js';
import { findNumbers } from '../extract/numbers.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { NATURE_SPLIT_LABELS } from '../vocabulary/index.js';
import { intervalOfFigure, intervalsMeet } from './interval.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';

const RULE = 'form.nature_split';
/** How far the expenditure split may stand from the income split (its label and parts in between). */
const WINDOW = 200;

/** The amount printed right after a label ("按收入性质分:2030.12"), or null. */
function totalAfter(doc: SourceDocument, at: number): Figure | null {
  const after = doc.text.slice(at, at + 24);
  const lead = /^\s*[:：]?\s*/u.exec(after)![0].length;
  const m = findNumbers(after.slice(lead), { defaultUnit: '万元' }).find((n) => n.start === 0 && n.kind === 'money' && n.approx === 'exact');
  return m ? toFigure(doc, { ...m, start: at + lead + m.start, end: at + lead + m.end }) : null;
}

export function checkNatureSplit(doc: SourceDocument | undefined): CheckResult[] {
  if (!doc) return [];
  const out: CheckResult[] = [];
  const { income, expenditure } = NATURE_SPLIT_LABELS;
  for (let i = doc.text.indexOf(income); i >= 0; i = doc.text.indexOf(income, i + 1)) {
    const j = doc.text.indexOf(expenditure, i);
    if (j < 0 || j - i > WINDOW) continue;
    const byIncome = totalAfter(doc, i + income.length);
    const byExpenditure = totalAfter(doc, j + expenditure.length);
    if (!byIncome || !byExpenditure) continue;
    const expected = intervalOfFigure(byIncome);
    const actual = intervalOfFigure(byExpenditure, byIncome.scale);
    const holds = intervalsMeet(expected, actual);
    const p = byIncome.precision;
    out.push(
      makeResult({
        rule: RULE,
        status: holds ? 'pass' : 'fail',
        certainty: 'definite',
        expected,
        actual,
        unit: byIncome.unit,
        zh: `${expenditure} ${byExpenditure.text}（区间 ${showInterval(actual, p)}）与${income} ${byIncome.text}（区间 ${showInterval(expected, p)}）${holds ? '一致' : '不一致'}`,
        en: `Split by expenditure ${byExpenditure.text} against split by income ${byIncome.text}: ${holds ? 'consistent' : 'they differ'}`,
        evidence: [evidenceOfFigure('total', byIncome), evidenceOfFigure('part', byExpenditure)],
      }),
    );
  }
  return out;
}
