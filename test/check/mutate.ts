/**
 * Mutation testing of the whole pipeline (read → extract → check): change one stated number in the
 * source text by an amount beyond its rounding, re-run the analysis and see whether a check flags it.
 *
 * What is mutated: every number that takes part in a relation that holds in the unchanged text
 * (a passing check of a RELATION_RULES rule). The source is the document's raw text as read (for a
 * TXT that re-reads to the same normalized text and the same record), and the number is rewritten
 * at its raw offsets, keeping its printed precision and its digit style.
 *
 * When a mutation counts (the oracle, independent of the check engine's rules): the relation is
 * recomputed on the baseline figures with the mutated value, each figure as its rounding interval
 * (interval sums; interval division for rates, with either stated budget as denominator). Only a
 * mutation that breaks at least one of its relations is expected to be caught; one that stays
 * within the relation's slack (a budget moved by 0.07万元 under a rate printed to 0.1%) is counted as
 * "within slack" and not tried.
 *
 * Outcomes of a tried mutation, in the re-run:
 * - caught: a check whose evidence covers the mutated number fails (a unit_slip counts too);
 * - flagged: otherwise, such a check warns (rules that can only warn by design: a count whole found
 *   by its subject, fund sources against a guessed total, Σ得分 over rows that look incomplete);
 *   plausibility warnings do not count;
 * - vanished: no check cites the number any more (extraction dropped it or the relation was not
 *   formed): not caught, since a user is told nothing;
 * - escaped: a relation citing the number still passes.
 * Detection = (caught + flagged) / tried.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import {
  addIntervals,
  cellsAtRowPrecision,
  divideIntervals,
  intervalOfCount,
  intervalOfFigure,
  intervalsMeet,
  pointInterval,
  scaleInterval,
  type Interval,
} from '../../src/check/interval.js';
import { checkRecord } from '../../src/check/index.js';
import type { SourceDocument } from '../../src/ingest/document.js';
import type { CheckResult, Count, Evidence, Figure, ReportRecord } from '../../src/schema/record.js';

/** The pipeline under test: src/analyze.ts's analyzeBytes, or the built one from dist/. */
export type AnalyzeFn = (
  bytes: Uint8Array,
  options: { fileName?: string },
) => Promise<{ doc: SourceDocument; record: ReportRecord }>;

/** Σ parts = total (the check's `expected` side holds the parts, `actual` the total). */
export const ADDITIVE_RULES = new Set([
  'sum.by_function',
  'sum.by_nature',
  'sum.basic_expenditure',
  'sum.fund_sources',
  'form.fund_rows',
  'sum.breakdown',
  'count.parts_whole',
  'indicator.weights_total',
  'indicator.tier_total',
  'indicator.scores_total',
]);
/** The same quantity stated more than once. */
export const RESTATED_RULES = new Set(['restated', 'count.restated']);
/** 执行率 = 执行数 / 预算数. */
export const RATE_RULES = new Set(['execution_rate', 'execution_rate.project', 'form.execution_rate']);

/**
 * Equalities between stated figures. Not here: inequalities (Σ项目 ≤ 项目支出, 得分 ≤ 分值,
 * plausibility), ranges (self score in 0–100), the year tally, and the budget-execution score,
 * whose rate may come from a cell that is no figure.
 */
export function isRelationRule(rule: string): boolean {
  return ADDITIVE_RULES.has(rule) || RESTATED_RULES.has(rule) || RATE_RULES.has(rule);
}

export type Stated = { kind: 'figure'; figure: Figure; path: string } | { kind: 'count'; count: Count; path: string };

function evidenceOf(s: Stated): Evidence {
  return s.kind === 'figure' ? s.figure.evidence : s.count.evidence;
}

