import type { SourceDocument } from '../ingest/document.js';
import type { Figure, Indicator } from '../schema/record.js';
import { evidenceOf } from '../normalize/offsets.js';
import { asPoints, toFigure } from './figures.js';
import { findNumbers, type NumberMatch } from './numbers.js';
import { INDICATOR_LEVEL1_TIERS } from '../vocabulary/index.js';

/**
 * The 绩效指标 rows of a 自评表 that a web page or a text dump flattened into a run of cells:
 *
 *   三级指标 年初目标值 (A) 实际完成值 (B) 得分 服务外包在岸(万美元) 20000 23333.56 10 服务外包离岸 …
 *   …三级指标年度指标 值全年 完成值未完成原因和 改进措施…市民满意度调查290%100%说明无
 *
 * The header names the value columns after 三级指标 in order. Each row is its name followed by its
 * cells; merged 一级/二级 headings stand before the name of the first row they span. A row is read
 * only when nothing about it has to be guessed:
 * - its run of numbers has exactly one number per value column, and each fits its column (分值 and
 *   得分 are bare points of at most 100); text cells ("达成预期指标") make the run short: not read;
 * - numbers glued without a separator are told apart only by their units ("290%100%", "0起0起"),
 *   never two bare numbers ("44": 4|4 or 44);
 * - its name starts where the previous row ended: right after the header, after a row that had all
 *   its cells, or at a tier heading (产出指标, 数量指标, 指标2:). Where the header has a trailing text
 *   column (未完成原因), the text after a row may be that cell, so the next name is taken only after
 *   a row whose 完成值 equals its 指标值 (nothing to explain) or at a tier heading;
 * - the name is one name: no digits, no heading or total words inside, at most 40 characters.
 * Tier headings lose their points ("产出指标(60分)" → 产出指标): the rows under them are rarely
 * all read, so their sum says nothing about the heading.
 */
type ValueColumn = 'target' | 'actual' | 'weight' | 'score';
type HeaderColumn = ValueColumn | 'remark';

const MARK = String.raw`(?:[（(](?:[A-Za-z]|%|分)[）)])?`;
const HEADER_PATTERNS: Array<[HeaderColumn, RegExp]> = [
  ['target', new RegExp(`(?:年度指标值|年初目标值|年度目标值|预期指标值|目标值|指标值)${MARK}`, 'uy')],
  ['actual', new RegExp(`(?:实际完成指标值|实际完成值|全年完成值|全年实际完成值|全年实际值|实际完成情况|完成值|实际值)${MARK}`, 'uy')],
  ['weight', new RegExp(`(?:分值|权重)${MARK}`, 'uy')],
  ['score', new RegExp(`得分${MARK}`, 'uy')],
  ['remark', /(?:未完成原因(?:分析)?(?:和|及)?(?:拟采取的)?(?:改进措施)?|偏差原因分析及改进措施|偏差(?:及)?原因(?:分析)?(?:及改进措施)?|备注)/uy],
];

/**
 * A two-line header may wrap its value labels: "年度 实际 分值 得分 偏差原因… / 指标值 完成值" (t304)
 * prints the heads on the first line and the tails, in the same order, after it.
 */
const STUB = /(?:年度|年初|全年|实际)(?=年度|年初|全年|实际|分值|权重|得分|偏差|未完成|备注)/uy;
const TAIL = /指标值|目标值|完成值/uy;

/** Where the rows end: the total row, the notes under the form, its signatures. */
const END = /总分|合计|总计|自评总分|综合得分|偏差大或|说明|注[:：]|备注|评价结论|项目负责人|填表人|联系人/u;

