/**
 * Numbers printed wrong (issue 16), each a shape no reading of which is right, so the figure is
 * reported as printed wrong (definite) and its meaning left to the reader:
 * - a money unit that runs straight into a unit of land or length, "计划和实际承保面积为42.59万元亩"
 *   (万亩 with a stray 元);
 * - digit grouping that is no grouping, "實際到位資金 7,00.0,77": after a comma a number either goes
 *   on in a group of three digits or (a list, a flattened table row) starts afresh, and a number never
 *   starts with a 0 before another digit, so "00.0" after "7," is neither.
 */
import { toFigure } from '../extract/roles/candidates.js';
import { findNumbers } from '../extract/numbers.js';
import type { SourceDocument } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { CheckResult, Evidence } from '../schema/record.js';
import { MONEY_GLUED_MEASURE } from '../vocabulary/units.js';
import { bareFigureOf, type ToFigure } from './breakdown.js';
import { evidenceOfFigure, evidenceOfSpan, makeResult } from './result.js';

const RULE = 'number_format';
/** A number, its money unit and the measure unit glued to it. */
const GLUED = new RegExp(`\\d[\\d,.]*\\s*${MONEY_GLUED_MEASURE.source}`, 'gu');

/** A run of digits joined by commas and points, ending on a digit (a number, a list or a date). */
const DIGIT_RUN = /(?<![\d.,])\d[\d,.]*\d/gu;
/**
 * Whether a comma-joined run of digits is misgrouped: some piece after a comma starts with 0 and
 * another digit yet is no group of three ("7,00.0,77", "3,05"). A lone 0 is a number of a list
 * ("1,0"); a piece with two points is a date, not a number.
 */
function isMisgrouped(run: string): boolean {
  if (!run.includes(',')) return false;
  const pieces = run.split(',');
  if (pieces.some((p) => p === '' || p.indexOf('.') !== p.lastIndexOf('.'))) return false;
  return pieces.slice(1).some((p) => {
    const whole = p.split('.')[0]!;
    return whole.length >= 2 && whole.startsWith('0') && whole.length !== 3;
  });
}

function checkMisgrouped(text: string, doc?: SourceDocument): CheckResult[] {
  // (A run is misgrouped only after a comma: a text without one, as most are, is not scanned.)
  if (!text.includes(',')) return [];
  const evidenceAt = (start: number, end: number): Evidence =>
    doc && doc.text === text ? evidenceOf(doc, start, end) : { page: null, start, end, quote: text.slice(start, end) };
  return [...text.matchAll(DIGIT_RUN)]
    .filter((m) => isMisgrouped(m[0]))
    .map((m) =>
      makeResult({
        rule: RULE,
        status: 'fail',
        zh: `“${m[0]}”：数字分节错误（逗号后既非三位一节，也非另一个数），无法读出金额`,
        en: `"${m[0]}": broken digit grouping (after a comma neither a group of three digits nor another number): no amount can be read`,
        evidence: [evidenceOfSpan('figure', m[0], evidenceAt(m.index, m.index + m[0].length))],
        detail: { printed: m[0] },
      }),
    );
}

export function checkNumberFormats(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const misgrouped = checkMisgrouped(text, doc);
  const figureOf: ToFigure = doc && doc.text === text ? (m) => toFigure(doc, m) : bareFigureOf;
  const results: CheckResult[] = [];
  // (The units glued alone first: one quick scan, where GLUED starts a match at every digit.)
  const glued = MONEY_GLUED_MEASURE.test(text) ? text.matchAll(GLUED) : [];
  for (const g of glued) {
    const at = g.index;
    const money = findNumbers(g[0], { includePlain: false }).find((m) => m.kind === 'money');
    if (!money) continue;
    const figure = figureOf({ ...money, start: money.start + at, end: money.end + at });
    const printed = g[0].trim();
    results.push(
      makeResult({
        rule: RULE,
        status: 'fail',
        zh: `“${printed}”：金额单位后紧接面积或长度单位，单位印错（如“万亩”误作“万元亩”）`,
        en: `"${printed}": a money unit runs straight into a unit of area or length, a misprinted unit (万元亩 for 万亩)`,
        evidence: [evidenceOfFigure('figure', figure)],
        detail: { printed },
      }),
    );
  }
  return [...results, ...misgrouped];
}