/** Every figure and count of a record, with where it sits ("projects[0].execution"). */
export function listStated(record: ReportRecord): Stated[] {
  const f = record.figures;
  const out: Stated[] = [];
  const add = (figure: Figure | null | undefined, path: string) => {
    if (figure) out.push({ kind: 'figure', figure, path });
  };
  add(f.budget, 'budget');
  add(f.budgetInitial, 'budgetInitial');
  add(f.execution, 'execution');
  add(f.executionRate, 'executionRate');
  add(f.selfScore, 'selfScore');
  for (const key of ['byFunction', 'byNature', 'fundSources'] as const) f[key].forEach((n, i) => add(n.amount, `${key}[${i}] ${n.name}`));
  f.projects.forEach((p, i) => {
    add(p.budget, `projects[${i}].budget`);
    add(p.budgetInitial, `projects[${i}].budgetInitial`);
    add(p.execution, `projects[${i}].execution`);
    add(p.executionRate, `projects[${i}].executionRate`);
  });
  f.indicators.forEach((ind, i) => {
    add(ind.weight, `indicators[${i}].weight`);
    add(ind.score, `indicators[${i}].score`);
  });
  f.counts.forEach((count, i) => out.push({ kind: 'count', count, path: `counts[${i}] ${count.subject}` }));
  // A 自评表's own figures (the headline ones of the department form share their spans: found above).
  record.forms.forEach((form, i) => {
    add(form.budget, `forms[${i}].budget`);
    add(form.budgetInitial, `forms[${i}].budgetInitial`);
    add(form.execution, `forms[${i}].execution`);
    add(form.executionRate, `forms[${i}].executionRate`);
    add(form.totalScore, `forms[${i}].totalScore`);
    form.fundRows.forEach((row, j) => {
      add(row.budgetInitial, `forms[${i}].fundRows[${j}].budgetInitial`);
      add(row.budget, `forms[${i}].fundRows[${j}].budget`);
      add(row.execution, `forms[${i}].fundRows[${j}].execution`);
    });
  });
  return out;
}

function sameSpan(a: Evidence, b: Evidence): boolean {
  return a.start === b.start && a.end === b.end && a.page === b.page;
}

/** The record's figure or count behind a check's evidence entry, or null (tier headings, cells). */
export function findStated(record: ReportRecord, evidence: Evidence): Stated | null {
  return listStated(record).find((s) => sameSpan(evidenceOf(s), evidence)) ?? null;
}

/** The number as printed: a figure's exact value in its stated unit; a count's value. */
function statedNumber(s: Stated): Decimal {
  if (s.kind === 'count') return new Decimal(s.count.value);
  return new Decimal(s.figure.exact).div(new Decimal(10).pow(s.figure.scale));
}

const FULL_WIDTH_ZERO = 0xff10;

/** Full-width digits and point as ASCII, one character for one, so offsets stay put. */
function asciiDigits(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0e]/gu, (c) => (c === '\uff0e' ? '.' : String(c.charCodeAt(0) - FULL_WIDTH_ZERO)));
}

/** A number in the raw text: where it stands and how it is printed. */
export interface RawNumber {
  rawStart: number;
  rawEnd: number;
  text: string;
  value: Decimal;
  /** Decimals printed. */
  decimals: number;
  grouped: boolean;
  fullWidth: boolean;
}

const NUMBER = /\d[\d,]*(?:\.\d+)?/gu;

/** The printed number of a stated figure inside its raw span, matched by value; null when absent or ambiguous. */
export function locateNumber(rawText: string, s: Stated, doc?: SourceDocument): RawNumber | null {
  return locateValue(rawText, evidenceOf(s), statedNumber(s), doc);
}

/** The printed number of value `want` inside an evidence's raw span; null when absent or ambiguous. */
export function locateValue(rawText: string, ev: Evidence, want: Decimal, doc?: SourceDocument): RawNumber | null {
  const rawStart = ev.rawStart ?? (doc ? doc.toRaw[ev.start] : undefined);
  const rawEnd = ev.rawEnd ?? (doc ? doc.toRaw[ev.end] : undefined);
  if (rawStart === undefined || rawEnd === undefined || rawEnd <= rawStart) return null;
  const slice = rawText.slice(rawStart, rawEnd);
  const ascii = asciiDigits(slice);
  const found: RawNumber[] = [];
  for (const m of ascii.matchAll(NUMBER)) {
    const digits = m[0].replace(/,/g, '');
    if (digits === '' || !new Decimal(digits).eq(want)) continue;
    const raw = slice.slice(m.index, m.index + m[0].length);
    found.push({
      rawStart: rawStart + m.index,
      rawEnd: rawStart + m.index + m[0].length,
      text: raw,
      value: new Decimal(digits),
      decimals: /\.(\d+)$/.exec(m[0])?.[1]?.length ?? 0,
      grouped: m[0].includes(','),
      fullWidth: raw !== m[0],
    });
  }
  return found.length === 1 ? found[0]! : null;
}

export type MutationKind = 'plus7' | 'times1.1';

/** "1234567.8" → "1,234,567.8". */
function group(s: string): string {
  const [int, frac] = s.split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9.]/g, (c) => (c === '.' ? '\uff0e' : String.fromCharCode(FULL_WIDTH_ZERO + Number(c))));
}

/**
 * The mutated number, printed like the original: +7 units of its last printed digit, or ×1.1
 * rounded to the printed precision. Null when ×1.1 rounds back to the same number (small counts).
 */
