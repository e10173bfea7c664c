import type { SourceDocument, Span } from '../ingest/document.js';
import type { Figure, Indicator } from '../schema/record.js';
import { evidenceOf } from '../normalize/offsets.js';
import { findFlatIndicators } from './flat-indicators.js';
import { findNumbers } from './numbers.js';
import { INDICATOR_GOAL_TIERS, SCORE_TOTAL_ROW } from '../vocabulary/index.js';

/** A 绩效指标 block's bare label ("绩效指标", "年度绩效目标"), without points or tier words. */
const isGoalLabel = (text: string): boolean => INDICATOR_GOAL_TIERS.includes(text.replace(/\s/gu, ''));

type Column = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score';

function columnOf(header: string): Column | null {
  const h = header.replace(/\s+/gu, '');
  if (/一级指标/u.test(h)) return 'level1';
  if (/二级指标/u.test(h)) return 'level2';
  if (/三级指标|指标名称/u.test(h)) return 'level3';
  if (/年度指标值|目标值|指标值|预期目标/u.test(h)) return 'target';
  if (/实际完成值|完成值|实际完成|实际值/u.test(h)) return 'actual';
  if (/^分值|分值|权重|满分/u.test(h)) return 'weight';
  // 得分系数 (the share of the points earned, 100%) is not the score.
  if (/得分/u.test(h) && !/系数/u.test(h)) return 'score';
  return null;
}

function scoreFigure(doc: SourceDocument, text: string, start: number): Figure | null {
  const m = findNumbers(text, { defaultUnit: '分' }).find((n) => n.approx === 'exact' && (n.kind === 'score' || n.kind === 'plain'));
  if (!m) return null;
  return {
    value: Number(m.value),
    exact: m.value,
    text: m.text,
    unit: '分',
    kind: 'score',
    precision: m.precision,
    scale: 0,
    approx: 'exact',
    evidence: evidenceOf(doc, start + m.start, start + m.end),
  };
}

/** A header row's columns: by grid column, and in the order its cells stand (for continuations). */
interface IndicatorHeader {
  byCol: Map<number, Column>;
  ordered: Array<Column | null>;
  width: number;
}

function tableWidth(rows: ReadonlyArray<ReadonlyArray<{ col: number; colSpan: number }>>): number {
  return Math.max(0, ...rows.flat().map((c) => c.col + c.colSpan));
}

/**
 * The columns of a table that continues a form on the next page without repeating its header:
 * the same grid, or one cell per header cell (the reader merged fewer columns there).
 */
function continuationColumns(header: IndicatorHeader, width: number): Map<number, Column> | null {
  if (width === header.width) return header.byCol;
  // An unruled page prints no empty column for the block label (绩效指标) the header row had at its left.
  const own = header.ordered.slice(Math.max(0, header.ordered.findIndex((c) => c !== null)));
  const ordered = width === header.ordered.length ? header.ordered : width === own.length ? own : null;
  if (!ordered) return null;
  const byCol = new Map<number, Column>();
  ordered.forEach((c, i) => {
    if (c) byCol.set(i, c);
  });
  return byCol;
}

/**
 * 绩效指标 rows of a 自评表: a table whose header names 三级指标 (or 指标名称) and 分值/权重 and
 * 得分. Merged 一级/二级 cells are carried down the rows they span. Within a form's span
 * (`within`), a table without a header continues the previous one (a form printed across two
 * pages), and its empty 一级/二级 cells carry the row above. Without such a table, the rows of a
 * form flattened into text (flat-indicators.ts).
 */
