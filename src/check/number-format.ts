/**
 * Malformed units (issue 16): an amount whose money unit runs straight into a unit of land or length,
 * "计划和实际承保面积为42.59万元亩" (万亩 with a stray 元). No reading of it is right, so the figure is
 * reported as printed wrong (definite); the amount's own meaning is left to the reader.
 */
import { toFigure } from '../extract/roles/candidates.js';
import { findNumbers } from '../extract/numbers.js';
import type { SourceDocument } from '../ingest/document.js';
import type { CheckResult } from '../schema/record.js';
import { MONEY_GLUED_MEASURE } from '../vocabulary/units.js';
import { bareFigureOf, type ToFigure } from './breakdown.js';
import { evidenceOfFigure, makeResult } from './result.js';

const RULE = 'number_format';
/** A number, its money unit and the measure unit glued to it. */
const GLUED = new RegExp(`\\d[\\d,.]*\\s*${MONEY_GLUED_MEASURE.source}`, 'gu');

export function checkNumberFormats(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const figureOf: ToFigure = doc && doc.text === text ? (m) => toFigure(doc, m) : bareFigureOf;
  const results: CheckResult[] = [];
  for (const g of text.matchAll(GLUED)) {
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
  return results;
}