export function mutateNumber(n: RawNumber, kind: MutationKind): { text: string; value: Decimal } | null {
  const step = new Decimal(10).pow(-n.decimals);
  const value = kind === 'plus7' ? n.value.plus(step.times(7)) : n.value.times('1.1').toDecimalPlaces(n.decimals, Decimal.ROUND_HALF_UP);
  if (value.eq(n.value)) return null;
  return { text: printLike(n, value), value };
}

/** `value` printed like the number `n`: its decimals, its grouping, its digit width. */
export function printLike(n: RawNumber, value: Decimal): string {
  let text = value.toFixed(n.decimals);
  if (n.grouped) text = group(text);
  if (n.fullWidth) text = toFullWidth(text);
  return text;
}

/** A stated figure or count with its value replaced (approximate bounds move with it). */
function withNumber(s: Stated, value: Decimal): Stated {
  const delta = value.minus(statedNumber(s));
  if (s.kind === 'count') {
    const c = s.count;
    return {
      ...s,
      count: {
        ...c,
        value: value.toNumber(),
        ...(c.lo === undefined ? {} : { lo: delta.plus(c.lo).toString() }),
        ...(c.hi === undefined ? {} : { hi: delta.plus(c.hi).toString() }),
      },
    };
  }
  const f = s.figure;
  const k = new Decimal(10).pow(f.scale);
  const exact = value.times(k);
  return {
    ...s,
    figure: {
      ...f,
      exact: exact.toString(),
      value: exact.toNumber(),
      ...(f.lo === undefined ? {} : { lo: delta.times(k).plus(f.lo).toString() }),
      ...(f.hi === undefined ? {} : { hi: delta.times(k).plus(f.hi).toString() }),
    },
  };
}

const UNIT_SCALE: Record<string, number> = { 亿元: 8, 万元: 4, 千元: 3, 元: 0, '%': -2 };

function intervalOf(s: Stated, unitScale?: number): Interval {
  return s.kind === 'count' ? intervalOfCount(s.count) : intervalOfFigure(s.figure, unitScale ?? s.figure.scale);
}

/** Points printed as integers are exact in the 自评表 rules; everything else keeps its rounding. */
function isIndicatorRule(rule: string): boolean {
  return rule.startsWith('indicator.');
}

/**
 * Whether changing `target` to `value` breaks the (passing) relation `check`, each figure read as
 * its rounding interval. Null when the relation is not modelled for this figure's role.
 */
export function breaksRelation(check: CheckResult, record: ReportRecord, target: Stated, value: Decimal): boolean | null {
  const targetEv = evidenceOf(target);
  const entries = check.evidence.filter((e) => sameSpan(e.evidence, targetEv));
  if (entries.length === 0) return null;
  const mutated = withNumber(target, value);

  if (ADDITIVE_RULES.has(check.rule)) {
    if (!check.expected || !check.actual) return null;
    const roles = new Set(entries.map((e) => e.role));
    if (roles.size !== 1) return null;
    const role = [...roles][0]!;
    if (role !== 'part' && role !== 'total') return null;
    const unitScale = target.kind === 'count' || isIndicatorRule(check.rule) ? 0 : (UNIT_SCALE[check.unit] ?? target.figure.scale);
    const scale = target.kind === 'count' || isIndicatorRule(check.rule) ? 0 : target.figure.scale;
    const delta = pointInterval(value.minus(statedNumber(target)).times(new Decimal(10).pow(scale - unitScale)).toString());
    const expected = role === 'part' ? addIntervals(check.expected, delta) : check.expected;
    const actual = role === 'total' ? addIntervals(check.actual, delta) : check.actual;
    if (intervalsMeet(expected, actual)) return false;
    // A sum may be read against several totals (budget, initial budget or execution when the list
    // has no total row): changing the one it met leaves the relation holding if another still meets.
    return !(role === 'total' && check.rule.startsWith('sum.') && isRescued(check, record, target, mutated));
  }

  if (RESTATED_RULES.has(check.rule)) {
    const statements = check.evidence.map((e) => findStated(record, e.evidence));
    if (statements.some((s) => s === null)) return null;
    const replaced = (statements as Stated[]).map((s) => (sameSpan(evidenceOf(s), targetEv) ? mutated : s));
    const first = replaced[0]!;
    const scale = first.kind === 'figure' ? first.figure.scale : undefined;
    const reference = intervalOf(first);
    return replaced.slice(1).some((s) => !intervalsMeet(intervalOf(s, s.kind === 'figure' ? scale : undefined), reference));
  }

  if (RATE_RULES.has(check.rule)) {
    const f = record.figures;
    const project = check.rule === 'execution_rate.project' ? f.projects.find((p) => p.name === check.detail?.project) : undefined;
    // A form's rate is its own: 全年执行数 / 全年预算数 of that form, never its 年初预算数.
    const form = check.rule === 'form.execution_rate' ? record.forms.find((x) => x.id === check.part) : undefined;
    const holder = form ? { ...form, budgetInitial: null } : (project ?? f);
    if (!holder.executionRate || !holder.execution) return null;
    const swap = (x: Figure | null | undefined): Figure | null =>
      x && mutated.kind === 'figure' && sameSpan(x.evidence, targetEv) ? mutated.figure : (x ?? null);
    // Cells of one printed row (the engine found them so: `row`) are read at the row's precision, as a
    // labeller reads a row printing cents: its integer cells are stated to the cent too (t225).
    const inRow = check.detail?.row === true ? cellsAtRowPrecision([holder.budgetInitial, holder.budget, holder.execution].map(swap).filter((x): x is Figure => x !== null)) : [];
    const read = (x: Figure | null): Figure | null => (x && inRow.find((c) => sameSpan(c.evidence, x.evidence))) ?? x;
    const rate = swap(holder.executionRate)!;
    const execution = read(swap(holder.execution))!;
    const denominators = [swap(holder.budget), swap(holder.budgetInitial)].map(read).filter((d): d is Figure => d !== null);
    const actual = intervalOfFigure(rate);
    const holds = denominators.some((d) => {
      const ratio = divideIntervals(intervalOfFigure(execution, d.scale), intervalOfFigure(d));
      return ratio !== null && intervalsMeet(scaleInterval(ratio, new Decimal(10).pow(-rate.scale).toString()), actual);
    });
    return !holds;
  }
  return null;
}

