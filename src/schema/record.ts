/**
 * The ReportRecord: the contract between extraction, checks, the store and every export.
 * `schema/report-record.schema.json` is generated from these zod schemas (`npm run schema`).
 */
import { z } from 'zod';

/** Where a figure stands: page (1-based, null when the format has no pages) and a span of the normalized text. */
export const Evidence = z.object({
  page: z.number().int().nullable(),
  /** Offsets into the document's normalized text, [start, end). */
  start: z.number().int(),
  end: z.number().int(),
  /** The normalized text of the span. */
  quote: z.string(),
  /** Offsets into the raw text as read, [rawStart, rawEnd). */
  rawStart: z.number().int().optional(),
  rawEnd: z.number().int().optional(),
  /** Set when the page came from OCR: its mean recognition confidence, 0..1. */
  ocrConfidence: z.number().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * How a stated number relates to the true quantity:
 * exact (rounded to its printed digits), at_least (以上, 不少于, 多/余 with `hi` the next step),
 * more_than (超过, 逾), at_most (以内, 不超过), less_than (近, 不足), about (约, 左右), range (3-5).
 */
export const Approx = z.enum(['exact', 'at_least', 'more_than', 'at_most', 'less_than', 'about', 'range']);
export type Approx = z.infer<typeof Approx>;

export const FigureKind = z.enum(['money', 'percent', 'score', 'count', 'measure', 'plain']);
export type FigureKind = z.infer<typeof FigureKind>;

/** A stated number with its unit, precision and place in the source. */
export const Figure = z.object({
  /** Value in base units: yuan for money, a fraction for rates (0.802), points for scores, the count for counts. */
  value: z.number(),
  /** The same value as an exact decimal string (no binary rounding): "8903300", "0.802". */
  exact: z.string(),
  /** The figure as stated, normalized: "890.33万元". */
  text: z.string(),
  /** Unit as stated: 万元, 元, %, 分, 名 … ("" when none). */
  unit: z.string(),
  kind: FigureKind,
  /** Decimals printed in the stated number (890.33 → 2). */
  precision: z.number().int(),
  /** Power of ten from the stated unit to the base unit: 万元 → 4, 亿元 → 8, % → -2, 元 → 0. */
  scale: z.number().int(),
  approx: Approx,
  /** Bounds for approximate figures, base units, as exact decimal strings; absent when exact. */
  lo: z.string().optional(),
  hi: z.string().optional(),
  evidence: Evidence,
});
export type Figure = z.infer<typeof Figure>;

export const NamedAmount = z.object({
  name: z.string(),
  /** 政府收支分类科目 class code (201…234) for functional classes. */
  code: z.string().optional(),
  amount: Figure,
});
export type NamedAmount = z.infer<typeof NamedAmount>;

export const Project = z.object({
  name: z.string(),
  budget: Figure.nullable(),
  budgetInitial: Figure.nullable().optional(),
  execution: Figure.nullable(),
  executionRate: Figure.nullable(),
  evidence: Evidence.optional(),
});
export type Project = z.infer<typeof Project>;

export const Count = z.object({
  value: z.number(),
  unit: z.string(),
  approx: Approx,
  lo: z.string().optional(),
  hi: z.string().optional(),
  /** What is counted: 党组织书记和党务干部. */
  subject: z.string(),
  /** What was done to/with it: 培训. */
  action: z.string(),
  text: z.string(),
  evidence: Evidence,
});
export type Count = z.infer<typeof Count>;

/** One row of a 自评表's 绩效指标 part. */
export const Indicator = z.object({
  /** 一级指标 */
  level1: z.string(),
  /** 二级指标 */
  level2: z.string(),
  /** 三级指标 */
  level3: z.string(),
  /** 年度指标值 */
  target: z.string(),
  /** 实际完成值 */
  actual: z.string(),
  /** 分值 */
  weight: Figure.nullable(),
  /** 得分 */
  score: Figure.nullable(),
  evidence: Evidence,
});
export type Indicator = z.infer<typeof Indicator>;

export const ReportKind = z.enum(['department_overall', 'project', 'unknown']);
export type ReportKind = z.infer<typeof ReportKind>;

export const Region = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
});
export type Region = z.infer<typeof Region>;

export const Interval = z.object({
  lo: z.string(),
  hi: z.string(),
  loOpen: z.boolean(),
  hiOpen: z.boolean(),
});
export type Interval = z.infer<typeof Interval>;

export const CheckStatus = z.enum(['pass', 'fail', 'warn', 'not_applicable']);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** One consistency check's outcome: data, never an exception. */
export const CheckResult = z.object({
  /** Rule id, e.g. `execution_rate`, `sum.by_function`. */
  rule: z.string(),
  status: CheckStatus,
  /** The interval computed from the parts, in `unit`. */
  expected: Interval.nullable(),
  /** The interval of the stated result, in `unit`. */
  actual: Interval.nullable(),
  /** Unit of both intervals, in the report's own terms (万元, %, 分 …). */
  unit: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  /** Every figure the rule used. */
  evidence: z.array(z.object({ role: z.string(), text: z.string(), evidence: Evidence })),
  /** Rule-specific detail (e.g. which budget was the denominator). */
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const SourceInfo = z.object({
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  format: z.string(),
  encoding: z.string().nullable(),
  pages: z.number().int(),
  ocrPages: z.number().int(),
  /** Pages that need OCR but were not recognized. */
  unreadPages: z.number().int(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const ReportRecord = z.object({
  schemaVersion: z.literal(1),
  extractorVersion: z.string(),
  source: SourceInfo,
  report: z.object({
    title: z.string().nullable(),
    kind: ReportKind,
    /** Full name of the reporting unit. */
    department: z.string().nullable(),
    fiscalYear: z.number().int().nullable(),
    region: Region,
  }),
  figures: z.object({
    /** 全年预算数 / 调整后预算数, or the only budget stated. */
    budget: Figure.nullable(),
    /** 年初预算数 */
    budgetInitial: Figure.nullable(),
    /** 执行数 / 支出数 */
    execution: Figure.nullable(),
    /** 执行率, as stated. */
    executionRate: Figure.nullable(),
    /** 自评得分 */
    selfScore: Figure.nullable(),
    /** 支出按功能分类 */
    byFunction: z.array(NamedAmount),
    /** 基本支出 / 项目支出 / 人员经费 / 公用经费 */
    byNature: z.array(NamedAmount),
    /** 财政拨款 / 其他资金 … */
    fundSources: z.array(NamedAmount),
    projects: z.array(Project),
    counts: z.array(Count),
    indicators: z.array(Indicator),
  }),
  checks: z.array(CheckResult),
});
export type ReportRecord = z.infer<typeof ReportRecord>;