/** 一级指标 tiers: one list, in the vocabulary (the check of tier headings reads the same). */
const LEVEL1 = INDICATOR_LEVEL1_TIERS;
const LEVEL2 = [
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
  '满意度指标',
];
const TIER = new RegExp(`^(?:${[...LEVEL2, ...LEVEL1].sort((a, b) => b.length - a.length).join('|')})(?:[（(]\\d+(?:\\.\\d+)?分[）)])?`, 'u');
const POINTS_ONLY = /^[（(]\d+(?:\.\d+)?分[）)]/u;
/**
 * A narrow tier cell that wraps prints its last word after the row ("社会效益 财政工作运行效率 ≥80% ≥80%
 * 15 15 / 指标", t304): before such a tail, a tier may stand without its 指标, and the tail itself
 * stands before the next row's headings.
 */
const TIER_NAMES = [...LEVEL2, ...LEVEL1].sort((a, b) => b.length - a.length);
const CUT_TIER = new RegExp(`^(?:${TIER_NAMES.map((t) => t.replace(/指标$/u, '')).filter((t, i, all) => t.length >= 2 && all.indexOf(t) === i).join('|')})(?:[（(]\\d+(?:\\.\\d+)?分[）)])?`, 'u');
const WRAPPED_TAIL = /^[\s|｜]*指标(?![\d:：])/u;
/** Words that never stand inside one indicator's name: headings, column names, totals. */
const NOT_A_NAME = new RegExp(`${[...LEVEL1, ...LEVEL2].join('|')}|一级指标|二级指标|三级指标|绩效指标|绩效目标|总分|合计|得分|分值|权重|指标值|完成值`, 'u');
/** A name's own numbering may hold digits: "指标1:", "任务2：", "1.". */
const NUMBERING = /^(?:(?:指标|任务)\d{1,2}|\d{1,2})[:：.、]/u;

/** The text with whitespace dropped, and where each kept character stands in the text. */
function compact(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text[i]!)) continue;
    out += text[i];
    at.push(i);
  }
  return { text: out, at };
}

interface Header {
  values: ValueColumn[];
  remark: boolean;
  /** Offset in the text right after the header. */
  end: number;
}

/** The column labels from 三级指标 on, read on the text without whitespace (labels wrap inside cells). */
function readHeader(c: { text: string; at: number[] }, from: number): Header | null {
  let i = from;
  const values: ValueColumn[] = [];
  let remark = false;
  /** Where a wrapped label's head stands in `values` (its column is known from its tail). */
  const stubs: number[] = [];
  while (i < c.text.length && !remark) {
    while (/[|｜]/u.test(c.text[i] ?? '')) i++;
    const hit = HEADER_PATTERNS.find(([, re]) => {
      re.lastIndex = i;
      return re.test(c.text);
    });
    if (!hit) {
      // A label wrapped over the header's two lines: its head here, its tail after the first line.
      STUB.lastIndex = i;
      const stub = STUB.exec(c.text);
      if (!stub || stubs.length >= 2) break;
      stubs.push(values.length);
      values.push('target');
      i = STUB.lastIndex;
      continue;
    }
    const [col, re] = hit;
    if (col === 'remark') remark = true;
    else if (values.includes(col)) return null;
    else values.push(col);
    i = re.lastIndex;
  }
  for (const at of stubs) {
    TAIL.lastIndex = i;
    const tail = TAIL.exec(c.text);
    if (!tail) return null;
    values[at] = tail[0] === '完成值' ? 'actual' : 'target';
    i = TAIL.lastIndex;
  }
  if (new Set(values).size !== values.length) return null;
  if (values.length < 2 || !(values.includes('target') || values.includes('score'))) return null;
  return { values, remark, end: c.at[i - 1]! + 1 };
}

interface Segment {
  /** Text before the run of numbers: the row's headings and name. */
  labelStart: number;
  label: string;
  cells: NumberMatch[];
  /** Two bare numbers glued together: the cells cannot be told apart. */
  glued: boolean;
}

/**
 * Whether the source printed a separator between two spots of the text: normalization drops the
 * spaces next to Chinese characters and units ("56人 20" → "56人20"), the source keeps them.
 */
