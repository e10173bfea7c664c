import type { SourceDocument, Span } from '../ingest/document.js';
import type { Figure, Indicator } from '../schema/record.js';
import { Decimal } from 'decimal.js';
import { evidenceOf } from '../normalize/offsets.js';
import { asPoints, toFigure } from './figures.js';
import { findNumbers, type NumberMatch } from './numbers.js';

/**
 * The 绩效指标 rows of a 自评表 that a PDF dump printed as runs of values apart from their names,
 * with the total row's 分值 and 得分 ending the last run and its 总分 label printed after every
 * heading and name (t160, t171):
 *
 *   三级指标 … 分值 得分 =100% 100% 10 10 及时 及时 20 20 >=90% 100% 10 10 100 98.62 率 产出指标 … 满意度 总分
 *
 * Each row's values stand in print order — 指标值, 完成值, 分值, 得分 — so a run of numbers is read
 * from its end in fours, its last two being bare points (得分 ≤ 分值 ≤ 100); a run's first one or two
 * numbers are the cells of a row whose other cells are text ("及时 及时 20 20") or were cut off by
 * the header ("8755 分值 得分 … 8676 15 13"). The rows have no names. Nothing is read unless
 * - the last numbers before 总分 are "100 T": the total row, only words (and "指标1:", "(30分)")
 *   standing between it and its label, and no number after the label;
 * - every run ends in points and splits into whole rows, a run's leftover (its first numbers) being
 *   two or three cells of a row whose other cells are text, never one.
 * Whether the rows' 分值 make the total's 100 is the checks' to say: a form whose weights do not add up
 * is a slip to show, not a reason to hide its rows.
 */
const TOTAL_LABEL = /总\s*分/gu;
/** Digits that are no cell: a row's numbering ("指标1:") and a heading's points ("(30 分)", "(10分"). */
const NOT_A_CELL = /指标\s*\d{1,2}\s*[:：]|[（(]?\s*\d{1,3}\s*分\s*[）)]?/gu;

function isPoints(m: NumberMatch): boolean {
  return m.kind === 'plain' && m.unit === '' && m.approx === 'exact' && new Decimal(m.value).lte(100);
}

/** Numbers separated by nothing but whitespace. */
function runsOf(text: string, found: readonly NumberMatch[]): NumberMatch[][] {
  const runs: NumberMatch[][] = [];
  for (const m of found) {
    const last = runs.at(-1)?.at(-1);
    if (last && /^[\s|｜]*$/u.test(text.slice(last.end, m.start))) runs.at(-1)!.push(m);
    else runs.push([m]);
  }
  return runs;
}

export interface IndicatorRuns {
  indicators: Indicator[];
  totalScore: Figure;
}

export function findIndicatorRuns(doc: SourceDocument, span: Span): IndicatorRuns | null {
  const text = doc.text.slice(span.start, span.end);
  const header = /三\s*级\s*指\s*标/u.exec(text);
  if (!header) return null;
  const labels = [...text.slice(header.index).matchAll(TOTAL_LABEL)];
  if (labels.length !== 1) return null;
  const labelAt = header.index + labels[0]!.index;
  // A 总分 followed by its own numbers is the ordinary layout, read elsewhere.
  if (/^[\s|｜:：]*\d/u.test(text.slice(labelAt + labels[0]![0].length))) return null;
  const regionStart = header.index + header[0].length;
  const region = text.slice(regionStart, labelAt);
  // A heading's points ("产出指标(50分)", "(10分 意度指标 )" where the dump broke the bracket) are no cell.
  const found = findNumbers(region).filter((m) => !/[（(]\s*$/u.test(region.slice(0, m.start)));
  const runs = runsOf(region, found);
  const lastRun = runs.at(-1);
  if (!lastRun || lastRun.length < 2) return null;
  const [totalWeight, total] = lastRun.slice(-2) as [NumberMatch, NumberMatch];
  // A total scored above its 100 is a slip for the checks to see, not a reason to abstain.
  const bare = (m: NumberMatch) => m.kind === 'plain' && m.unit === '' && m.approx === 'exact' && new Decimal(m.value).lt(1000);
  if (!isPoints(totalWeight) || !bare(total) || !new Decimal(totalWeight.value).eq(100)) return null;
  // Only headings and names between the total and its label.
  if (/\d/u.test(region.slice(total.end).replace(NOT_A_CELL, ''))) return null;
  const offset = span.start + regionStart;
  const rows: Indicator[] = [];
  for (const [k, run] of runs.entries()) {
    const runRows: Indicator[] = [];
    const cells = k === runs.length - 1 ? run.slice(0, -2) : run;
    // A lone number is a cell cut from its row by text (the header's tail, a name): no row ends here.
    if (cells.length <= 1) continue;
    for (let end = cells.length; end > 0; end -= 4) {
      const [weight, score] = [cells[end - 2], cells[end - 1]];
      if (!weight || !score || !isPoints(weight) || !isPoints(score) || new Decimal(score.value).gt(weight.value)) return null;
      const target = end >= 4 ? cells[end - 4] : undefined;
      const actual = end >= 3 ? cells[end - 3] : undefined;
      // Fewer than four numbers start a run: the row's other cells are text.
      const at = (m: NumberMatch) => ({ ...m, start: offset + m.start, end: offset + m.end });
      runRows.unshift({
        level1: '',
        level2: '',
        level3: '',
        target: target?.text ?? '',
        actual: actual?.text ?? '',
        weight: asPoints(toFigure(doc, at(weight)), weight),
        score: asPoints(toFigure(doc, at(score)), score),
        evidence: evidenceOf(doc, offset + (target ?? actual ?? weight).start, offset + score.end),
      });
    }
    rows.push(...runRows);
  }
  if (rows.length === 0) return null;
  const at = { ...total, start: offset + total.start, end: offset + total.end };
  return { indicators: rows, totalScore: asPoints(toFigure(doc, at), total) };
}