/**
 * The record with one printed figure or count replaced everywhere the record holds it (a flattened
 * form's total is both the budget and the 年度资金总额 fund source: one number, two places); a deep
 * copy, the original is left alone.
 */
export function substitute(record: ReportRecord, target: Stated, replacement: Stated): ReportRecord {
  const copy = structuredClone(record);
  for (const found of listStated(copy).filter((s) => sameSpan(evidenceOf(s), evidenceOf(target)))) {
    if (found.kind === 'figure' && replacement.kind === 'figure') Object.assign(found.figure, replacement.figure);
    if (found.kind === 'count' && replacement.kind === 'count') Object.assign(found.count, replacement.count);
  }
  return copy;
}

function partSpans(check: CheckResult): string {
  return check.evidence
    .filter((e) => e.role === 'part')
    .map((e) => `${e.evidence.start}:${e.evidence.end}`)
    .join(',');
}

/**
 * Whether the engine, given the baseline record with the mutated figure in place (no re-reading),
 * still finds the same parts adding up to some total. Only the choice among alternative totals is
 * taken from the engine; the arithmetic above is the oracle's own.
 */
function isRescued(check: CheckResult, record: ReportRecord, target: Stated, mutated: Stated): boolean {
  const parts = partSpans(check);
  return checkRecord(substitute(record, target, mutated)).some((c) => c.rule === check.rule && c.status === 'pass' && partSpans(c) === parts);
}

export type Outcome = 'caught' | 'flagged' | 'vanished' | 'escaped';

export interface MutationResult {
  target: string;
  path: string;
  kind: MutationKind;
  from: string;
  to: string;
  /** Rules of the baseline relations the figure took part in. */
  relations: string[];
  /** True: the change breaks at least one relation (tried). */
  breaks: boolean;
  /**
   * True: every relation was judged and none breaks — the change is known to stay within the
   * rounding slack. A relation the harness cannot judge (its statements are not record figures, as
   * an allocation restated by 文号) leaves a non-breaking change neither tried nor within slack.
   */
  withinSlack: boolean;
  outcome: Outcome;
  /** Rules that failed or warned on the mutated figure. */
  by: string[];
  /** Rules that already failed on the number in the unchanged text (a published slip): no alarm of the mutation's. */
  failingBefore: string[];
}

export interface DocumentMutations {
  id: string;
  /** The checks of the unchanged text. */
  checks: CheckResult[];
  targets: number;
  /** Figures in a passing relation whose number could not be found at its raw span. */
  notLocated: string[];
  results: MutationResult[];
}

function rawSpanOf(ev: Evidence, doc: SourceDocument): [number, number] {
  return [ev.rawStart ?? doc.toRaw[ev.start] ?? -1, ev.rawEnd ?? doc.toRaw[ev.end] ?? -1];
}