function separatedInSource(doc: SourceDocument, end: number, start: number): boolean {
  const from = (doc.toRaw[end - 1] ?? -1) + 1;
  const to = doc.toRaw[start] ?? from;
  return /[\s|｜]/u.test(doc.rawText.slice(from, to));
}

/** The region cut into (label, run of numbers) segments; offsets are the text's. */
function segmentsOf(doc: SourceDocument, region: string, offset: number): Segment[] {
  // Points in brackets annotate a heading ("产出指标(50分)"); a number followed by a list mark
  // ("2、") is a page's or a list's numbering: neither is a cell.
  const found = findNumbers(region).filter((m) => !(/[（(]$/u.test(region.slice(0, m.start)) && /^[）)]/u.test(region.slice(m.end))));
  const out: Segment[] = [];
  let labelStart = 0;
  let k = 0;
  while (k < found.length) {
    const first = found[k]!;
    const cells = [first];
    let glued = false;
    while (k + 1 < found.length) {
      const prev = found[k]!;
      const next = found[k + 1]!;
      const gap = region.slice(prev.end, next.start);
      if (!/^[\s|｜]*$/u.test(gap)) break;
      if (!separatedInSource(doc, offset + prev.end, offset + next.start) && (prev.unit === '' || next.unit === '')) glued = true;
      cells.push(next);
      k++;
    }
    if (cells.some((m) => /^[、，,。；;：:]/u.test(region.slice(m.end)))) glued = true;
    // A digit next to the run is a number findNumbers left out ("100%100%3", "15 15时" read as a time): a cell is missing.
    if (/[\d.][\s|｜]*$/u.test(region.slice(0, first.start)) || /^[\s|｜]*[\d.%]/u.test(region.slice(found[k]!.end))) glued = true;
    out.push({
      labelStart: offset + labelStart,
      label: region.slice(labelStart, first.start),
      cells: cells.map((m) => ({ ...m, start: offset + m.start, end: offset + m.end })),
      glued,
    });
    labelStart = found[k]!.end;
    k++;
  }
  return out;
}

interface LabelContext {
  /** The row is followed by a wrapped tier's 指标: one of its tiers may stand without it. */
  cutTier?: boolean;
  /** The text before the row may end with the previous row's remark cell: the row starts at its first tier heading. */
  afterRemark?: boolean;
}

/** Where the row's own tier headings start in a label that may begin with the previous row's remark. */
function tierStart(rest: string, ctx: LabelContext): number {
  for (let i = 1; i < rest.length; i++) {
    const tail = rest.slice(i);
    if (TIER.test(tail) || (ctx.cutTier && CUT_TIER.test(tail))) return i;
  }
  return -1;
}

/** Leading tier headings of a label, and the name after them (whitespace dropped). */
function splitLabel(label: string, ctx: LabelContext = {}): { level1: string; level2: string; name: string; headed: boolean; tiers: number } {
  // A closing bracket or stop left over from the cell before ("(50分)" is read as a number).
  let rest = label.replace(/[\s|｜]+/gu, '').replace(/^[）)\]】、，,；;。.]+/u, '');
  // The wrapped 指标 of the row above's tier cell.
  if (/^指标(?![\d:：])/u.test(rest) && (TIER.test(rest.slice(2)) || CUT_TIER.test(rest.slice(2)))) rest = rest.slice(2);
  if (ctx.afterRemark && !TIER.test(rest) && !(ctx.cutTier && CUT_TIER.test(rest))) {
    const at = tierStart(rest, ctx);
    if (at > 0) rest = rest.slice(at);
  }
  const tiers: string[] = [];
  let cut = false;
  for (;;) {
    const points = POINTS_ONLY.exec(rest);
    if (points) {
      rest = rest.slice(points[0].length);
      continue;
    }
    const full = TIER.exec(rest);
    const t = full ?? (ctx.cutTier && !cut ? CUT_TIER.exec(rest) : null);
    if (!t) break;
    const name = t[0].replace(/[（(].*$/u, '');
    if (!full) cut = true;
    tiers.push(full ? name : `${name}指标`);
    rest = rest.slice(t[0].length);
  }
  let level1 = '';
  let level2 = '';
  if (tiers.length >= 2) [level1, level2] = [tiers[tiers.length - 2]!, tiers[tiers.length - 1]!];
  // 成本指标 and 满意度指标 name a 一级 tier on one form and a 二级 on another: left blank.
  else if (tiers.length === 1 && !(LEVEL1.includes(tiers[0]!) && LEVEL2.includes(tiers[0]!))) {
    if (LEVEL2.includes(tiers[0]!)) level2 = tiers[0]!;
    else level1 = tiers[0]!;
  }
  return { level1, level2, name: rest, headed: tiers.length > 0 || NUMBERING.test(rest), tiers: tiers.length };
}

