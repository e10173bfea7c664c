/**
 * Test helpers: Figures, Counts and ReportRecords built by hand from stated strings such as
 * '714.07万元', '80.2%', '91.28分'. A tiny local parser, not the project's extractor.
 */
import { Decimal } from 'decimal.js';
import type { Approx, CheckResult, Count, Evidence, Figure, FigureKind, Indicator, ReportRecord } from '../../src/schema/record.js';

const UNITS: Record<string, { scale: number; kind: FigureKind }> = {
  亿元: { scale: 8, kind: 'money' },
  万元: { scale: 4, kind: 'money' },
  万美元: { scale: 4, kind: 'money' },
  元: { scale: 0, kind: 'money' },
  '%': { scale: -2, kind: 'percent' },
  分: { scale: 0, kind: 'score' },
  '': { scale: 0, kind: 'plain' },
};

export interface FigureOptions {
  start?: number;
  page?: number | null;
  approx?: Approx;
  /** Bounds in stated units (converted to base units here). */
  lo?: string;
  hi?: string;
}

let nextOffset = 0;

function evidenceFor(quote: string, start: number | undefined, page: number | null | undefined): Evidence {
  const s = start ?? (nextOffset += 100);
  return { page: page === undefined ? 1 : page, start: s, end: s + quote.length, quote };
}

/** '714.07万元' → Figure { exact: '7140700', precision: 2, scale: 4, unit: '万元', … }. */
export function makeFigure(stated: string, options: FigureOptions = {}): Figure {
  const m = /^\s*([+-]?\d+(?:\.(\d+))?)\s*(.*?)\s*$/.exec(stated.replace(/,/g, ''));
  if (!m) throw new Error(`makeFigure: cannot parse ${stated}`);
  const unit = m[3]!;
  const spec = UNITS[unit] ?? { scale: 0, kind: 'count' as FigureKind };
  const toBase = (v: string) => new Decimal(v).times(new Decimal(10).pow(spec.scale));
  const exact = toBase(m[1]!);
  const figure: Figure = {
    value: exact.toNumber(),
    exact: exact.toFixed(),
    text: stated.replace(/\s+/g, ''),
    unit,
    kind: spec.kind,
    precision: m[2]?.length ?? 0,
    scale: spec.scale,
    approx: options.approx ?? 'exact',
    evidence: evidenceFor(stated, options.start, options.page),
  };
  if (options.lo !== undefined) figure.lo = toBase(options.lo).toFixed();
  if (options.hi !== undefined) figure.hi = toBase(options.hi).toFixed();
  return figure;
}

export interface CountOptions {
  subject?: string;
  action?: string;
  approx?: Approx;
  lo?: string;
  hi?: string;
  /** Which occurrence of `quote` (or of `context`) in the text to point at (0-based). */
  occurrence?: number;
  /** Locate `quote` inside the first (or `occurrence`-th) occurrence of this longer string. */
  context?: string;
}

/** A Count whose evidence points at the `occurrence`-th `quote` in `text` ("10个"). */
export function makeCountIn(text: string, quote: string, options: CountOptions = {}): Count {
  const needle = options.context ?? quote;
  const inner = needle.indexOf(quote);
  if (inner < 0) throw new Error(`makeCountIn: "${quote}" not in context "${needle}"`);
  let at = -1;
  for (let i = 0; i <= (options.occurrence ?? 0); i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`makeCountIn: "${needle}" #${options.occurrence ?? 0} not in text`);
  }
  return makeCount(quote, { ...options, start: at + inner });
}

/** '774名' → Count { value: 774, unit: '名' }. */
export function makeCount(quote: string, options: CountOptions & { start?: number } = {}): Count {
  const m = /^(\d+)\s*(\D*)$/.exec(quote);
  if (!m) throw new Error(`makeCount: cannot parse ${quote}`);
  const count: Count = {
    value: Number(m[1]),
    unit: m[2]!.replace(/^多/, ''),
    approx: options.approx ?? 'exact',
    subject: options.subject ?? '',
    action: options.action ?? '',
    text: quote,
    evidence: evidenceFor(quote, options.start, 1),
  };
  if (options.lo !== undefined) count.lo = options.lo;
  if (options.hi !== undefined) count.hi = options.hi;
  return count;
}

/** One 自评表 indicator row. */
export function makeIndicator(level3: string, weight: string | null, score: string | null, more: Partial<Indicator> = {}): Indicator {
  return {
    level1: '',
    level2: '',
    level3,
    target: '',
    actual: '',
    weight: weight === null ? null : makeFigure(weight),
    score: score === null ? null : makeFigure(score),
    evidence: evidenceFor(level3, undefined, 1),
    ...more,
  };
}

export type FiguresInit = Partial<ReportRecord['figures']>;

export function makeRecord(figures: FiguresInit = {}, report: Partial<ReportRecord['report']> = {}): ReportRecord {
  return {
    schemaVersion: 2,
    extractorVersion: 'test',
    source: { fileName: null, sha256: null, format: 'txt', encoding: 'utf-8', pages: 1, ocrPages: 0, unreadPages: 0 },
    report: {
      title: null,
      kind: 'department_overall',
      documentKind: 'self_evaluation_report',
      department: null,
      fiscalYear: null,
      region: { province: null, city: null, county: null },
      ...report,
    },
    figures: {
      budget: null,
      budgetInitial: null,
      execution: null,
      executionRate: null,
      selfScore: null,
      byFunction: [],
      byNature: [],
      fundSources: [],
      projects: [],
      counts: [],
      indicators: [],
      ...figures,
    },
    parts: [],
    forms: [],
    roles: [],
    checks: [],
  };
}

/** A NamedAmount from a name and a stated amount. */
export function named(name: string, stated: string, code?: string): ReportRecord['figures']['byFunction'][number] {
  return code === undefined ? { name, amount: makeFigure(stated) } : { name, code, amount: makeFigure(stated) };
}

/** The results of one rule. */
export function ofRule(results: readonly CheckResult[], rule: string): CheckResult[] {
  return results.filter((r) => r.rule === rule);
}