/** Checks of `checks` whose evidence covers the raw span [start, end). */
export function citing(checks: readonly CheckResult[], doc: SourceDocument, start: number, end: number): CheckResult[] {
  return checks.filter((c) =>
    c.evidence.some((e) => {
      const [s, t] = rawSpanOf(e.evidence, doc);
      return s < end && start < t;
    }),
  );
}

export function classify(checks: readonly CheckResult[], doc: SourceDocument, start: number, end: number): { outcome: Outcome; by: string[] } {
  const cited = citing(checks, doc, start, end);
  const fails = cited.filter((c) => c.status === 'fail');
  if (fails.length > 0) return { outcome: 'caught', by: [...new Set(fails.map((c) => c.rule))] };
  const warns = cited.filter((c) => c.status === 'warn' && !c.rule.startsWith('plausibility.'));
  if (warns.length > 0) return { outcome: 'flagged', by: [...new Set(warns.map((c) => c.rule))] };
  const holding = cited.filter((c) => c.status === 'pass' && isRelationRule(c.rule));
  if (holding.length > 0) return { outcome: 'escaped', by: [...new Set(holding.map((c) => c.rule))] };
  return { outcome: 'vanished', by: [] };
}

export interface MutateOptions {
  analyze: AnalyzeFn;
  kinds?: MutationKind[];
}

/** Every mutation of one document's relation figures, run through the pipeline. */
export async function mutateDocument(id: string, bytes: Uint8Array, options: MutateOptions): Promise<DocumentMutations> {
  const fileName = `${id}.txt`;
  const base = await options.analyze(bytes, { fileName });
  // The source the mutations edit: the raw text as read, which re-reads to the same document.
  const rawText = base.doc.rawText;
  const relations = base.record.checks.filter((c) => c.status === 'pass' && isRelationRule(c.rule));
  const targets = new Map<string, { stated: Stated; number: RawNumber; relations: CheckResult[] }>();
  const notLocated: string[] = [];
  for (const check of relations) {
    for (const e of check.evidence) {
      const stated = findStated(base.record, e.evidence);
      if (!stated) continue;
      const number = locateNumber(rawText, stated, base.doc);
      if (!number) {
        notLocated.push(`${e.text} (${stated.path})`);
        continue;
      }
      const key = `${number.rawStart}:${number.rawEnd}`;
      const t = targets.get(key) ?? { stated, number, relations: [] };
      if (!t.relations.includes(check)) t.relations.push(check);
      targets.set(key, t);
    }
  }

  const results: MutationResult[] = [];
  for (const { stated, number, relations: rels } of targets.values()) {
    const seen = new Set<string>();
    const before = classify(base.record.checks, base.doc, number.rawStart, number.rawEnd);
    const failingBefore = before.outcome === 'caught' ? before.by : [];
    for (const kind of options.kinds ?? (['plus7', 'times1.1'] as MutationKind[])) {
      const m = mutateNumber(number, kind);
      if (!m || seen.has(m.text)) continue;
      seen.add(m.text);
      const verdicts = rels.map((c) => breaksRelation(c, base.record, stated, m.value));
      const breaks = verdicts.some((v) => v === true);
      const withinSlack = !breaks && verdicts.every((v) => v === false);
      const source = rawText.slice(0, number.rawStart) + m.text + rawText.slice(number.rawEnd);
      const after = await options.analyze(Buffer.from(source, 'utf8'), { fileName });
      const { outcome, by } = classify(after.record.checks, after.doc, number.rawStart, number.rawStart + m.text.length);
      results.push({
        target: stated.kind === 'figure' ? stated.figure.text : stated.count.text,
        path: stated.path,
        kind,
        from: number.text,
        to: m.text,
        relations: [...new Set(rels.map((c) => c.rule))],
        breaks,
        withinSlack,
        outcome,
        by,
        failingBefore,
      });
    }
  }
  return { id, checks: base.record.checks, targets: targets.size, notLocated: [...new Set(notLocated)], results };
}

export interface MutationSummary {
  id: string;
  targets: number;
  tried: number;
  caught: number;
  flagged: number;
  vanished: number;
  escaped: number;
  withinSlack: number;
  /** Mutations within every relation's slack that still made a check fail: false alarms. */
  spurious: number;
}

/**
 * A mutation within every modelled relation's slack that a modelled relation rule still fails: a
 * false alarm. A fail by a rule the oracle does not model (a form's own rate, which takes only the
 * 全年预算数 where the headline rate may take either budget) is not counted, nor a fail the unchanged
 * text already had (t015's printed 支付率 fails whatever its budget's last digit: a published slip).
 */