function isName(name: string): boolean {
  if (name === '' || name.length > 40 || !/[\u4e00-\u9fff]/u.test(name)) return false;
  if (/\d/u.test(name.replace(NUMBERING, ''))) return false;
  return !NOT_A_NAME.test(name);
}

/** 分值 and 得分 are bare points: no unit, no qualifier, at most 100. */
function fitsColumn(col: ValueColumn, m: NumberMatch): boolean {
  if (col === 'target' || col === 'actual') return true;
  return (m.kind === 'plain' || m.kind === 'score') && m.approx === 'exact' && Number(m.value) <= 100;
}

function pointsOf(doc: SourceDocument, m: NumberMatch): Figure {
  return asPoints(toFigure(doc, m), m);
}

/** The text of a span cut where the source printed a separator (or the text keeps whitespace). */
function sourceTokens(doc: SourceDocument, from: number, to: number): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = from; i < to; i++) {
    const ch = doc.text[i]!;
    if (/[\s|｜]/u.test(ch)) {
      if (current) tokens.push(current);
      current = '';
      continue;
    }
    if (current && separatedInSource(doc, i, i)) {
      tokens.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** A tier heading standing as a cell of its own ("时效指标", "产出指标(50分)"), or a wrapped tier's 指标. */
const TIER_CELL = new RegExp(`^(?:${TIER.source.slice(1)}|指标)$`, 'u');

/**
 * A row whose 指标值 and 完成值 are text ("完成时限 2019年 2019年 15 15", t304): its run holds only the
 * 分值 and 得分 that end the header, and its label, after its tier headings, is exactly the name and
 * one cell per text column as the source separates them (no cell may hold a space, or the name and
 * the cells cannot be told apart).
 */
function textCellsOf(
  doc: SourceDocument,
  header: Header,
  seg: Segment,
): { name: string; target: string; actual: string; weight: Figure | null; score: Figure | null; headed: boolean } | null {
  const points = header.values.findIndex((v) => v === 'weight' || v === 'score');
  if (points <= 0 || seg.glued || seg.cells.length !== header.values.length - points) return null;
  const textColumns = header.values.slice(0, points);
  const pointColumns = header.values.slice(points);
  if (textColumns.some((v) => v !== 'target' && v !== 'actual') || pointColumns.some((v) => v !== 'weight' && v !== 'score')) return null;
  if (!seg.cells.every((m, k) => fitsColumn(pointColumns[k]!, m))) return null;
  const tokens = sourceTokens(doc, seg.labelStart, seg.cells[0]!.start).map((t) => t.replace(/^[）)\]】、，,；;。.]+/u, '')).filter(Boolean);
  let k = 0;
  while (k < tokens.length && TIER_CELL.test(tokens[k]!)) k++;
  const rest = tokens.slice(k);
  if (rest.length !== 1 + textColumns.length || !isName(rest[0]!)) return null;
  // A text cell holds no points: a number there is a cell the run should have had.
  if (rest.slice(1).some((t) => /^\d+(?:\.\d+)?$/u.test(t))) return null;
  const cellOf = (col: ValueColumn) => rest[1 + textColumns.indexOf(col)] ?? '';
  const pointOf = (col: ValueColumn) => {
    const m = seg.cells[pointColumns.indexOf(col)];
    return m ? pointsOf(doc, m) : null;
  };
  return { name: rest[0]!, target: cellOf('target'), actual: cellOf('actual'), weight: pointOf('weight'), score: pointOf('score'), headed: k > 0 };
}