export function extractIndicators(doc: SourceDocument, within?: Span): Indicator[] {
  const out: Indicator[] = [];
  const inSpan = (s: Span) => !within || (s.start >= within.start && s.start < within.end);
  let lastHeader: IndicatorHeader | null = null;
  doc.blockSpans.forEach((span) => {
    const block = doc.blocks[span.block];
    if (!block || block.kind !== 'table' || !span.cells || !inSpan(span)) return;
    const rows = span.cells;
    const cellText = (c: { start: number; end: number }) => doc.text.slice(c.start, c.end);
    // The header row may sit below the table's top (fund rows first in a 自评表).
    let headerRow = -1;
    let columns = new Map<number, Column>();
    for (let r = 0; r < rows.length; r++) {
      const cols = new Map<number, Column>();
      const ordered: Array<Column | null> = [];
      for (const c of [...rows[r]!].sort((a, b) => a.col - b.col)) {
        const col = columnOf(cellText(c));
        const fresh = col && ![...cols.values()].includes(col) ? col : null;
        ordered.push(fresh);
        if (fresh) for (let k = c.col; k < c.col + c.colSpan; k++) if (!cols.has(k)) cols.set(k, fresh);
      }
      const kinds = new Set(cols.values());
      if (kinds.has('level3') && (kinds.has('weight') || kinds.has('score'))) {
        headerRow = r;
        columns = cols;
        lastHeader = { byCol: cols, ordered, width: tableWidth(rows) };
        break;
      }
    }
    const continued = headerRow < 0 && within && lastHeader ? continuationColumns(lastHeader, tableWidth(rows)) : null;
    if (headerRow < 0 && !continued) return;
    if (continued) columns = continued;
    const previous = out[out.length - 1];
    const tableFirst = out.length;
    // Cells that span rows (merged 一级/二级 指标) cover the rows below them.
    const carried = new Map<number, { text: string; until: number }>();
    for (let r = headerRow + 1; r < rows.length; r++) {
      const row = rows[r]!;
      const values: Partial<Record<Column, { text: string; start: number }>> = {};
      for (const c of row) {
        const text = cellText(c);
        if (c.rowSpan > 1) carried.set(c.col, { text, until: r + c.rowSpan - 1 });
        const col = columns.get(c.col);
        if (col && values[col] === undefined) values[col] = { text, start: c.start };
      }
      for (const [colIdx, carry] of carried) {
        if (carry.until < r) continue;
        const col = columns.get(colIdx);
        if (col && values[col] === undefined) values[col] = { text: carry.text, start: -1 };
      }
      const level3 = values.level3?.text ?? '';
      // Stop at the 总分 / 合计 row and skip sub-headers without a named indicator.
      if (!level3 || SCORE_TOTAL_ROW.test(level3.replace(/\s/gu, ''))) continue;
      if (columnOf(level3)) continue;
      const weight = values.weight && values.weight.start >= 0 ? scoreFigure(doc, values.weight.text, values.weight.start) : null;
      const score = values.score && values.score.start >= 0 ? scoreFigure(doc, values.score.text, values.score.start) : null;
      if (!weight && !score) continue;
      const first = row[0]!;
      const last = row[row.length - 1]!;
      // A continued table's first rows stand under the 一级/二级 cells merged on the page before.
      // Within a table too, an empty 一级/二级 cell (printed unmerged: 一级指标 once, then blanks) is
      // the row above's: a new 一级指标 starts a new 二级 as well.
      const above = continued ? (out[out.length - 1] ?? previous) : out.length > tableFirst ? out[out.length - 1] : undefined;
      // The 绩效指标 block's own label, printed unruled on a row's line in the 一级 column, is no tier.
      const level1 = values.level1 && !isGoalLabel(values.level1.text) ? values.level1.text : '';
      out.push({
        level1: level1 || above?.level1 || '',
        level2: values.level2?.text || (level1 ? '' : above?.level2) || '',
        level3,
        target: values.target?.text ?? '',
        actual: values.actual?.text ?? '',
        weight,
        score,
        evidence: evidenceOf(doc, first.start, last.end),
      });
    }
  });
  if (out.length > 0) return out;
  // No table held them: a 自评表 flattened into text (web-page excerpts), outside any table.
  const tables = doc.blockSpans.filter((s) => s.cells);
  const outside = (at: number) => within !== undefined && (at < within.start || at >= within.end);
  return findFlatIndicators(doc, (at) => outside(at) || tables.some((s) => at >= s.start && at < s.end));
}