export function isSpurious(r: MutationResult): boolean {
  return r.withinSlack && r.outcome === 'caught' && r.by.some((rule) => isRelationRule(rule) && !r.failingBefore.includes(rule));
}

export function summarize(doc: DocumentMutations): MutationSummary {
  const tried = doc.results.filter((r) => r.breaks);
  const slack = doc.results.filter((r) => r.withinSlack);
  const count = (o: Outcome) => tried.filter((r) => r.outcome === o).length;
  return {
    id: doc.id,
    targets: doc.targets,
    tried: tried.length,
    caught: count('caught'),
    flagged: count('flagged'),
    vanished: count('vanished'),
    escaped: count('escaped'),
    withinSlack: slack.length,
    spurious: slack.filter(isSpurious).length,
  };
}

export function totalOf(rows: readonly MutationSummary[]): MutationSummary {
  const sum = (k: keyof Omit<MutationSummary, 'id'>) => rows.reduce((s, r) => s + r[k], 0);
  return {
    id: 'total',
    targets: sum('targets'),
    tried: sum('tried'),
    caught: sum('caught'),
    flagged: sum('flagged'),
    vanished: sum('vanished'),
    escaped: sum('escaped'),
    withinSlack: sum('withinSlack'),
    spurious: sum('spurious'),
  };
}

/** (caught + flagged) / tried; 1 when nothing was tried. */
export function detectionRate(s: MutationSummary): number {
  return s.tried === 0 ? 1 : (s.caught + s.flagged) / s.tried;
}

function describeMiss(r: MutationResult): string {
  return `${r.target} [${r.path}] ${r.from}→${r.to} in ${r.relations.join('+')}${r.by.length ? ` (still ${r.by.join(', ')})` : ''}`;
}

/** A fixed-width table: one row per document with mutations, the total, then every miss. */
export function formatTable(docs: readonly DocumentMutations[]): string {
  const rows = docs.map(summarize);
  const shown = rows.filter((r) => r.targets > 0);
  const header = ['doc', 'figures', 'tried', 'caught', 'flagged', 'vanished', 'escaped', 'slack', 'spurious', 'detect'];
  const line = (r: MutationSummary) =>
    [r.id, r.targets, r.tried, r.caught, r.flagged, r.vanished, r.escaped, r.withinSlack, r.spurious, `${(detectionRate(r) * 100).toFixed(1)}%`];
  const table = [header, ...shown.map(line), line(totalOf(rows))].map((cells) => cells.map((c) => String(c).padStart(8)).join(' '));
  const misses = docs.flatMap((d) =>
    d.results.filter((r) => r.breaks && (r.outcome === 'vanished' || r.outcome === 'escaped')).map((r) => `  ${d.id} ${r.outcome}: ${describeMiss(r)}`),
  );
  const spurious = docs.flatMap((d) =>
    d.results.filter(isSpurious).map((r) => `  ${d.id} spurious fail: ${describeMiss(r)} by ${r.by.join(', ')}`),
  );
  const notLocated = docs.flatMap((d) => d.notLocated.map((n) => `  ${d.id} number not located: ${n}`));
  return [...table, ...(misses.length ? ['misses:', ...misses] : []), ...spurious, ...notLocated].join('\n');
}