/** Indicator rows of a flattened 自评表, or [] when no header or no row can be read for sure. */
/** The header words as compact() finds them, whitespace allowed between characters. */
const HEADER_WORDS = /三\s*级\s*指\s*标|指\s*标\s*名\s*称/u;

export function findFlatIndicators(doc: SourceDocument, skip: (at: number) => boolean = () => false): Indicator[] {
  // Most reports hold no flattened form: a regex test spares them the whole-text compaction.
  if (!HEADER_WORDS.test(doc.text)) return [];
  const c = compact(doc.text);
  const out: Indicator[] = [];
  for (const h of c.text.matchAll(/三级指标|指标名称/gu)) {
    const headerAt = c.at[h.index]!;
    if (skip(headerAt)) continue;
    const header = readHeader(c, h.index + h[0].length);
    if (!header) continue;
    let region = doc.text.slice(header.end, header.end + 3000);
    const end = compact(region).text.search(END);
    if (end >= 0) region = region.slice(0, compact(region).at[end]);
    const width = header.values.length;
    let boundary = true;
    let carried = { level1: '', level2: '' };
    for (const seg of segmentsOf(doc, region, header.end)) {
      const cell = (col: ValueColumn) => {
        const k = header.values.indexOf(col);
        return k < 0 ? undefined : seg.cells[k];
      };
      const complete = seg.cells.length === width && !seg.glued && seg.cells.every((m, k) => fitsColumn(header.values[k]!, m));
      const after = seg.cells.length > 0 ? doc.text.slice(seg.cells[seg.cells.length - 1]!.end, seg.cells[seg.cells.length - 1]!.end + 8) : '';
      const label = splitLabel(seg.label, { cutTier: WRAPPED_TAIL.test(after), afterRemark: header.remark && !boundary });
      const texts = complete ? null : textCellsOf(doc, header, seg);
      const read = (complete && (boundary || label.headed) && isName(label.name)) || (texts !== null && (boundary || texts.headed));
      // Headings seen in a row that was not read may belong to it or to the next: forget them.
      if (!read || (label.tiers > 0 && !label.level1 && !label.level2)) carried = { level1: '', level2: '' };
      else if (label.level1 || label.level2) carried = { level1: label.level1 || carried.level1, level2: label.level2 };
      if (read) {
        const weightCell = cell('weight');
        const scoreCell = cell('score');
        const weight = texts ? texts.weight : weightCell ? pointsOf(doc, weightCell) : null;
        const score = texts ? texts.score : scoreCell ? pointsOf(doc, scoreCell) : null;
        const first = seg.labelStart + seg.label.search(/[^\s|｜）)\]】、，,；;。.]/u);
        out.push({
          level1: carried.level1,
          level2: carried.level2,
          level3: texts?.name ?? label.name,
          target: texts?.target ?? cell('target')?.text ?? '',
          actual: texts?.actual ?? cell('actual')?.text ?? '',
          weight,
          score,
          evidence: evidenceOf(doc, first, seg.cells[seg.cells.length - 1]!.end),
        });
      }
      // With a trailing text cell, only a row with nothing to explain ends where the next begins.
      const met = texts ? texts.target === texts.actual : cell('target') !== undefined && cell('target')?.text === cell('actual')?.text;
      boundary = (complete || texts !== null) && (!header.remark || met);
    }
    if (out.length > 0) return out;
  }
  return out;
}