/** Labelled slip rules → the check rules that report them. */
const SLIP_RULES: Record<string, string[]> = {
  // A form's own rules report the same slips when the figures sit on a 自评表 (form-checks.ts), and a
  // flattened form read as a form (record.forms) is checked by the form rules.
  // A 情况说明's "完成年初预算x%" is the 决算's execution rate, checked by narrative.rate (t442).
  // A programme's "执行资金E，执行率p%" against the one whole of its funds its paragraph states (narrative.execution_rate, t900).
  // A 预算执行率 row's 完成值 against its form's money (indicator.execution_rate, t765's =98% of 94.54%).
  execution_rate: ['execution_rate', 'execution_rate.project', 'execution_rate.clause', 'form.execution_rate', 'narrative.rate', 'narrative.execution_rate', 'indicator.execution_rate', 'unit_slip'],
  'sum.fund_rows': ['sum.fund_sources', 'sum.by_nature', 'form.fund_rows', 'form.nature_split', 'unit_slip'],
  'sum.fund_sources': ['sum.fund_sources', 'sum.breakdown', 'form.fund_rows', 'unit_slip'],
  // A narrative amount stated twice differently is labelled sum.narrative too (t052: one document's
  // allocation, 5万元 in one paragraph and 6万元 in another).
  // Money that arrived in full above the allocation (t548) is one too; it is `possible` only (arrival.ts).
  'sum.narrative': ['sum.by_function', 'sum.by_nature', 'sum.basic_expenditure', 'sum.fund_sources', 'sum.breakdown', 'restated', 'arrival.above_allocation'],
  'sum.counts': ['count.parts_whole', 'count.restated'],
  unit_slip: ['unit_slip', 'sum.by_function', 'sum.by_nature', 'sum.basic_expenditure', 'sum.fund_sources', 'restated'],
  'indicator.scores_total': ['indicator.scores_total'],
  'indicator.weights_total': ['indicator.weights_total', 'indicator.tier_total'],
  'indicator.target_range': ['indicator.value_range', 'indicator.budget_execution_score', 'plausibility.rate_over_100'],
  number_format: ['number_format'],
  // An over-fulfilment percentage is a change too: the actual's over its target (t363's 实际改造数超任务43%).
  change_rate: ['narrative.change', 'narrative.change_direction', 'indicator.over_fulfilment'],
  // Narrative shapes on any text (issue 16): "其中A万元，占x%", "按每亩N元标准…共计T万元", "完成预算的x%", "超额完成x%".
  share_rate: ['narrative.share', 'share.of_whole', 'share.amount', 'unit_slip'],
  product: ['narrative.product', 'unit_slip'],
  completion_rate: ['narrative.rate', 'narrative.rate_denominator', 'indicator.completion_rate', 'indicator.over_fulfilment'],
  over_fulfilment: ['indicator.over_fulfilment', 'indicator.completion_rate'],
};

export interface LabelledSlip {
  rule: string;
  description?: string;
  withinPrecision?: boolean;
}

/** Check rules that would report a labelled slip (a slip within precision is one no check should report). */
export function rulesForSlip(slip: LabelledSlip): string[] {
  if (slip.withinPrecision) return [];
  return SLIP_RULES[slip.rule] ?? [slip.rule];
}

/** Failing checks on an unchanged text that none of its labelled slips accounts for. */
export function falseAlarms(checks: readonly CheckResult[], slips: readonly LabelledSlip[]): CheckResult[] {
  const explained = new Set(slips.flatMap(rulesForSlip));
  return checks.filter((c) => c.status === 'fail' && !explained.has(c.rule));
}

/** The numbers a text names, as plain decimals ("215,457.6" → "215457.6", "86.19%" → "86.19"). */
function numbersIn(text: string): string[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/gu) ?? []).map((x) => String(Number(x.replace(/,/gu, ''))));
}

/** A failed check whose both sides are surely one quantity (what exit codes and `--failed-checks` count). */
export function isDefiniteFail(check: CheckResult): boolean {
  return check.status === 'fail' && (check.certainty ?? 'definite') === 'definite';
}

/**
 * The labelled slips (outside printed precision) that a definite failed check reports: a check of one
 * of the slip's rules whose evidence names a figure the slip's description names (any such check when
 * the description names none).
 */
export function caughtSlips(checks: readonly CheckResult[], slips: readonly LabelledSlip[]): LabelledSlip[] {
  const definite = checks.filter(isDefiniteFail);
  return slips.filter((s) => {
    const named = new Set(numbersIn(s.description ?? ''));
    return definite.some((c) => rulesForSlip(s).includes(c.rule) && (named.size === 0 || c.evidence.some((e) => numbersIn(e.text).some((n) => named.has(n)))));
  });
}

/** A labelled text: the seed or a corpus text, as the bytes the pipeline reads. */
export interface LabelledText {
  id: string;
  bytes: Uint8Array;
  slips: LabelledSlip[];
  corpus: boolean;
  /** shared: the seed and ../shared/corpus (rules written against them); tune / test: fixtures/corpus (test is frozen). */
  part: LabelPart;
}

export type LabelPart = 'shared' | 'tune' | 'test';

interface EvalLib {
  loadLabels(root: string, parts?: LabelPart[]): { id: string; label: { slips?: LabelledSlip[] }; path: string; corpus: boolean; part: LabelPart }[];
  corpusBytes(path: string): { bytes: Uint8Array; title: string };
}

/**
 * The seed and every labelled corpus text of the given parts, read the way scripts/eval-lib.mjs
 * reads them for the accuracy evaluation (a corpus file's header lines are the collector's).
 */
export async function loadLabelledTexts(root: string, parts: LabelPart[] = ['shared']): Promise<LabelledText[]> {
  const lib = (await import(new URL('../../scripts/eval-lib.mjs', import.meta.url).href)) as EvalLib;
  return lib.loadLabels(root, parts).map((l) => ({
    id: l.id,
    bytes: l.corpus ? lib.corpusBytes(l.path).bytes : readFileSync(l.path),
    slips: l.label.slips ?? [],
    corpus: l.corpus,
    part: l.part,
  }));
}

/**
 * Hand edits of the seed report (issue 16), one shape each: a stated figure or count changed in the
 * source text. `breaks`: the edit breaks a relation beyond rounding and some check citing `cites`
 * must fail; otherwise it stays within the rounding of every relation (rounding-neutral) and nothing
 * may fail or warn. Each was redone by hand with exact decimals (python `decimal`).
 */
export interface SeedEdit {
  name: string;
  /** Text of the seed as published (unique in it) … */
  from: string;
  /** … and what it becomes. */
  to: string;
  /** The edited figure as the failing check cites it (normalized: no CJK spacing). */
  cites: string;
  breaks: boolean;
}

export const SEED_EDITS: readonly SeedEdit[] = [
  // 714.07 / 990.33 = 72.10% against the stated 80.2%
  { name: 'budget', from: '预算数 890.33 万元', to: '预算数 990.33 万元', cites: '990.33万元', breaks: true },
  // 741.07 / 890.33 = 83.24%; the classes still add up to 714.08, the natures to 714.07
  { name: 'execution', from: '执行数 714.07 万元', to: '执行数 741.07 万元', cites: '741.07万元', breaks: true },
  // 82.0% against 714.07 / 890.33 = 80.20%
  { name: 'execution rate', from: '完成预算的 80.2%', to: '完成预算的 82.0%', cites: '82.0%', breaks: true },
  // classes add up to 723.08 against 714.07
  { name: 'functional class', from: '一般公共服务支出 523.39 万元', to: '一般公共服务支出 532.39 万元', cites: '532.39万元', breaks: true },
  // 624.19 + 71.88 = 696.07 against 714.07
  { name: 'basic expenditure', from: '基本支出：642.19 万元', to: '基本支出：624.19 万元', cites: '624.19万元', breaks: true },
  // 22.99 / 25 = 91.96% against the stated 100.0%
  { name: 'project execution', from: '执行数是 24.99 万元', to: '执行数是 22.99 万元', cites: '22.99万元', breaks: true },
  // 90.0% against 24.99 / 25 = 99.96%
  { name: 'project rate', from: '完成预算的 100.0%', to: '完成预算的 90.0%', cites: '90.0%', breaks: true },
  // the third of three statements of the 12 awards
  { name: 'restated count', from: '比赛 12 个奖项，我委获', to: '比赛 21 个奖项，我委获', cites: '21个', breaks: true },
  // 10 + 60 = 70 against 80 个参评单位
  { name: 'count part', from: '和 70 个机关', to: '和 60 个机关', cites: '60个', breaks: true },
  // a self-score above 100
  { name: 'self-score range', from: '自评 91.28 分', to: '自评 191.28 分', cites: '191.28分', breaks: true },
  // the people of "共培训党组织书记和党务工作者 774 名", named 党务干部 in this sentence
  { name: 'count named two ways', from: '组织 774 名', to: '组织 747 名', cites: '747名', breaks: true },
  // the whole of "10 个镇（街）和 70 个机关、事业单位", stated in another sentence
  { name: 'count whole', from: '对 80 个参评单位', to: '对 90 个参评单位', cites: '90个', breaks: true },
  // 714.07 / 890.40 = 80.197%, still 80.2% when rounded
  { name: 'budget within rounding', from: '预算数 890.33 万元', to: '预算数 890.40 万元', cites: '890.40万元', breaks: false },
  // classes add up to 714.09, interval [714.07, 714.11] meets [714.065, 714.075]
  { name: 'class within rounding', from: '卫生健康支出 5.01 万元', to: '卫生健康支出 5.02 万元', cites: '5.02万元', breaks: false },
  // 25 printed 25.0: 24.99 / 25.0 = 99.96%, still 100.0%
  { name: 'precision only', from: '全年预算数 25 万元', to: '全年预算数 25.0 万元', cites: '25.0万元', breaks: false },
];

/** The seed with one edit applied (its `from` must stand exactly once). */
export function applySeedEdit(seed: string, edit: SeedEdit): string {
  const at = seed.indexOf(edit.from);
  if (at < 0 || seed.indexOf(edit.from, at + 1) >= 0) throw new Error(`seed edit "${edit.name}": "${edit.from}" must occur exactly once`);
  return seed.slice(0, at) + edit.to + seed.slice(at + edit.from.length);
}
